import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { OwnCount } from './values';

/** SQL of samen's own figures (migration 0041): counts only, from the definer function, in the system scope. */

export async function ownRecordCounts(trx: Tx, fromYear: number, toYear: number): Promise<OwnCount[]> {
  const r = await sql<{ element: string; geo_code: string; period: string; n: number }>`
    select element, geo_code, period, n from app.obs_own_record_counts(${fromYear}::int, ${toYear}::int,
      ${toYear}::int) order by 1, 2, 3`.execute(trx);
  return r.rows.map((x) => ({ element: x.element, geoCode: x.geo_code, period: x.period, n: Number(x.n) }));
}

/** Every earlier samen vintage of these elements: the recomputation replaces them all. */
export async function deleteOwnValues(trx: Tx, elementIds: string[]): Promise<number> {
  if (elementIds.length === 0) return 0;
  const r = await trx
    .deleteFrom('obs_values')
    .where('org_id', 'is', null)
    .where('element_id', 'in', elementIds)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The last computation (its import row), for the observatory page. */
export const lastComputation = (trx: Tx) =>
  trx
    .selectFrom('obs_imports')
    .select(['id', 'vintage', 'value_count', 'created_at'])
    .where('format', '=', 'samen')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
