import { sql } from 'kysely';
import type { AttentionItem } from '../../../../common/dashboard/attention';
import { addMonths } from '../../../../common/placements/dates';
import { placementsLink } from '../../../../common/placements/links';
import {
  agreementAlerts,
  type CaseloadAlert,
  SIX_MONTH_WINDOW_MONTHS,
} from '../../../../common/placements/reminder-rules';
import { actorCan } from '../../../platform/actor';
import { type AttentionProvider, attentionItem } from '../../../platform/attention';
import { agreementFacts } from './store';

/** The agreements list, filtered: what each item opens (the list page reads the same filters). */
const mine = (status?: 'awaiting_signatures' | 'active') =>
  placementsLink.href(undefined, { side: 'home', status, mine: true });

/**
 * Agreements waiting on the reader: a referent's own with signatures pending, evaluations or outcomes due
 * (the same rules as the mailed reminders, on the same day); for coordinators and organisation admins, the
 * agreements their side must review (home centre) or validate (host). Links open the agreements list with
 * its filters.
 */
export const placementAttention: AttentionProvider = async (trx, actor, { today }) => {
  if (!actor.orgId || !actorCan(actor, 'placement.view')) return [];
  const out: AttentionItem[] = [];

  const own = await agreementFacts(
    trx,
    sql<boolean>`p.org_id = ${actor.orgId}::uuid and p.referent_user_id = ${actor.userId}::uuid
      and (p.ended_on is null or p.ended_on >= ${addMonths(today, -SIX_MONTH_WINDOW_MONTHS)}::date)`,
  );
  const alerts = own.map((a) => agreementAlerts(a.facts, today));
  const count = (code: CaseloadAlert) => alerts.filter((a) => a.includes(code)).length;
  out.push(
    ...attentionItem(
      'placements.overview.attention.signatures_pending',
      count('signature_pending'),
      'normal',
      mine('awaiting_signatures'),
    ),
    ...attentionItem(
      'placements.overview.attention.evaluations_due',
      count('evaluation_due'),
      'high',
      mine('active'),
    ),
    ...attentionItem('placements.overview.attention.outcomes_due', count('outcome_due'), 'high', mine()),
  );

  // Issue 9, item 4: a draft sent back to the referent (refused by the host, or returned in review).
  const returned = await sql<{ n: number }>`select count(*)::int as n from placements
    where org_id = ${actor.orgId}::uuid and referent_user_id = ${actor.userId}::uuid
      and status = 'draft' and status_reason is not null`.execute(trx);
  out.push(
    ...attentionItem(
      'placements.overview.attention.returned_drafts',
      returned.rows[0]?.n ?? 0,
      'high',
      placementsLink.href(undefined, { side: 'home', status: 'draft', mine: true }),
    ),
  );

  const review = actorCan(actor, 'placement.home_review');
  const validate = actorCan(actor, 'placement.host_validate');
  if (review || validate) {
    const r = await sql<{ home: number; host: number }>`select
        count(*) filter (where org_id = ${actor.orgId}::uuid and status = 'home_review')::int as home,
        count(*) filter (where host_org_id = ${actor.orgId}::uuid and status = 'host_validation')::int as host
      from placements where status in ('home_review', 'host_validation')
        and (org_id = ${actor.orgId}::uuid or host_org_id = ${actor.orgId}::uuid)`.execute(trx);
    const c = r.rows[0];
    if (review)
      out.push(
        ...attentionItem(
          'placements.overview.attention.home_review',
          c?.home ?? 0,
          'high',
          placementsLink.href(undefined, { side: 'home', status: 'home_review' }),
        ),
      );
    if (validate) {
      // The host's own signature, which its signatories and validators give (issue 9, item 4).
      const unsigned = await sql<{ n: number }>`select count(*)::int as n from placements p
        where p.host_org_id = ${actor.orgId}::uuid and p.status = 'awaiting_signatures'
          and not exists (select 1 from placement_signatures s where s.placement_id = p.id
            and s.version = p.version and s.role = 'host_representative' and s.signed_at is not null)`.execute(
        trx,
      );
      out.push(
        ...attentionItem(
          'placements.overview.attention.host_signature',
          unsigned.rows[0]?.n ?? 0,
          'high',
          placementsLink.href(undefined, { side: 'host', status: 'awaiting_signatures' }),
        ),
      );
    }
    if (validate)
      out.push(
        ...attentionItem(
          'placements.overview.attention.host_validation',
          c?.host ?? 0,
          'high',
          placementsLink.href(undefined, { side: 'host', status: 'host_validation' }),
        ),
      );
  }
  return out;
};
