import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import type { PlacementPage } from '../../../common/placements/agreement-schemas';
import { get, qs } from '../../app/api';
import { useCan } from '../../app/session';
import { LinkButton } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import { Card } from '../../app/ui/layout';
import { StatusBadge, useAgreementFormat } from './format';

/** The person's placement agreements on their page, with the way to prepare a new one. */
export function PersonAgreementsCard({ personId, canManage }: { personId: string; canManage: boolean }) {
  const fmt = useAgreementFormat();
  const canView = useCan('placement.view');
  const mayCreate = useCan('placement.manage') && canManage;
  const q = useQuery({
    queryKey: ['placements', 'person', personId],
    queryFn: () => get<PlacementPage>(`/api/placements${qs({ personId, side: 'home', pageSize: 50 })}`),
    enabled: canView,
  });
  if (!canView) return null;
  const items = q.data?.items ?? [];
  return (
    <Card
      title={<FormattedMessage id="agreementScreens.person.title" />}
      actions={
        mayCreate && (
          <LinkButton to={`/app/people/${personId}/agreements/new`} variant="secondary">
            <FormattedMessage id="agreementScreens.person.new" />
          </LinkButton>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {q.data && items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="agreementScreens.person.none" />
        </p>
      )}
      {items.length > 0 && (
        <ul className="stack">
          {items.map((p) => (
            <li key={p.id}>
              <Link to={`/app/placements/${p.id}`}>
                <FormattedMessage
                  id="agreementScreens.person.item"
                  values={{ host: fmt.orgName(p.hostOrg), period: fmt.period(p.startsOn, p.endsOn) }}
                />
              </Link>{' '}
              <StatusBadge status={p.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
