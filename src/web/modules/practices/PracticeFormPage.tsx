import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { practicesApi } from '../../../common/practices/endpoints';
import { practiceLink } from '../../../common/practices/links';
import { call, invalidate, useEndpoint } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import { initialState, stateOf } from './form-state';
import { PracticeForm } from './PracticeForm';

/** A new sheet of the organisation, written first in the page's language (French unless Dutch). */
export function NewPracticePage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'practices.form.new_title' })}
        description={<FormattedMessage id="practices.form.new_intro" />}
      />
      <PracticeForm
        initial={initialState(language === 'nl' ? 'nl' : 'fr')}
        submitLabel={intl.formatMessage({ id: 'practices.form.create' })}
        onSubmit={async (body) => {
          const created = await call(practicesApi.create, { body });
          await invalidate(client, practicesApi.search);
          navigate(practiceLink.href({ id: created.id }));
        }}
      />
    </div>
  );
}

/** Changes a sheet: a draft for its writers, a published sheet for those who may publish. */
export function EditPracticePage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const navigate = useNavigate();
  const client = useQueryClient();
  const q = useEndpoint(practicesApi.get, { params: { id } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'practices.form.edit_title' }, { reference: q.data.reference })}
      />
      <PracticeForm
        initial={stateOf(q.data)}
        submitLabel={intl.formatMessage({ id: 'practices.form.save' })}
        onSubmit={async (body) => {
          await call(practicesApi.update, { params: { id }, body });
          await invalidate(client, practicesApi.get, practicesApi.search);
          navigate(practiceLink.href({ id }));
        }}
      />
    </div>
  );
}
