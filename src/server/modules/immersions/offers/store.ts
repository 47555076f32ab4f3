import { type RawBuilder, sql } from 'kysely';
import type { Language } from '../../../../common/i18n/locales';
import type {
  OfferInput,
  OfferItem,
  OfferSearchQuery,
  OfferStatus,
  PeriodInput,
} from '../../../../common/immersions/offer-schemas';
import { likeAnywhere } from '../../../../common/kernel/schemas';
import type { Tx } from '../../../platform/db/context';

/** SQL of immersion offers. Runs under RLS: others' drafts and archived offers are never visible. */

interface ItemRow {
  id: string;
  status: OfferStatus;
  themes: string[];
  title_fr: string | null;
  title_nl: string | null;
  description_fr: string | null;
  description_nl: string | null;
  languages: string[];
  kinds: string[];
  org_id: string;
  org_name_fr: string;
  org_name_nl: string;
  org_short_name: string | null;
  country: string;
  unit_id: string;
  unit_name_fr: string | null;
  unit_name_nl: string | null;
  next_starts_on: string | null;
  next_ends_on: string | null;
  updated_at: Date | string;
}

const ITEM_COLUMNS = sql`f.id, f.status, f.themes, f.title_fr, f.title_nl, f.description_fr, f.description_nl,
  f.languages, f.kinds, f.org_id, o.name_fr as org_name_fr, o.name_nl as org_name_nl,
  o.short_name as org_short_name, o.country, f.unit_id, u.name_fr as unit_name_fr, u.name_nl as unit_name_nl,
  np.starts_on as next_starts_on, np.ends_on as next_ends_on, f.updated_at`;

/** The offer's first period not ended by `today`. */
const NEXT_PERIOD = (today: string) => sql`left join lateral (
    select p.starts_on, p.ends_on from immersion_offer_periods p
    where p.offer_id = f.id and p.ends_on >= ${today}::date order by p.starts_on, p.id limit 1) np on true`;

