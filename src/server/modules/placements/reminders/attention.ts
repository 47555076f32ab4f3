import { sql } from 'kysely';
import type { AttentionItem } from '../../../../common/dashboard/attention';
import { addMonths } from '../../../../common/placements/dates';
import {
  agreementAlerts,
  type CaseloadAlert,
  SIX_MONTH_WINDOW_MONTHS,
} from '../../../../common/placements/reminder-rules';
import { actorCan } from '../../../platform/actor';
import type { AttentionProvider } from '../../../platform/attention';
import { agreementFacts, localToday } from './store';

const item = (key: string, count: number, severity: AttentionItem['severity'], link: string) =>
  count > 0 ? [{ key, count, severity, link }] : [];

/**
 * Agreements waiting on the reader: a referent's own with signatures pending, evaluations or outcomes due
 * (the same rules as the mailed reminders); for coordinators and organisation admins, the agreements their
 * side must review (home centre) or validate (host). Links open the agreements list with its filters.
 */
export const placementAttention: AttentionProvider = async (trx, actor) => {
  if (!actor.orgId || !actorCan(actor, 'placement.view')) return [];
  const out: AttentionItem[] = [];
  const today = localToday();

  const mine = await agreementFacts(
    trx,
    sql<boolean>`p.org_id = ${actor.orgId}::uuid and p.referent_user_id = ${actor.userId}::uuid
      and (p.ended_on is null or p.ended_on >= ${addMonths(today, -SIX_MONTH_WINDOW_MONTHS)}::date)`,
  );
  const alerts = mine.map((a) => agreementAlerts(a.facts, today));
  const count = (code: CaseloadAlert) => alerts.filter((a) => a.includes(code)).length;
  out.push(
    ...item(
      'overview.attention.signatures_pending',
      count('signature_pending'),
      'normal',
      '/app/placements?side=home&status=awaiting_signatures&mine=true',
    ),
    ...item(
      'overview.attention.evaluations_due',
      count('evaluation_due'),
      'high',
      '/app/placements?side=home&status=active&mine=true',
    ),
    ...item(
      'overview.attention.outcomes_due',
      count('outcome_due'),
      'high',
      '/app/placements?side=home&mine=true',
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
        ...item(
          'overview.attention.home_review',
          c?.home ?? 0,
          'high',
          '/app/placements?side=home&status=home_review',
        ),
      );
    if (validate)
      out.push(
        ...item(
          'overview.attention.host_validation',
          c?.host ?? 0,
          'high',
          '/app/placements?side=host&status=host_validation',
        ),
      );
  }
  return out;
};
