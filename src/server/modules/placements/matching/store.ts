import { type RawBuilder, sql } from 'kysely';
import type { OfferItem } from '../../../../common/placements/offer-schemas';
import {
  CEFR_LEVELS,
  type CefrLevel,
  type Place,
  type TransitLine,
} from '../../../../common/placements/ranking';
import type { Tx } from '../../../platform/db/context';
import { ITEM_COLUMNS, ITEM_FROM, type ItemRow, OPEN, toItem } from '../offers/store';

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

export async function transitLines(trx: Tx): Promise<TransitLine[]> {
  const rows = await trx
    .selectFrom('transit_lines')
    .select(['id', 'name', 'mode', 'serves', 'cross_border'])
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
