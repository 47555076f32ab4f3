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
      // Along the key (migration 0042), not through every value.
      sql<string[] | null>`(select array_agg(distinct p.period order by p.period)
        from app.obs_element_periods(e.id) p)`.as('periods'),
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

/**
 * How many values of these elements each organisation holds for this vintage (a re-import replaces its own;
 * another's refuses it). One pass over the vintage's values, by obs_values_vintage (migration 0042).
 */
export async function vintageCounts(trx: Tx, elementIds: string[], vintage: string) {
  if (elementIds.length === 0) return new Map<string | null, number>();
  const rows = await trx
    .selectFrom('obs_values')
    .select(['org_id', sql<string>`count(*)`.as('n')])
    .where('vintage', '=', vintage)
    .where('element_id', 'in', elementIds)
    .groupBy('org_id')
    .execute();
  return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
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

/**
 * Writes values as columns, one array per column unnested by the server, in chunks of `chunk` rows: a few
 * statements of a few parameters each, instead of a VALUES list of 9 parameters a row that both engines
 * parse and plan row by row (issue 12: ≥ 100,000 values/s on PostgreSQL, ≥ 20,000/s on PGlite).
 * Rows are grouped by vintage, owner and import (a file's import is one group), which then go once.
 */
export async function insertValues(trx: Tx, rows: ValueRow[], chunk = 25_000) {
  const groups = new Map<string, ValueRow[]>();
  for (const r of rows) {
    const key = `${r.vintage}\u0000${r.org_id}\u0000${r.import_id}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  for (const group of groups.values())
    for (let i = 0; i < group.length; i += chunk) {
      const part = group.slice(i, i + chunk);
      const { vintage, org_id, import_id } = part[0]!;
      const col = <K extends keyof ValueRow>(k: K) => part.map((r) => r[k]);
      const values = part.map((r) => (r.value === null ? null : String(r.value)));
      await sql`insert into obs_values
          (element_id, geo_code, period, disaggregation, vintage, value, secret, org_id, import_id)
        select v.element_id, v.geo_code, v.period, v.disaggregation, ${vintage}::text, v.value, v.secret,
          ${org_id}::uuid, ${import_id}::uuid
        from unnest(${col('element_id')}::uuid[], ${col('geo_code')}::text[], ${col('period')}::text[],
          ${col('disaggregation')}::text[], ${values}::numeric[], ${col('secret')}::boolean[])
          as v (element_id, geo_code, period, disaggregation, value, secret)`.execute(trx);
    }
}

/** The values of some elements, totals only (no disaggregation), every period. */

/**
 * The values of some elements at some disaggregations ('total', 'sex:F'…), with their import: every period,
 * or only the periods named (a map reads the year asked for and its neighbours, along the key), leaving
 * out the territories named in `exceptCodes`.
 */
export const valuesOf = (
  trx: Tx,
  elementIds: string[],
  disaggregations: string[],
  periods?: string[],
  exceptCodes: string[] = [],
) =>
  elementIds.length === 0 || disaggregations.length === 0 || periods?.length === 0
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
        .$if(periods !== undefined, (q) => q.where('period', 'in', periods!))
        .$if(exceptCodes.length > 0, (q) => q.where('geo_code', 'not in', exceptCodes))
        .execute();

/** The (disaggregation, period) pairs stored for each of some elements, one probe of the key per pair. */
export async function periodsOf(trx: Tx, elementIds: string[]) {
  if (elementIds.length === 0) return [];
  const r = await sql<{ element_id: string; disaggregation: string; period: string }>`
    select e.id as element_id, p.disaggregation, p.period
    from unnest(${elementIds}::uuid[]) as e(id), lateral app.obs_element_periods(e.id) p`.execute(trx);
  return r.rows;
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

/** Names, country, centroid and boundary fingerprint of some territories. */
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
      // The boundary's fingerprint (stored, migration 0068): map-shapes.ts reads the coordinates only of
      // those it has not drawn.
      'g.geometry_hash',
    ])
    .where('t.code', 'in', codes)
    .execute();
}

/** Some territories' boundaries in full, with the fingerprint territoriesOf gives. */
export async function geometriesOf(trx: Tx, codes: string[]) {
  if (codes.length === 0) return [];
  return trx
    .selectFrom('territory_geometries')
    .select(['code', 'geometry', 'geometry_hash as hash'])
    .where('code', 'in', codes)
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

/** The territory groups the reader may filter a map by (the platform's and every organisation's). */
export const territoryGroups = (trx: Tx) =>
  trx
    .selectFrom('territory_groups')
    .select(['code', 'name_fr', 'name_nl'])
    .orderBy('kind')
    .orderBy('code')
    .execute();
