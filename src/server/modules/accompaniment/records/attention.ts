import { sql } from 'kysely';
import { PERMIT_REMINDER_LEADS } from '../../../../common/accompaniment/records-status';
import { personLink, personsLink } from '../../../../common/people/links';
import { actorCan } from '../../../platform/actor';
import type { AttentionProvider } from '../../../platform/attention';

const WINDOW = PERMIT_REMINDER_LEADS[0];

/**
 * The referent's newcomers whose residence permit expires within 90 days (the reminders' window): one
 * item, urgent from 30 days, due on the first expiry; it opens the person when there is one, else the
 * caseload.
 */
export const permitAttention: AttentionProvider = async (trx, actor, { today }) => {
  if (!actor.orgId || !actorCan(actor, 'person.view')) return [];
  const r = await sql<{ person_id: string; expires_on: string }>`select n.person_id,
      n.permit_expires_on::text as expires_on
    from newcomer_profiles n join persons p on p.id = n.person_id
    where n.org_id = ${actor.orgId}::uuid and p.referent_user_id = ${actor.userId}::uuid
      and p.status = 'active' and n.current_status <> 'citizen'
      and n.permit_expires_on between ${today}::date and ${today}::date + ${WINDOW}::int
    order by n.permit_expires_on`.execute(trx);
  const first = r.rows[0];
  if (!first) return [];
  const soon = Date.parse(first.expires_on) - Date.parse(today) <= 30 * 86_400_000;
  return [
    {
      key: 'accompaniment.records.attention.permits_expiring',
      count: r.rows.length,
      severity: soon ? 'high' : 'normal',
      link: r.rows.length === 1 ? personLink.href({ id: first.person_id }) : personsLink.href(),
      dueOn: first.expires_on,
    },
  ];
};
