import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { newAgreementLink, placementLink } from '../../../../common/placements/links';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Card } from '../../../app/ui/layout';
import { NextStep, StatusBadge, useAgreementFormat } from './format';

/** The person's placement agreements on their page, whose turn each is, and the way to prepare a new one. */
export function PersonAgreementsCard({ personId, canManage }: { personId: string; canManage: boolean }) {
  const fmt = useAgreementFormat();
  const canView = useCan('placement.view');
  const mayCreate = useCan('placement.manage') && canManage;
  const q = useEndpoint(
    placementsEndpoints.placements,
    { query: { personId, side: 'home', pageSize: 50 } },
    { enabled: canView },
  );
  if (!canView) return null;
  const items = q.data?.items ?? [];
  return (
    <Card
      title={<FormattedMessage id="placements.agreements.person.title" />}
      actions={
        mayCreate && (
          <LinkButton to={newAgreementLink.href({ personId })} variant="secondary">
            <FormattedMessage id="placements.agreements.person.new" />
          </LinkButton>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {q.data && items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="placements.agreements.person.none" />
        </p>
      )}
      {items.length > 0 && (
        <ul className="stack">
          {items.map((p) => (
            <li key={p.id}>
              <Link to={placementLink.href({ id: p.id })}>
                <FormattedMessage
                  id="placements.agreements.person.item"
                  values={{ host: fmt.orgName(p.hostOrg), period: fmt.period(p.startsOn, p.endsOn) }}
                />
              </Link>{' '}
              <StatusBadge status={p.status} />
              <NextStep tasks={p.nextStep} dates={p} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
