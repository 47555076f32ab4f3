import { type RawBuilder, sql } from 'kysely';
import { EARTH_RADIUS_KM, type LonLat } from '../../../../common/network/geo';
import type { Period } from '../../../../common/placements/dates';
import type { OfferItem } from '../../../../common/placements/offer-schemas';
import {
  CEFR_LEVELS,
  type CefrLevel,
  type Place,
  type TransitLine,
} from '../../../../common/placements/ranking';
import type { Tx } from '../../../platform/db/context';
import { freePositions, ITEM_COLUMNS, ITEM_FROM, type ItemRow, OPEN, toItem } from '../offers/store';

/** What the ranking reads: persons (home organisation only, under RLS), offers with their place, lines. */

export interface MatchingPerson {
  id: string;
  firstName: string;
  lastName: string;
  municipalityCode: string | null;
  municipalityNameFr: string | null;
  municipalityNameNl: string | null;
  /** Null when the person has no home municipality with a known centroid. */
  home: Place | null;
  languages: Partial<Record<string, CefrLevel>>;
  /** Latest recorded radius, null when none is recorded. */
  radiusKm: number | null;
  /** Crossed the border alone at least once along a pathway. */
  crossedBorder: boolean;
}

interface PersonRow {
  id: string;
  first_name: string;
  last_name: string;
  municipality_code: string | null;
  name_fr: string | null;
  name_nl: string | null;
  country: string | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  languages: unknown;
  radius_km: number | null;
  crossed_border: boolean | null;
}

/** Only CEFR levels count; anything else stored is ignored rather than trusted. */
function cefrLanguages(raw: unknown): Partial<Record<string, CefrLevel>> {
  const value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const out: Partial<Record<string, CefrLevel>> = {};
  if (value && typeof value === 'object')
    for (const [code, level] of Object.entries(value as Record<string, unknown>))
      if (CEFR_LEVELS.includes(level as CefrLevel)) out[code] = level as CefrLevel;
  return out;
}

const toPerson = (r: PersonRow): MatchingPerson => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  municipalityCode: r.municipality_code,
  municipalityNameFr: r.name_fr,
  municipalityNameNl: r.name_nl,
  home:
    r.municipality_code && r.centroid_lon !== null && r.centroid_lat !== null
      ? {
          code: r.municipality_code,
          country: r.country as 'FR' | 'BE',
          centroid: { lon: Number(r.centroid_lon), lat: Number(r.centroid_lat) },
        }
      : null,
  languages: cefrLanguages(r.languages),
  radiusKm: r.radius_km === null ? null : Number(r.radius_km),
  crossedBorder: r.crossed_border === true,
});

/** Persons with their home place and mobility; RLS limits them to the caller's organisation. */
async function persons(trx: Tx, where: RawBuilder<unknown>): Promise<MatchingPerson[]> {
  const r = await sql<PersonRow>`
    select p.id, p.first_name, p.last_name, p.municipality_code, t.name_fr, t.name_nl, t.country,
      t.centroid_lon, t.centroid_lat, p.languages,
      (select m.radius_km from pathway_mobility m join pathways w on w.id = m.pathway_id
        where w.person_id = p.id order by m.recorded_on desc, m.created_at desc limit 1) as radius_km,
      (select bool_or(m.crossed_border) from pathway_mobility m join pathways w on w.id = m.pathway_id
        where w.person_id = p.id) as crossed_border
    from persons p
      left join territories t on t.code = p.municipality_code
    where ${where}
    order by app.fold(p.last_name), app.fold(p.first_name), p.id`.execute(trx);
  return r.rows.map(toPerson);
}

export async function findMatchingPerson(trx: Tx, id: string): Promise<MatchingPerson | undefined> {
  return (await persons(trx, sql`p.id = ${id}`))[0];
}

export async function findMatchingPersons(trx: Tx, ids: readonly string[]): Promise<MatchingPerson[]> {
  if (!ids.length) return [];
  return persons(trx, sql`p.id in (${sql.join(ids.map((id) => sql`${id}::uuid`))})`);
}

/**
 * The persons a cohort is drawn from by default: the organisation's active persons on an open pathway
 * with the placement module; when nobody is marked so, all its active persons. One more than `limit`
 * is returned so that the caller can tell the list was too long.
 */
export async function cohortPersonIds(trx: Tx, orgId: string, limit: number): Promise<string[]> {
  const placement = await sql<{ id: string }>`
    select p.id from persons p
    where p.org_id = ${orgId} and p.status = 'active' and exists (
      select 1 from pathways w where w.person_id = p.id and 'placement' = any(w.modules)
        and (w.exit_on is null or w.exit_on >= app.today()))
    order by p.id limit ${limit + 1}`.execute(trx);
  if (placement.rows.length) return placement.rows.map((r) => r.id);
  const all = await sql<{ id: string }>`
    select p.id from persons p where p.org_id = ${orgId} and p.status = 'active'
    order by p.id limit ${limit + 1}`.execute(trx);
  return all.rows.map((r) => r.id);
}

export interface MatchingOffer {
  item: OfferItem;
  place: Place;
}

