import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../platform/db/context';
import type { InitiativeResultsTable, InitiativesTable } from './tables';
import './tables';

/** The initiatives module's SQL: initiatives, partners, territories, results. RLS decides who sees what. */

export type InitiativeRow = Selectable<InitiativesTable> & {
  lead_name_fr: string;
  lead_name_nl: string;
  lead_short_name: string | null;
  lead_country: 'FR' | 'BE';
};
export type ResultRow = Selectable<InitiativeResultsTable> & {
  org_name_fr: string;
  org_name_nl: string;
  org_short_name: string | null;
};

const initiativeQuery = (trx: Tx) =>
  trx
    .selectFrom('initiatives as i')
    .innerJoin('organisations as o', 'o.id', 'i.org_id')
    .selectAll('i')
    .select([
      'o.name_fr as lead_name_fr',
      'o.name_nl as lead_name_nl',
      'o.short_name as lead_short_name',
      sql<'FR' | 'BE'>`o.country`.as('lead_country'),
    ]);

export const listInitiatives = (trx: Tx, publishedOnly = false): Promise<InitiativeRow[]> => {
  let q = initiativeQuery(trx);
  if (publishedOnly) q = q.where('i.published', '=', true);
  return q.orderBy('i.created_at', 'desc').limit(500).execute();
};

export const findInitiative = (trx: Tx, id: string): Promise<InitiativeRow | undefined> =>
  initiativeQuery(trx).where('i.id', '=', id).executeTakeFirst();

export const lockInitiative = (trx: Tx, id: string) =>
  trx.selectFrom('initiatives').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export const partnersOf = (trx: Tx, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('initiative_partners as p')
        .innerJoin('organisations as o', 'o.id', 'p.partner_org_id')
        .select(['p.initiative_id', 'p.partner_org_id', 'o.name_fr', 'o.name_nl', 'o.short_name'])
        .select(sql<'FR' | 'BE'>`o.country`.as('country'))
        .where('p.initiative_id', 'in', ids)
        .orderBy('o.name_fr')
        .execute();

export const territoriesOf = (trx: Tx, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('initiative_territories as it')
        .innerJoin('territories as t', 't.code', 'it.territory_code')
        .select(['it.initiative_id', 't.code', 't.name_fr', 't.name_nl', 't.centroid_lon', 't.centroid_lat'])
        .where('it.initiative_id', 'in', ids)
        .orderBy('t.name_fr')
        .execute();

export async function setPartners(trx: Tx, id: string, orgId: string, partnerIds: readonly string[]) {
  await trx.deleteFrom('initiative_partners').where('initiative_id', '=', id).execute();
  if (partnerIds.length)
    await trx
      .insertInto('initiative_partners')
      .values(partnerIds.map((p) => ({ initiative_id: id, partner_org_id: p, org_id: orgId })))
      .execute();
}

export async function setTerritories(trx: Tx, id: string, orgId: string, codes: readonly string[]) {
  await trx.deleteFrom('initiative_territories').where('initiative_id', '=', id).execute();
  if (codes.length)
    await trx
      .insertInto('initiative_territories')
      .values(codes.map((c) => ({ initiative_id: id, territory_code: c, org_id: orgId })))
      .execute();
}

export const existingOrganisations = (trx: Tx, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : trx.selectFrom('organisations').select('id').where('id', 'in', ids).execute();

export const existingMunicipalities = (trx: Tx, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('territories')
        .select('code')
        .where('code', 'in', codes)
        .where('level', '=', 'municipality')
        .execute();

export const programmeExists = async (trx: Tx, id: string) =>
  !!(await trx.selectFrom('programmes').select('id').where('id', '=', id).executeTakeFirst());

export const resultsOf = (trx: Tx, id: string): Promise<ResultRow[]> =>
  trx
    .selectFrom('initiative_results as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select(['o.name_fr as org_name_fr', 'o.name_nl as org_name_nl', 'o.short_name as org_short_name'])
    .where('r.initiative_id', '=', id)
    .orderBy('r.entry_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();

/** How many volunteers took part and for how many hours, every organisation's assignments (no names). */
export async function volunteerTotals(trx: Tx, id: string) {
  const r = await sql<{ volunteers: number; hours: string | number }>`
    select volunteers, hours from app.initiative_volunteer_totals(${id}::uuid)`.execute(trx);
  const row = r.rows[0];
  return { volunteers: Number(row?.volunteers ?? 0), hours: Number(row?.hours ?? 0) };
}