const toItem = (r: ItemRow): OfferItem => ({
  id: r.id,
  status: r.status,
  themes: r.themes,
  titleFr: r.title_fr,
  titleNl: r.title_nl,
  descriptionFr: r.description_fr,
  descriptionNl: r.description_nl,
  languages: r.languages,
  kinds: r.kinds,
  orgId: r.org_id,
  orgNameFr: r.org_name_fr,
  orgNameNl: r.org_name_nl,
  orgShortName: r.org_short_name,
  country: r.country,
  unitId: r.unit_id,
  unitNameFr: r.unit_name_fr,
  unitNameNl: r.unit_name_nl,
  nextPeriod:
    r.next_starts_on && r.next_ends_on ? { startsOn: r.next_starts_on, endsOn: r.next_ends_on } : null,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const titleFor = (language: Language) =>
  language === 'nl' ? sql`coalesce(f.title_nl, f.title_fr)` : sql`coalesce(f.title_fr, f.title_nl)`;

function filters(q: OfferSearchQuery): RawBuilder<unknown> {
  const parts = [sql`f.status = 'published'`];
  if (q.theme) parts.push(sql`${q.theme} = any(f.themes)`);
  if (q.language) parts.push(sql`${q.language} = any(f.languages)`);
  if (q.kind) parts.push(sql`${q.kind} = any(f.kinds)`);
  if (q.country) parts.push(sql`o.country = ${q.country}`);
  if (q.from || q.to)
    parts.push(sql`exists (select 1 from immersion_offer_periods p where p.offer_id = f.id
      ${q.to ? sql`and p.starts_on <= ${q.to}::date` : sql``}
      ${q.from ? sql`and p.ends_on >= ${q.from}::date` : sql``})`);
  return sql.join(parts, sql` and `);
}

/**
 * One statement per search, over the published offers of the whole network. Words are matched in French
 * and in Dutch whatever the reader's language (the accent-folded search vectors of migration 0026), plus
 * the offers of the themes the words name (`themes`, computed in Node from both languages' vocabulary),
 * plus the folded titles containing the words as typed (a name, a partial word). Ranked by relevance,
 * then by title in the reader's language.
 */
export async function searchOffers(
  trx: Tx,
  q: OfferSearchQuery,
  themes: readonly string[],
  folded: string,
  language: Language,
  today: string,
  page: number,
  pageSize: number,
): Promise<{ items: OfferItem[]; total: number }> {
  const where = filters(q);
  const words = q.q?.trim() ?? '';
  const offset = (page - 1) * pageSize;
  const titles = sql`app.fold(concat_ws(' ', f.title_fr, f.title_nl))`;
  const themeMatch = themes.length ? sql`f.themes && ${[...themes]}::text[]` : sql`false`;
  const rank = words
    ? sql`greatest(ts_rank(f.search_fr, websearch_to_tsquery('french', app.fold(${words}))),
        ts_rank(f.search_nl, websearch_to_tsquery('dutch', app.fold(${words}))))
        + case when ${themeMatch} then 0.5 else 0 end`
    : sql`0`;
  const textMatch = words
    ? sql`and (f.search_fr @@ websearch_to_tsquery('french', app.fold(${words}))
        or f.search_nl @@ websearch_to_tsquery('dutch', app.fold(${words}))
        or ${themeMatch}
        ${folded ? sql`or ${titles} like ${likeAnywhere(folded)}` : sql``})`
    : sql``;
  const r = await sql<ItemRow & { total: number }>`
    with hits as (
      select f.id, ${rank} as rank, app.fold(${titleFor(language)}) as sort_key, count(*) over ()::int as total
      from immersion_offers f join organisations o on o.id = f.org_id
      where ${where} ${textMatch}
      order by rank desc, sort_key, f.id
      limit ${pageSize} offset ${offset}
    )
    select ${ITEM_COLUMNS}, h.total
    from hits h
      join immersion_offers f on f.id = h.id
      join organisations o on o.id = f.org_id
      join org_units u on u.id = f.unit_id
      ${NEXT_PERIOD(today)}
    order by h.rank desc, h.sort_key, f.id`.execute(trx);
  return { items: r.rows.map(toItem), total: Number(r.rows[0]?.total ?? 0) };
}

/** An organisation's offers, drafts included, most recently changed first. */
export async function listOwn(
  trx: Tx,
  orgId: string,
  status: OfferStatus | undefined,
  today: string,
  page: number,
  pageSize: number,
): Promise<{ items: OfferItem[]; total: number }> {
  const r = await sql<ItemRow & { total: number }>`
    select ${ITEM_COLUMNS}, count(*) over ()::int as total
    from immersion_offers f
      join organisations o on o.id = f.org_id
      join org_units u on u.id = f.unit_id
      ${NEXT_PERIOD(today)}
    where f.org_id = ${orgId} ${status ? sql`and f.status = ${status}` : sql``}
    order by f.status = 'archived', f.updated_at desc, f.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(trx);
  return { items: r.rows.map(toItem), total: Number(r.rows[0]?.total ?? 0) };
}

export interface OfferRow extends ItemRow {
  programme_fr: string | null;
  programme_nl: string | null;
  capacity_per_period: number;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  unit_email: string | null;
  unit_phone: string | null;
  published_at: Date | string | null;
}

/** One offer as RLS lets the caller see it, with its host's names. */
export async function findOffer(
  trx: Tx,
  id: string,
  today: string,
  opts: { forUpdate?: boolean } = {},
): Promise<{ item: OfferItem; row: OfferRow } | undefined> {
  const r = await sql<OfferRow>`
    select ${ITEM_COLUMNS}, f.programme_fr, f.programme_nl, f.capacity_per_period, f.contact_name,
      f.contact_email, f.contact_phone, u.email as unit_email, u.phone as unit_phone, f.published_at
    from immersion_offers f
      join organisations o on o.id = f.org_id
      join org_units u on u.id = f.unit_id
      ${NEXT_PERIOD(today)}
    where f.id = ${id}
    ${opts.forUpdate ? sql`for update of f` : sql``}`.execute(trx);
  const row = r.rows[0];
  return row ? { item: toItem(row), row } : undefined;
}

export async function listPeriods(trx: Tx, offerId: string) {
  return trx
    .selectFrom('immersion_offer_periods')
    .select(['id', 'starts_on', 'ends_on', 'capacity'])
    .where('offer_id', '=', offerId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}

const columns = (input: OfferInput) => {
  const text = (v: string | null | undefined) => v?.trim() || null;
  return {
    unit_id: input.unitId,
    themes: [...input.themes],
    title_fr: text(input.titleFr),
    title_nl: text(input.titleNl),
    description_fr: text(input.descriptionFr),
    description_nl: text(input.descriptionNl),
    programme_fr: text(input.programmeFr),
    programme_nl: text(input.programmeNl),
    languages: [...input.languages],
    kinds: [...input.kinds],
    capacity_per_period: input.capacityPerPeriod,
    contact_name: text(input.contactName),
    contact_email: text(input.contactEmail),
    contact_phone: text(input.contactPhone),
  };
};

export async function insertOffer(
  trx: Tx,
  orgId: string,
  createdBy: string | null,
  input: OfferInput,
  status: OfferStatus = 'draft',
): Promise<string> {
  const row = await trx
    .insertInto('immersion_offers')
    .values({
      ...columns(input),
      org_id: orgId,
      created_by: createdBy,
      status,
      published_at: status === 'published' ? sql<string>`now()` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOffer(trx: Tx, id: string, input: OfferInput): Promise<boolean> {
  const r = await trx
    .updateTable('immersion_offers')
    .set({ ...columns(input), updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setStatus(trx: Tx, id: string, status: OfferStatus): Promise<void> {
  await trx
    .updateTable('immersion_offers')
    .set({
      status,
      updated_at: sql`now()`,
      published_at:
        status === 'published' ? sql<string>`coalesce(published_at, now())` : sql<string>`published_at`,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Makes the offer's periods those given: kept ones (by id) are updated, missing ones deleted, new ones
 * added. A period a request points to cannot be deleted (the foreign key refuses; a 400 for the caller).
 */
export async function syncPeriods(
  trx: Tx,
  offerId: string,
  orgId: string,
  periods: readonly PeriodInput[],
): Promise<void> {
  const keep = periods.flatMap((p) => (p.id ? [p.id] : []));
  await trx
    .deleteFrom('immersion_offer_periods')
    .where('offer_id', '=', offerId)
    .$if(keep.length > 0, (q) => q.where('id', 'not in', keep))
    .execute();
  for (const p of periods) {
    const values = { starts_on: p.startsOn, ends_on: p.endsOn, capacity: p.capacity ?? null };
    if (p.id) {
      const r = await trx
        .updateTable('immersion_offer_periods')
        .set(values)
        .where('id', '=', p.id)
        .where('offer_id', '=', offerId)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return Promise.reject(new UnknownPeriod(p.id));
    } else
      await trx
        .insertInto('immersion_offer_periods')
        .values({ ...values, offer_id: offerId, org_id: orgId })
        .execute();
  }
}

/** A period id given in an edit that is not one of the offer's periods. */
export class UnknownPeriod extends Error {}

/** Whether the requests feature's capacity count exists in this database (its migration adds it). */
export async function capacityCountExists(trx: Tx): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    select to_regprocedure('app.immersion_offer_taken(uuid,date,date,uuid)') is not null as ok`.execute(trx);
  return r.rows[0]?.ok === true;
}

/**
 * Visitors already agreed in each period of an offer, by the requests feature's own count (a definer
 * function that answers any signed-in caller with a number, never with the requests themselves).
 */
export async function takenByPeriod(trx: Tx, offerId: string): Promise<Map<string, number>> {
  const r = await sql<{ id: string; taken: number }>`
    select p.id, app.immersion_offer_taken(p.offer_id, p.starts_on, p.ends_on, null) as taken
    from immersion_offer_periods p where p.offer_id = ${offerId}`.execute(trx);
  return new Map(r.rows.map((x) => [x.id, Number(x.taken)]));
}
