import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import type { ServiceDetail } from '../../../common/network/service-schemas';
import { del, get, patch, post } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { clean } from '../../app/ui/form';
import { PageHeader } from '../../app/ui/layout';
import { pickText } from '../directory/text';
import { changeBody, ServiceForm } from './ServiceForm';

function useDone() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (notice: string) => {
    await client.invalidateQueries({ queryKey: ['services'] });
    await client.invalidateQueries({ queryKey: ['directory'] });
    navigate('/app/services', { state: { notice } });
  };
}

export function NewServicePage() {
  const intl = useIntl();
  const done = useDone();
  return (
    <div className="stack">
      <PageHeader title={intl.formatMessage({ id: 'directory.manage.new' })} />
      <ServiceForm
        onSubmit={async (values) => {
          await post('/api/services', clean(values));
          await done('directory.manage.created');
        }}
      />
    </div>
  );
}

function DeleteService({ id }: { id: string }) {
  const done = useDone();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!confirming)
    return (
      <Button variant="danger" onPress={() => setConfirming(true)}>
        <FormattedMessage id="common.delete" />
      </Button>
    );
  return (
    <Alert tone="warning" title={<FormattedMessage id="directory.manage.delete_confirm" />}>
      <ErrorAlert error={error} />
      <div className="row">
        <Button
          variant="danger"
          autoFocus
          onPress={async () => {
            try {
              await del(`/api/services/${id}`);
              await done('directory.manage.deleted');
            } catch (e) {
              setError(e);
            }
          }}
        >
          <FormattedMessage id="directory.manage.delete_yes" />
        </Button>
        <Button variant="secondary" onPress={() => setConfirming(false)}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Alert>
  );
}

export function EditServicePage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const done = useDone();
  const q = useQuery({
    queryKey: ['services', 'detail', id],
    queryFn: () => get<ServiceDetail>(`/api/directory/services/${encodeURIComponent(id)}`),
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage(
          { id: 'directory.manage.edit' },
          { title: pickText(language, s.titleFr, s.titleNl)?.text ?? '' },
        )}
      />
      <ServiceForm
        existing={s}
        onSubmit={async (values) => {
          await patch(`/api/services/${id}`, { ...changeBody(values), expectedUpdatedAt: s.updatedAt });
          await done('directory.manage.saved');
        }}
        extraActions={<DeleteService id={id} />}
      />
    </div>
  );
}
