import { type Selectable, sql, type Updateable } from 'kysely';
import { likeAnywhere, searchTerm } from '../../../../common/kernel/schemas';
import type {
  OrganisationListItem,
  OrganisationQuery,
} from '../../../../common/network/organisation-schemas';
import type { Tx } from '../../../platform/db/context';
import type { OrganisationsTable } from '../../../platform/db/database';

export type OrganisationRow = Selectable<OrganisationsTable> & {
  municipality_name_fr: string | null;
  municipality_name_nl: string | null;
};

const toListItem = (r: OrganisationRow): OrganisationListItem => ({
  id: r.id,
  kind: r.kind,
  country: r.country,
  region: r.region,
  nameFr: r.name_fr,
  nameNl: r.name_nl,
  shortName: r.short_name,
  municipalityCode: r.municipality_code,
  municipalityNameFr: r.municipality_name_fr,
  municipalityNameNl: r.municipality_name_nl,
  status: r.status,
});

/**
 * One page of organisations and the total in one query (window count). The search folds accents and
 * case on both names (the trigram index on that expression) and on the short name.
 */
export async function listOrganisations(
  trx: Tx,
  query: OrganisationQuery,
  sortByDutch: boolean,
  page: number,
  pageSize: number,
) {
  const q = searchTerm(query.q);
  let select = trx
    .selectFrom('organisations as o')
    .leftJoin('territories as t', 't.code', 'o.municipality_code')
    .selectAll('o')
    .select(['t.name_fr as municipality_name_fr', 't.name_nl as municipality_name_nl'])
    .select(sql<number>`count(*) over ()`.as('total'));
  if (q) {
    const pattern = likeAnywhere(q);
    select = select.where(({ or }) =>
      or([
        sql<boolean>`app.fold(o.name_fr) || ' ' || app.fold(o.name_nl) like app.fold(${pattern})`,
        sql<boolean>`app.fold(o.short_name) like app.fold(${pattern})`,
      ]),
    );
  }
  if (query.kind) select = select.where('o.kind', '=', query.kind);
  if (query.country) select = select.where('o.country', '=', query.country);
  if (query.region) select = select.where('o.region', '=', query.region);
  if (query.status) select = select.where('o.status', '=', query.status);
  const rows = await select
    .orderBy(sql`app.fold(${sql.ref(sortByDutch ? 'o.name_nl' : 'o.name_fr')})`)
    .orderBy('o.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page > 1) {
    // Past the last page the window has no row to count on: count separately.
    const r = await select.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst();
    total = Number(r?.n ?? 0);
  }
  return { items: rows.map((r) => toListItem(r as OrganisationRow)), total };
}

export async function getOrganisation(trx: Tx, id: string): Promise<OrganisationRow | undefined> {
  const row = await trx
    .selectFrom('organisations as o')
    .leftJoin('territories as t', 't.code', 'o.municipality_code')
    .selectAll('o')
    .select(['t.name_fr as municipality_name_fr', 't.name_nl as municipality_name_nl'])
    .where('o.id', '=', id)
    .executeTakeFirst();
  return row as OrganisationRow | undefined;
}

export async function getOrganisationRow(trx: Tx, id: string) {
  return trx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The country of a known municipality, or undefined when no territory has that code. */
export async function municipalityCountry(trx: Tx, code: string): Promise<string | undefined> {
  const r = await trx.selectFrom('territories').select('country').where('code', '=', code).executeTakeFirst();
  return r?.country;
}

export type OrganisationInsert = Omit<Updateable<OrganisationsTable>, 'id' | 'created_at' | 'updated_at'> &
  Pick<OrganisationsTable, 'kind' | 'country' | 'region' | 'name_fr' | 'name_nl'>;

export async function insertOrganisation(trx: Tx, values: OrganisationInsert): Promise<string> {
  const r = await trx.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates the organisation; returns false when RLS (or a concurrent delete) left no row to update. */
export async function updateOrganisation(
  trx: Tx,
  id: string,
  values: Updateable<OrganisationsTable>,
): Promise<boolean> {
  const r = await trx
    .updateTable('organisations')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
