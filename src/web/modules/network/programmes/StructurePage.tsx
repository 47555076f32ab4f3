import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { programmesApi } from '../../../../common/network/endpoints';
import { programmeLink } from '../../../../common/network/links';
import { useEndpoint } from '../../../app/client';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { ActionsEditor } from './ActionsEditor';
import { useProgrammeFormat } from './format';
import { MilestonesEditor } from './MilestonesEditor';
import { PerimeterEditor } from './PerimeterEditor';

/** /app/programmes/:id/structure: the lead edits the actions, milestones and perimeter, each saved on its own. */
export function StructurePage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const f = useProgrammeFormat();
  const q = useEndpoint(programmesApi.get, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  if (!p.canEdit) return <EmptyState title={<FormattedMessage id="network.programmes.errors.not_lead" />} />;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'network.programmes.structure.title' }, { name: f.name(p) })}
        actions={
          <LinkButton to={programmeLink.href({ id: p.id })} variant="ghost">
            <FormattedMessage id="network.programmes.structure.back" />
          </LinkButton>
        }
      />
      <ActionsEditor programme={p} />
      <MilestonesEditor programme={p} />
      <PerimeterEditor programme={p} />
    </div>
  );
}
