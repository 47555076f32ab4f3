import type { Geometry } from 'geojson';
import { sql } from 'kysely';
import { likeAnywhere, searchTerm } from '../../../../common/kernel/schemas';
import { bboxOf } from '../../../../common/network/geo';
import { LEVEL_DEPTH, type Territory, type TerritoryLevel } from '../../../../common/network/territory';
import type {
  TerritoryListItem,
  TerritoryQuery,
  TerritoryRef,
} from '../../../../common/network/territory-schemas';
import type { Tx } from '../../../platform/db/context';
import { BUILTIN_PARENT_TERRITORIES, EPCI_MEMBERS } from './builtin-territories';

/** Rows per INSERT: well under the bind-parameter limit, small enough to keep memory flat. */
const CHUNK = 500;

/** Territories under `code` at any depth (a recursive walk down the parent links). */
const descendantsOf = (code: string) => sql<boolean>`t.code in (
  with recursive d (code) as (
    select c.code from territories c where c.parent_code = ${code}
    union
    select c.code from territories c join d on c.parent_code = d.code
  ) select d.code from d)`;

/** Territories in a group: its members and everything under them. */
const inGroup = (groupCode: string) => sql<boolean>`t.code in (
  with recursive d (code) as (
    select m.territory_code from territory_group_members m
      join territory_groups g on g.id = m.group_id where g.code = ${groupCode}
    union
    select c.code from territories c join d on c.parent_code = d.code
  ) select d.code from d)`;

/**
 * One page of territories and the total (window count); the search folds accents on both names.
 * Municipalities unless `level` says otherwise ('any': all levels).
 */
export async function listTerritories(
  trx: Tx,
  query: TerritoryQuery,
  sortByDutch: boolean,
  page: number,
  pageSize: number,
): Promise<{ items: TerritoryListItem[]; total: number }> {
  const q = searchTerm(query.q);
  let select = trx.selectFrom('territories as t').leftJoin('territories as p', 'p.code', 't.parent_code');
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
  const level = query.level ?? 'municipality';
  if (level !== 'any') select = select.where('t.level', '=', level);
  if (query.country) select = select.where('t.country', '=', query.country);
  if (query.region) select = select.where('t.region', '=', query.region);
  if (query.parent) select = select.where('t.parent_code', '=', query.parent);
  if (query.within) select = select.where(descendantsOf(query.within));
  if (query.group) select = select.where(inGroup(query.group));
  const rows = await select
    .select([
      't.code',
      't.level',
      't.country',
      't.local_code',
      't.name_fr',
      't.name_nl',
      't.parent_code',
      'p.name_fr as parent_name_fr',
      'p.name_nl as parent_name_nl',
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
      level: r.level,
      country: r.country,
      localCode: r.local_code,
      nameFr: r.name_fr,
      nameNl: r.name_nl,
      parentCode: r.parent_code,
      parentNameFr: r.parent_name_fr ?? null,
      parentNameNl: r.parent_name_nl ?? null,
      region: r.region,
      population: r.population,
    })),
  };
}

export async function getTerritory(trx: Tx, code: string) {
  return trx
    .selectFrom('territories as t')
    .leftJoin('territories as p', 'p.code', 't.parent_code')
    .selectAll('t')
    .select(['p.name_fr as parent_name_fr', 'p.name_nl as parent_name_nl'])
    .where('t.code', '=', code)
    .executeTakeFirst();
}

/** The territory's ancestors, from its parent up to its country (empty for a country or an unknown code). */
export async function territoryAncestors(trx: Tx, code: string): Promise<TerritoryRef[]> {
  const r = await sql<TerritoryRef & { distance: number }>`
    with recursive up (code, distance) as (
      select t.parent_code, 1 from territories t where t.code = ${code} and t.parent_code is not null
      union all
      select t.parent_code, up.distance + 1 from up join territories t on t.code = up.code
      where t.parent_code is not null and up.distance < 8
    )
    select a.code, a.level, a.name_fr as "nameFr", a.name_nl as "nameNl", up.distance
    from up join territories a on a.code = up.code order by up.distance`.execute(trx);
  return r.rows.map(({ distance: _, ...ref }) => ref);
}

