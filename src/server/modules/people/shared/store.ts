import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';

/**
 * One page of the persons the current organisation may see through grants in force, with their home
 * organisation (app.shared_person_ids decides; it reveals ids and granted groups only).
 */
export async function sharedPersonIds(trx: Tx, page: number, pageSize: number) {
  const rows = await sql<{ person_id: string; home_org_id: string; name_fr: string; name_nl: string }>`
    select s.person_id, s.home_org_id, o.name_fr, o.name_nl
    from app.shared_person_ids() s join organisations o on o.id = s.home_org_id
    order by o.name_fr, s.person_id
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(trx);
  const count = await sql<{ n: number }>`select count(*)::int as n from app.shared_person_ids()`.execute(trx);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function organisationNames(trx: Tx, id: string) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl'])
    .where('id', '=', id)
    .executeTakeFirst();
}
