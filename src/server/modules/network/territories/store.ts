import type { Geometry } from 'geojson';
import { sql } from 'kysely';
import { likeAnywhere, searchTerm } from '../../../../common/kernel/schemas';
import { bboxOf } from '../../../../common/network/geo';
import type { Territory } from '../../../../common/network/territory';
import type { TerritoryListItem, TerritoryQuery } from '../../../../common/network/territory-schemas';
import type { Tx } from '../../../platform/db/context';

/** Rows per INSERT: well under the bind-parameter limit, small enough to keep memory flat. */
const CHUNK = 500;

/** One page of territories and the total (window count); the search folds accents on both names. */
export async function listTerritories(
  trx: Tx,
  query: TerritoryQuery,
  sortByDutch: boolean,
  page: number,
  pageSize: number,
): Promise<{ items: TerritoryListItem[]; total: number }> {
  const q = searchTerm(query.q);
  let select = trx.selectFrom('territories as t');
  if (q) {
    const pattern = likeAnywhere(q);
    // A code ('59350', 'FR-59350') finds its territory too.
    select = select.where(({ or }) =>
      or([
        sql<boolean>`app.fold(t.name_fr) || ' ' || app.fold(t.name_nl) like app.fold(${pattern})`,
        sql<boolean>`t.code like upper(${pattern})`,
      ]),
    );
  }
  if (query.country) select = select.where('t.country', '=', query.country);
  if (query.region) select = select.where('t.region', '=', query.region);
  if (query.parent) select = select.where('t.parent_code', '=', query.parent);
  const rows = await select
    .select([
      't.code',
      't.country',
      't.local_code',
      't.name_fr',
      't.name_nl',
      't.parent_code',
      't.region',
      't.population',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy(sql`app.fold(${sql.ref(sortByDutch ? 't.name_nl' : 't.name_fr')})`)
    .orderBy('t.code')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page > 1) {
    const r = await select.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
    total = Number(r?.n ?? 0);
  }
  return {
    total,
    items: rows.map((r) => ({
      code: r.code,
      country: r.country,
      localCode: r.local_code,
      nameFr: r.name_fr,
      nameNl: r.name_nl,
      parentCode: r.parent_code,
      region: r.region,
      population: r.population,
    })),
  };
}

export async function getTerritory(trx: Tx, code: string) {
  return trx.selectFrom('territories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function getGeometry(trx: Tx, code: string) {
  return trx
    .selectFrom('territory_geometries')
    .select(['geometry', 'bbox'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const DATA_COLUMNS = [
  'country',
  'local_code',
  'name_fr',
  'name_nl',
  'parent_code',
  'region',
  'population',
  'centroid_lon',
  'centroid_lat',
  'label_lon',
  'label_lat',
] as const;

const columnList = (table: string) => sql.raw(DATA_COLUMNS.map((c) => `${table}.${c}`).join(', '));

/**
 * Inserts or updates territories and their geometries, in chunks. Rows whose data and geometry are the
 * same as stored are left untouched, so a re-import changes nothing and counts them as unchanged.
 */
export async function upsertTerritories(
  trx: Tx,
  territories: readonly Territory[],
  geometries: ReadonlyMap<string, Geometry>,
  source: string,
): Promise<UpsertCounts> {
  let created = 0;
  const updated = new Set<string>();
  const createdCodes = new Set<string>();
  for (let i = 0; i < territories.length; i += CHUNK) {
    const chunk = territories.slice(i, i + CHUNK);
    const rows = await trx
      .insertInto('territories')
      .values(
        chunk.map((t) => ({
          code: t.code,
          country: t.country,
          local_code: t.localCode,
          name_fr: t.nameFr,
          name_nl: t.nameNl,
          parent_code: t.parentCode,
          region: t.region,
          population: t.population,
          centroid_lon: t.centroid?.lon ?? null,
          centroid_lat: t.centroid?.lat ?? null,
          label_lon: t.labelPoint?.lon ?? null,
          label_lat: t.labelPoint?.lat ?? null,
          source,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({
            ...Object.fromEntries(DATA_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
            source: eb.ref('excluded.source'),
            updated_at: sql`now()`,
          }))
          .where(sql<boolean>`(${columnList('territories')}) is distinct from (${columnList('excluded')})`),
      )
      .returning(['code', sql<boolean>`(xmax = 0)`.as('inserted')])
      .execute();
    for (const r of rows) {
      if (r.inserted) {
        created++;
        createdCodes.add(r.code);
      } else updated.add(r.code);
    }
    const shapes = chunk.flatMap((t) => {
      const g = geometries.get(t.code);
      if (!g) return [];
      const box = bboxOf(g);
      return [
        {
          code: t.code,
          geometry: sql`${JSON.stringify(g)}::jsonb`,
          bbox: box ? sql<number[]>`${`{${box.join(',')}}`}::float8[]` : null,
        },
      ];
    });
    if (shapes.length === 0) continue;
    const changed = await trx
      .insertInto('territory_geometries')
      .values(shapes)
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({ geometry: eb.ref('excluded.geometry'), bbox: eb.ref('excluded.bbox') }))
          .where(sql<boolean>`territory_geometries.geometry is distinct from excluded.geometry`),
      )
      .returning('code')
      .execute();
    for (const r of changed) if (!createdCodes.has(r.code)) updated.add(r.code);
  }
  return { created, updated: updated.size, unchanged: territories.length - created - updated.size };
}
