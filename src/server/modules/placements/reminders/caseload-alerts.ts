import { sql } from 'kysely';
import { staysAbroadAlerts } from '../../../../common/placements/dates';
import { staysAlertApplies } from '../../../../common/placements/followup-rules';
import {
  agreementAlerts,
  CASELOAD_ALERTS,
  type CaseloadAlert,
} from '../../../../common/placements/reminder-rules';
import type { Tx } from '../../../platform/db/context';
import { agreementFacts } from './store';

/**
 * Alerts for one page of a caseload, from the persons' agreements in one query (never one per row):
 * a signature pending, an evaluation or an outcome due (the reminder rules), and for a Belgian
 * RIS/leefloon recipient, stays abroad this year that reach the notification or suspension thresholds.
 */
export async function caseloadAlerts(
  trx: Tx,
  persons: ReadonlyArray<{ id: string; benefit: string }>,
  today: string,
): Promise<Map<string, CaseloadAlert[]>> {
  const out = new Map<string, CaseloadAlert[]>();
  if (!persons.length) return out;
  // RLS: the caseload is the home organisation's, and so are these agreements.
  const agreements = await agreementFacts(
    trx,
    sql<boolean>`p.person_id in (${sql.join(persons.map((p) => sql`${p.id}::uuid`))})`,
    { stays: true },
  );
  const year = today.slice(0, 4);
  const benefit = new Map(persons.map((p) => [p.id, p.benefit]));
  const stays = new Map<string, Array<{ start: string; end: string }>>();
  for (const a of agreements) {
    const codes = new Set(out.get(a.personId) ?? []);
    for (const c of agreementAlerts(a.facts, today)) codes.add(c);
    out.set(a.personId, [...codes]);
    if (staysAlertApplies(benefit.get(a.personId)))
      stays.set(a.personId, [...(stays.get(a.personId) ?? []), ...a.stays]);
  }
  for (const [personId, periods] of stays) {
    const alerts = staysAbroadAlerts(periods).filter(
      (s) => String(s.year ?? '') === year || s.period?.end.startsWith(year),
    );
    if (alerts.length) out.set(personId, [...(out.get(personId) ?? []), 'stays_abroad']);
  }
  for (const [id, codes] of out)
    if (!codes.length) out.delete(id);
    else
      out.set(
        id,
        CASELOAD_ALERTS.filter((c) => codes.includes(c)),
      );
  return out;
}
