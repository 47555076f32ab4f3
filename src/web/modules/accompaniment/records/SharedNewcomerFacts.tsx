import { newcomerRecordsApi as api } from '../../../../common/accompaniment/records-endpoints';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Card, Facts } from '../../../app/ui/layout';
import { useRecordWords } from './words';

/**
 * What the person's home organisation shares of their newcomer record with the reader's organisation
 * (through its grants): the legal status summary and the psychosocial flag, each when its group is
 * granted. Rendered by the teams part on a received request's page; nothing when nothing is shared.
 */
export function SharedNewcomerFacts({ personId }: { personId: string }) {
  const w = useRecordWords();
  const canView = useCan('person.view_shared');
  const q = useEndpoint(api.shared, { params: { personId } }, { enabled: canView, retry: false });
  if (!canView) return null;
  if (!q.data)
    return q.isLoading ? null : (
      <Card title={w.msg('shared.title')}>
        <p className="muted">{w.msg('shared.none')}</p>
      </Card>
    );
  const { legalStatus: l, psychosocial: p } = q.data;
  const items: Array<[string, string]> = [];
  if (l) {
    items.push([w.msg('field.category'), w.msg(`category.${l.category}`)]);
    items.push([w.msg('panel.current_status'), w.msg(`status.${l.currentStatus}`)]);
    if (l.permitExpiresOn) items.push([w.msg('shared.permit_expires'), w.day(l.permitExpiresOn)]);
    if (l.integrationScheme)
      items.push([
        w.msg(`scheme.${l.integrationScheme}`),
        l.integrationStatus ? w.msg(`integration_status.${l.integrationStatus}`) : '—',
      ]);
  }
  if (p)
    items.push([
      w.msg('panel.psychosocial'),
      p.needed
        ? [
            w.msg('panel.psychosocial_needed'),
            p.referredTo ? w.msg('panel.referred_to', { name: p.referredTo }) : null,
            p.since ? w.msg('panel.since', { date: w.day(p.since) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')
        : w.msg('panel.psychosocial_none'),
    ]);
  return (
    <Card title={w.msg('shared.title')}>
      <Facts items={items} />
    </Card>
  );
}
