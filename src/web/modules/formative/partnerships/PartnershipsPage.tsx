import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { modulesLink, partnershipLink } from '../../../../common/formative/links';
import type { PartnershipSummary } from '../../../../common/formative/schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { useCommonFormat } from '../../../app/ui/format';
import { PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { NewPartnershipDialog } from './PartnershipDialogs';
import { useFormativeWords } from './words';

/** The formative partnerships the user's organisation is party to, as lead (host) or as partner. */
export function PartnershipsPage() {
  const w = useFormativeWords();
  const f = useCommonFormat();
  const canView = useCan('formative.view');
  const q = useEndpoint(api.list, {}, { enabled: canView });
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const { items, canCreate, canManageModules } = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={w.p('title')}
        description={w.p('description')}
        actions={
          canCreate || canManageModules ? (
            <>
              {canManageModules && (
                <LinkButton to={modulesLink.href()} variant="secondary">
                  {w.mod('link')}
                </LinkButton>
              )}
              {canCreate && <NewPartnershipDialog />}
            </>
          ) : undefined
        }
      />
      {items.length === 0 ? (
        <EmptyState title={w.p('empty')}>{canCreate ? w.p('empty_lead') : null}</EmptyState>
      ) : (
        <DataTable<PartnershipSummary>
          caption={w.p('title')}
          stacked
          rows={items}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'partnership',
              header: w.p('col.partnership'),
              render: (r) => (
                <>
                  <Link to={partnershipLink.href({ id: r.id })}>
                    {w.p('open', { lead: w.org(r.lead), partner: w.org(r.partner) })}
                  </Link>
                  <div className="muted">{r.programme.acronym ?? w.name(r.programme)}</div>
                </>
              ),
            },
            { key: 'trainee', header: w.p('col.trainee'), render: (r) => r.traineeName },
            {
              key: 'immersion',
              header: w.p('col.immersion'),
              render: (r) =>
                w.p('period', { from: f.day(r.immersionStartsOn), to: f.day(r.immersionEndsOn) }),
            },
            { key: 'side', header: w.p('col.side'), render: (r) => w.p(`side.${r.side}`) },
          ]}
        />
      )}
    </div>
  );
}