/** Open offers whose place has a centroid (distance cannot be estimated otherwise). */
export async function openOffers(trx: Tx, ids?: readonly string[]): Promise<MatchingOffer[]> {
  const only = ids?.length ? sql`and o.id in (${sql.join(ids.map((id) => sql`${id}::uuid`))})` : sql``;
  const r = await sql<ItemRow & { centroid_lon: number; centroid_lat: number }>`
    select ${ITEM_COLUMNS}, t.centroid_lon, t.centroid_lat
    from ${ITEM_FROM}
    where ${OPEN} and t.centroid_lon is not null and t.centroid_lat is not null ${only}
    order by o.starts_on, o.id`.execute(trx);
  return r.rows.map((row) => ({
    item: toItem(row),
    place: {
      code: row.municipality_code,
      country: row.country as 'FR' | 'BE',
      centroid: { lon: Number(row.centroid_lon), lat: Number(row.centroid_lat) },
    },
  }));
}

/** What ranking one offer needs; `freePositions` is null where the dates do not fit (see below). */
export interface RankingOfferRow {
  id: string;
  place: Place;
  period: Period;
  freePositions: number | null;
  language: { code: string; level: CefrLevel } | null;
}

/**
 * What ranking one offer needs, for every open offer with a centroid: no organisation, titles or names
 * (those are read for the page only, by `offerItems`). Free positions cost a function call per offer
 * (occupancy is counted across organisations), so they are read only where the offer may be feasible:
 * dates fitting the availability and the place within `reach` (straight km from home). Elsewhere the
 * offer is infeasible anyway and its score does not depend on them (null). `feasibleOnly` cuts those
 * others in SQL.
 */
export async function rankingOffers(
  trx: Tx,
  available: Period,
  reach: { home: LonLat; maxStraightKm: number },
  opts: { otherCountryThan?: string; feasibleOnly?: boolean } = {},
): Promise<RankingOfferRow[]> {
  const { lon, lat } = reach.home;
  // Haversine on the sphere `haversineKm` uses; the caller's bound has a margin for rounding.
  const km = sql`2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(t.centroid_lat - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(t.centroid_lat))
      * power(sin(radians(t.centroid_lon - ${lon}::float8) / 2), 2))))`;
  const mayBeFeasible = sql`o.starts_on <= ${available.end} and o.ends_on >= ${available.start}
    and ${km} <= ${reach.maxStraightKm}::float8`;
  const parts: RawBuilder<unknown>[] = [OPEN, sql`t.centroid_lon is not null and t.centroid_lat is not null`];
  if (opts.otherCountryThan) parts.push(sql`t.country <> ${opts.otherCountryThan}`);
  // Positions are left to the ranking: a condition on them here would call the function twice a row.
  if (opts.feasibleOnly) parts.push(mayBeFeasible);
  const r = await sql<{
    id: string;
    municipality_code: string;
    country: string;
    centroid_lon: number;
    centroid_lat: number;
    starts_on: string;
    ends_on: string;
    language_code: string | null;
    language_level: string | null;
    free_positions: number | null;
  }>`
    select o.id, o.municipality_code, t.country, t.centroid_lon, t.centroid_lat, o.starts_on, o.ends_on,
      o.language_code, o.language_level,
      case when ${mayBeFeasible} then greatest(${freePositions}, 0)::int end as free_positions
    from placement_offers o join territories t on t.code = o.municipality_code
    where ${sql.join(parts, sql` and `)}`.execute(trx);
  return r.rows.map((row) => ({
    id: row.id,
    place: {
      code: row.municipality_code,
      country: row.country as 'FR' | 'BE',
      centroid: { lon: Number(row.centroid_lon), lat: Number(row.centroid_lat) },
    },
    period: { start: row.starts_on, end: row.ends_on },
    freePositions: row.free_positions === null ? null : Number(row.free_positions),
    language:
      row.language_code && row.language_level
        ? { code: row.language_code, level: row.language_level as CefrLevel }
        : null,
  }));
}

/** The list items of the given offers (one page of a ranking), in one read. */
export async function offerItems(trx: Tx, ids: readonly string[]): Promise<Map<string, OfferItem>> {
  if (!ids.length) return new Map();
  const r = await sql<ItemRow>`
    select ${ITEM_COLUMNS} from ${ITEM_FROM}
    where o.id in (${sql.join(ids.map((id) => sql`${id}::uuid`))})`.execute(trx);
  return new Map(r.rows.map((row) => [row.id, toItem(row)]));
}

/** Transit lines; with `serving`, only those stopping there (a person's lines all start from home). */
export async function transitLines(trx: Tx, serving?: string): Promise<TransitLine[]> {
  const rows = await trx
    .selectFrom('transit_lines')
    .select(['id', 'name', 'mode', 'serves', 'cross_border'])
    .$if(serving !== undefined, (q) => q.where(sql<boolean>`${serving} = any(serves)`))
    .orderBy('id')
    .execute();
  return rows.map((l) => ({
    id: l.id,
    name: l.name,
    mode: l.mode as TransitLine['mode'],
    serves: l.serves,
    crossBorder: l.cross_border,
  }));
}