/** The ancestors of many territories at once (the view behind it walks the whole tree once). */
export async function ancestorsByCode(
  trx: Tx,
  codes: readonly string[],
): Promise<Map<string, TerritoryRef[]>> {
  const out = new Map<string, TerritoryRef[]>();
  if (codes.length === 0) return out;
  const rows = await trx
    .selectFrom('territory_ancestry as x')
    .innerJoin('territories as a', 'a.code', 'x.ancestor_code')
    .select(['x.code', 'a.code as ancestor', 'a.level', 'a.name_fr', 'a.name_nl'])
    .where('x.code', 'in', [...new Set(codes)])
    .orderBy('x.code')
    .orderBy('x.distance')
    .execute();
  for (const r of rows) {
    const list = out.get(r.code) ?? [];
    list.push({ code: r.ancestor, level: r.level, nameFr: r.name_fr, nameNl: r.name_nl });
    out.set(r.code, list);
  }
  return out;
}

/** The direct children of a territory, by name. */
export async function territoryChildren(trx: Tx, code: string): Promise<TerritoryRef[]> {
  const rows = await trx
    .selectFrom('territories')
    .select(['code', 'level', 'name_fr', 'name_nl'])
    .where('parent_code', '=', code)
    .orderBy(sql`app.fold(name_fr)`)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, level: r.level, nameFr: r.name_fr, nameNl: r.name_nl }));
}

/** How many direct children a territory has, by level (deepest level last). */
export async function childCounts(trx: Tx, code: string): Promise<Array<{ level: string; count: number }>> {
  const rows = await trx
    .selectFrom('territories as t')
    .innerJoin('territory_levels as l', 'l.level', 't.level')
    .select(['t.level', 'l.depth', sql<number>`count(*)::int`.as('count')])
    .where('t.parent_code', '=', code)
    .groupBy(['t.level', 'l.depth'])
    .orderBy('l.depth')
    .execute();
  return rows.map((r) => ({ level: r.level, count: Number(r.count) }));
}

/**
 * The codes of the territories under `code` at any depth, of one level when given (e.g. the municipalities
 * of a province).
 */
export async function territoryDescendants(trx: Tx, code: string, level?: TerritoryLevel): Promise<string[]> {
  let select = trx.selectFrom('territories as t').select('t.code').where(descendantsOf(code));
  if (level) select = select.where('t.level', '=', level);
  return (await select.orderBy('t.code').execute()).map((r) => r.code);
}

/**
 * The codes a group covers: its members and everything under them, of one level when given (e.g. the
 * municipalities of the Eurométropole). Empty for an unknown group or one the caller may not read.
 */
export async function groupTerritoryCodes(
  trx: Tx,
  groupCode: string,
  level?: TerritoryLevel,
): Promise<string[]> {
  let select = trx.selectFrom('territories as t').select('t.code').where(inGroup(groupCode));
  if (level) select = select.where('t.level', '=', level);
  return (await select.orderBy('t.code').execute()).map((r) => r.code);
}

/** The groups a territory belongs to, with the member (itself or an ancestor) it belongs through. */
export async function groupsOfTerritory(trx: Tx, code: string) {
  const r = await sql<{ code: string; kind: string; nameFr: string; nameNl: string; via: string }>`
    with recursive up (code, distance) as (
      select ${code}::text, 0
      union all
      select t.parent_code, up.distance + 1 from up join territories t on t.code = up.code
      where t.parent_code is not null and up.distance < 8
    )
    select distinct on (g.id) g.code, g.kind, g.name_fr as "nameFr", g.name_nl as "nameNl",
      m.territory_code as via
    from up
      join territory_group_members m on m.territory_code = up.code
      join territory_groups g on g.id = m.group_id
    order by g.id, up.distance`.execute(trx);
  return r.rows.sort((a, b) => a.code.localeCompare(b.code));
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
  /** Parent codes the rows named that no territory has: those rows were written without a parent. */
  unresolvedParents: string[];
}

