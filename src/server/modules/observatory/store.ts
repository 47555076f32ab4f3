import { sql } from 'kysely';
import type { Tx } from '../../platform/db/context';

/** SQL of the observatory (migration 0036); RLS lets every signed-in user read, an organisation write its own. */

export const listElements = (trx: Tx) =>
  trx
    .selectFrom('obs_data_elements as e')
    .selectAll('e')
    .select((eb) => [
      eb
        .selectFrom('obs_values as v')
        .whereRef('v.element_id', '=', 'e.id')
        .select(sql<string>`count(*)`.as('n'))
        .as('value_count'),
      sql<string[] | null>`(select array_agg(distinct v.period order by v.period) from obs_values v
        where v.element_id = e.id)`.as('periods'),
    ])
    .orderBy('e.theme')
    .orderBy('e.code')
    .execute();
export type ElementRow = Awaited<ReturnType<typeof listElements>>[number];

export const listIndicators = (trx: Tx) =>
  trx.selectFrom('obs_indicators').selectAll().orderBy('theme').orderBy('code').execute();
export type IndicatorRow = Awaited<ReturnType<typeof listIndicators>>[number];

export const findIndicator = (trx: Tx, code: string) =>
  trx.selectFrom('obs_indicators').selectAll().where('code', '=', code).executeTakeFirst();

export const elementsById = (trx: Tx, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : trx.selectFrom('obs_data_elements').selectAll().where('id', 'in', ids).execute();

export const elementsByCode = (trx: Tx, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : trx.selectFrom('obs_data_elements').selectAll().where('code', 'in', codes).execute();

/** The municipalities and other territories samen knows, for checking a file's codes. */
export async function knownTerritoryCodes(trx: Tx): Promise<Set<string>> {
  const rows = await trx.selectFrom('territories').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

/** Organisations whose imports hold values of these elements for this vintage (a re-import replaces them). */
export async function vintageOwners(trx: Tx, elementIds: string[], vintage: string) {
  if (elementIds.length === 0) return [];
  const rows = await trx
    .selectFrom('obs_values')
    .select('org_id')
    .distinct()
    .where('element_id', 'in', elementIds)
    .where('vintage', '=', vintage)
    .execute();
  return rows.map((r) => r.org_id);
}

export async function deleteVintage(trx: Tx, orgId: string, elementIds: string[], vintage: string) {
  if (elementIds.length === 0) return 0;
  const r = await trx
    .deleteFrom('obs_values')
    .where('org_id', '=', orgId)
    .where('element_id', 'in', elementIds)
    .where('vintage', '=', vintage)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface ValueRow {
  element_id: string;
  geo_code: string;
  period: string;
  disaggregation: string;
  vintage: string;
  value: number | null;
  secret: boolean;
  /** Null for samen's own computation (migration 0041). */
  org_id: string | null;
  import_id: string;
}

/** Writes values in batches (one statement per batch keeps a large import fast on both engines). */
export async function insertValues(trx: Tx, rows: ValueRow[], batch = 2000) {
  for (let i = 0; i < rows.length; i += batch)
    await trx
      .insertInto('obs_values')
      .values(rows.slice(i, i + batch))
      .execute();
}

/** The values of some elements, totals only (no disaggregation), every period. */
export const totalsOf = (trx: Tx, elementIds: string[]) => valuesOf(trx, elementIds, ['total']);

/** The values of some elements at some disaggregations ('total', 'sex:F'…), every period, with their import. */
export const valuesOf = (trx: Tx, elementIds: string[], disaggregations: string[]) =>
  elementIds.length === 0 || disaggregations.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('obs_values')
        .select([
          'element_id',
          'geo_code',
          'period',
          'disaggregation',
          'vintage',
          'value',
          'secret',
          'import_id',
        ])
        .where('element_id', 'in', elementIds)
        .where('disaggregation', 'in', disaggregations)
        .execute();

/** The disaggregations stored for each of some elements ('total' included when there is any total). */
export async function disaggregationsOf(trx: Tx, elementIds: string[]) {
  if (elementIds.length === 0) return [];
  return trx
    .selectFrom('obs_values')
    .select(['element_id', 'disaggregation'])
    .distinct()
    .where('element_id', 'in', elementIds)
    .execute();
}

/** The geography vintage each import declared ('COG 2024', 'REFNIS 2025'), for dating the codes it used. */
export async function importGeoVintages(trx: Tx, importIds: string[]) {
  if (importIds.length === 0) return new Map<string, string | null>();
  const rows = await trx
    .selectFrom('obs_imports')
    .select(['id', 'geo_vintage'])
    .where('id', 'in', importIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.geo_vintage]));
}

/** Every territory code change (migration 0035), oldest first: values under old codes are remapped with it. */
export const codeChanges = (trx: Tx) =>
  trx
    .selectFrom('territory_code_changes')
    .select([
      'old_code',
      'new_code',
      sql<string>`to_char(effective_on, 'YYYY-MM-DD')`.as('effective_on'),
      'kind',
      'share',
    ])
    .orderBy('effective_on')
    .orderBy('old_code')
    .orderBy('new_code')
    .execute();

/** Names, country and what the map draws (boundary, else the centroid) of some territories. */
export async function territoriesOf(trx: Tx, codes: string[]) {
  if (codes.length === 0) return [];
  return trx
    .selectFrom('territories as t')
    .leftJoin('territory_geometries as g', 'g.code', 't.code')
    .select([
      't.code',
      't.country',
      't.name_fr',
      't.name_nl',
      't.centroid_lon',
      't.centroid_lat',
      'g.geometry',
    ])
    .where('t.code', 'in', codes)
    .execute();
}

export const savedMapping = async (trx: Tx, orgId: string, sourceKey: string) =>
  (
    await trx
      .selectFrom('obs_mappings')
      .select('mapping')
      .where('org_id', '=', orgId)
      .where('source_key', '=', sourceKey)
      .executeTakeFirst()
  )?.mapping ?? null;

export async function saveMapping(trx: Tx, orgId: string, sourceKey: string, mapping: unknown, by: string) {
  await trx
    .insertInto('obs_mappings')
    .values({ org_id: orgId, source_key: sourceKey, mapping: JSON.stringify(mapping), updated_by: by })
    .onConflict((oc) =>
      oc.columns(['org_id', 'source_key']).doUpdateSet({
        mapping: JSON.stringify(mapping),
        updated_by: by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function countVintage(trx: Tx, orgId: string, elementIds: string[], vintage: string) {
  if (elementIds.length === 0) return 0;
  const r = await trx
    .selectFrom('obs_values')
    .select(sql<string>`count(*)`.as('n'))
    .where('org_id', '=', orgId)
    .where('element_id', 'in', elementIds)
    .where('vintage', '=', vintage)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The territory groups the reader may filter a map by (the platform's and every organisation's). */
export const territoryGroups = (trx: Tx) =>
  trx
    .selectFrom('territory_groups')
    .select(['code', 'name_fr', 'name_nl'])
    .orderBy('kind')
    .orderBy('code')
    .execute();
