import type { RawBuilder } from 'kysely';
import type { ProfileRow } from '../../common/monitoring/characteristics';
import { countFromRows, type IndicatorCount } from '../../common/monitoring/rules';
import type { Tx } from './db/context';
import type { IndicatorRecord } from './module';

/**
 * Helpers for the modules' counting rules (migration 0017): every rule's SQL answers counts as
 * `(partner_org_id, n)` grouped by partner and in total, and records as the same six columns.
 */

export async function runCount(
  trx: Tx,
  query: RawBuilder<{ partner_org_id: string | null; n: number }>,
): Promise<IndicatorCount> {
  return countFromRows((await query.execute(trx)).rows);
}

interface RecordRow {
  subject: string;
  person_id: string | null;
  partner_org_id: string;
  starts_on: string | null;
  ends_on: string | null;
  detail: string | null;
}

export async function runRecords(trx: Tx, query: RawBuilder<RecordRow>): Promise<IndicatorRecord[]> {
  return (await query.execute(trx)).rows.map((r) => ({
    subject: r.subject,
    personId: r.person_id,
    partnerOrgId: r.partner_org_id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    detail: r.detail,
  }));
}

/** A set parameter as the SQL text[] it is passed as. */
export const setParam = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** A rule's profile query (`<rule>_profile`, migration 0022): rows of `(sex, age, n)`. */
export async function runProfile(
  trx: Tx,
  query: RawBuilder<{ sex: string | null; age: number | string; n: number | string }>,
): Promise<ProfileRow[]> {
  return (await query.execute(trx)).rows.map((r) => ({ sex: r.sex, age: Number(r.age), n: Number(r.n) }));
}