const DATA_COLUMNS = [
  'level',
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

const levelOf = (t: Territory): TerritoryLevel => t.level ?? 'municipality';

/** Writes the built-in parents that are missing (never changes one that exists). */
async function ensureBuiltinParents(trx: Tx): Promise<void> {
  await trx
    .insertInto('territories')
    .values(
      BUILTIN_PARENT_TERRITORIES.map((t) => ({
        code: t.code,
        level: levelOf(t),
        country: t.country,
        local_code: t.localCode,
        name_fr: t.nameFr,
        name_nl: t.nameNl,
        parent_code: t.parentCode,
        region: t.region,
        source: 'builtin',
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** The built-in EPCI of a French commune, when its département is the EPCI's. */
const BUILTIN_EPCI = new Map(
  Object.entries(EPCI_MEMBERS).flatMap(([epci, members]) => {
    const parent = BUILTIN_PARENT_TERRITORIES.find((p) => p.code === epci)?.parentCode;
    return members.map((m): [string, { epci: string; parent: string | null | undefined }] => [
      `FR-${m}`,
      { epci, parent },
    ]);
  }),
);

/**
 * The parent each municipality gets. A file knows the département or arrondissement; a commune member of
 * a built-in EPCI hangs under the EPCI instead; a parent already stored that lies under the one the file
 * gives is kept (a file naming the département does not undo a known EPCI); a parent no territory has is
 * dropped and reported, so the municipality is still imported.
 */
async function resolveParents(
  trx: Tx,
  territories: readonly Territory[],
): Promise<{ rows: Territory[]; unresolved: string[] }> {
  const municipalities = territories.filter((t) => levelOf(t) === 'municipality' && t.parentCode);
  if (municipalities.length === 0) return { rows: [...territories], unresolved: [] };
  await ensureBuiltinParents(trx);
  const parentOf = new Map<string, string>();
  for (const t of municipalities) {
    const builtin = BUILTIN_EPCI.get(t.code);
    parentOf.set(t.code, builtin && builtin.parent === t.parentCode ? builtin.epci : t.parentCode!);
  }
  const inFile = new Set(territories.map((t) => t.code));
  const known = new Set<string>();
  const wanted = [...new Set(parentOf.values())].filter((c) => !inFile.has(c));
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const found = await trx
      .selectFrom('territories')
      .select('code')
      .where('code', 'in', wanted.slice(i, i + CHUNK))
      .execute();
    for (const r of found) known.add(r.code);
  }
  // Stored parents and what lies above them, for the rows that exist already.
  const stored = new Map<string, { parent: string; above: Set<string> }>();
  const codes = municipalities.map((t) => t.code);
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('territories as x')
      .leftJoin('territory_ancestry as a', 'a.code', 'x.parent_code')
      .select(['x.code', 'x.parent_code', 'a.ancestor_code'])
      .where('x.code', 'in', codes.slice(i, i + CHUNK))
      .where('x.parent_code', 'is not', null)
      .execute();
    for (const r of rows) {
      const entry = stored.get(r.code) ?? { parent: r.parent_code!, above: new Set<string>() };
      if (r.ancestor_code) entry.above.add(r.ancestor_code);
      stored.set(r.code, entry);
    }
  }
  const unresolved = new Set<string>();
  const rows = territories.map((t) => {
    const wantedParent = parentOf.get(t.code);
    if (wantedParent === undefined) return t;
    const kept = stored.get(t.code);
    if (kept?.above.has(wantedParent)) return { ...t, parentCode: kept.parent };
    if (inFile.has(wantedParent) || known.has(wantedParent)) return { ...t, parentCode: wantedParent };
    unresolved.add(wantedParent);
    return { ...t, parentCode: null };
  });
  return { rows, unresolved: [...unresolved].sort() };
}

/**
 * Inserts or updates territories and their geometries, in chunks, parents before children. Rows whose data
 * and geometry are the same as stored are left untouched, so a re-import changes nothing and counts them
 * as unchanged. Municipalities get their parent as `resolveParents` says.
 */
export async function upsertTerritories(
  trx: Tx,
  input: readonly Territory[],
  geometries: ReadonlyMap<string, Geometry>,
  source: string,
): Promise<UpsertCounts> {
  const { rows: resolved, unresolved } = await resolveParents(trx, input);
  const territories = resolved
    .map((t, i) => ({ t, i }))
    .sort((a, b) => LEVEL_DEPTH[levelOf(a.t)] - LEVEL_DEPTH[levelOf(b.t)] || a.i - b.i)
    .map(({ t }) => t);
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
          level: levelOf(t),
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
  return {
    created,
    updated: updated.size,
    unchanged: territories.length - created - updated.size,
    unresolvedParents: unresolved,
  };
}
