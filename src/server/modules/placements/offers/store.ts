import { type RawBuilder, sql } from 'kysely';
import type { Language } from '../../../../common/i18n/locales';
import type { JobCodeKind, TimetableDay } from '../../../../common/placements/convention-terms';
import type { OfferDetail, OfferItem, OfferQuery } from '../../../../common/placements/offer-schemas';
import type { Tx } from '../../../platform/db/context';

/** Reads of placement offers. Runs under RLS: every signed-in member of the network reads every offer. */

/**
 * Free positions of the offer aliased `o`: its positions minus the agreements occupying one (sent for
 * signature up to active; app.offer_occupied counts them across organisations). The only place this is
 * computed: catalogue, detail, ranking and cohort all read it.
 */
export const freePositions: RawBuilder<number> = sql<number>`(o.positions - app.offer_occupied(o.id))`;

export interface ItemRow {
  id: string;
  org_id: string;
  org_name_fr: string;
  org_name_nl: string;
  site_name: string;
  municipality_code: string;
  municipality_name_fr: string;
  municipality_name_nl: string;
  country: string;
  sector: string;
  title_fr: string | null;
  title_nl: string | null;
  positions: number;
  free_positions: number;
  starts_on: string;
  ends_on: string;
  language_code: string | null;
  language_level: string | null;
  status: string;
}

export const ITEM_COLUMNS = sql`o.id, o.org_id, org.name_fr as org_name_fr, org.name_nl as org_name_nl,
  o.site_name, o.municipality_code, t.name_fr as municipality_name_fr, t.name_nl as municipality_name_nl,
  t.country, o.sector, o.title_fr, o.title_nl, o.positions, greatest(${freePositions}, 0)::int as free_positions,
  o.starts_on, o.ends_on, o.language_code, o.language_level, o.status`;

export const ITEM_FROM = sql`placement_offers o
  join organisations org on org.id = o.org_id
  join territories t on t.code = o.municipality_code`;

export const toItem = (r: ItemRow): OfferItem => ({
  id: r.id,
  orgId: r.org_id,
  orgNameFr: r.org_name_fr,
  orgNameNl: r.org_name_nl,
  siteName: r.site_name,
  municipalityCode: r.municipality_code,
  municipalityNameFr: r.municipality_name_fr,
  municipalityNameNl: r.municipality_name_nl,
  country: r.country,
  sector: r.sector,
  titleFr: r.title_fr,
  titleNl: r.title_nl,
  positions: Number(r.positions),
  freePositions: Number(r.free_positions),
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  languageCode: r.language_code,
  languageLevel: r.language_level,
  status: r.status,
});

/** An open offer: not closed by its host and not ended yet (on the transaction's day, app.today()). */
export const OPEN = sql`o.status = 'open' and o.ends_on >= app.today()`;

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

function filters(q: OfferQuery, orgId: string | null): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (q.open !== false) parts.push(OPEN);
  if (q.mine) parts.push(orgId ? sql`o.org_id = ${orgId}` : sql`false`);
  if (q.sector) parts.push(sql`o.sector = ${q.sector}`);
  if (q.language) parts.push(sql`o.language_code = ${q.language}`);
  if (q.country) parts.push(sql`t.country = ${q.country}`);
  if (q.municipality) parts.push(sql`o.municipality_code = ${q.municipality}`);
  const words = q.q?.trim();
  if (words)
    // Every word must appear somewhere: titles, tasks, site, host or place, in either language.
    for (const w of words.split(/\s+/).slice(0, 8))
      parts.push(sql`app.fold(concat_ws(' ', o.title_fr, o.title_nl, o.tasks_fr, o.tasks_nl, o.site_name,
        org.name_fr, org.name_nl, org.short_name, t.name_fr, t.name_nl)) like app.fold(${likePattern(w)})`);
  return sql.join(parts, sql` and `);
}

const titleFor = (language: Language) =>
  language === 'nl' ? sql`coalesce(o.title_nl, o.title_fr)` : sql`coalesce(o.title_fr, o.title_nl)`;

/** The catalogue: soonest start first, then by title in the reader's language. */
export async function listOffers(
  trx: Tx,
  q: OfferQuery,
  orgId: string | null,
  language: Language,
  page: number,
  pageSize: number,
): Promise<{ items: OfferItem[]; total: number }> {
  const r = await sql<ItemRow & { total: number }>`
    select ${ITEM_COLUMNS}, count(*) over ()::int as total
    from ${ITEM_FROM}
    where ${filters(q, orgId)}
    order by o.starts_on, app.fold(${titleFor(language)}), o.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(trx);
  return { items: r.rows.map(toItem), total: Number(r.rows[0]?.total ?? 0) };
}

interface DetailRow extends ItemRow {
  programme_id: string | null;
  street: string | null;
  postal_code: string | null;
  tasks_fr: string | null;
  tasks_nl: string | null;
  schedule: string | null;
  hours_per_week: string | number | null;
  accessibility: string | null;
  timetable: TimetableDay[] | null;
  job_code_kind: JobCodeKind | null;
  job_code: string | null;
  protective_equipment: string | null;
  tutor_user_id: string | null;
  tutor_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export async function findOffer(
  trx: Tx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<OfferDetail | undefined> {
  const r = await sql<DetailRow>`
    select ${ITEM_COLUMNS}, o.programme_id, o.street, o.postal_code, o.tasks_fr, o.tasks_nl, o.schedule,
      o.hours_per_week, o.accessibility, o.timetable, o.job_code_kind, o.job_code, o.protective_equipment,
      o.tutor_user_id, u.display_name as tutor_name, o.created_at, o.updated_at
    from ${ITEM_FROM}
      left join users u on u.id = o.tutor_user_id
    where o.id = ${id}
    ${opts.forUpdate ? sql`for update of o` : sql``}`.execute(trx);
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    ...toItem(row),
    programmeId: row.programme_id,
    street: row.street,
    postalCode: row.postal_code,
    tasksFr: row.tasks_fr,
    tasksNl: row.tasks_nl,
    schedule: row.schedule,
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    accessibility: row.accessibility,
    timetable: row.timetable,
    jobCodeKind: row.job_code_kind,
    jobCode: row.job_code,
    protectiveEquipment: row.protective_equipment,
    tutorUserId: row.tutor_user_id,
    tutorName: row.tutor_name,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function territoryExists(trx: Tx, code: string): Promise<boolean> {
  const r = await trx.selectFrom('territories').select('code').where('code', '=', code).executeTakeFirst();
  return !!r;
}

export async function programmeExists(trx: Tx, id: string): Promise<boolean> {
  const r = await trx.selectFrom('programmes').select('id').where('id', '=', id).executeTakeFirst();
  return !!r;
}

/** A tutor must be an active member of the host organisation. */
export async function isActiveMember(trx: Tx, orgId: string, userId: string): Promise<boolean> {
  const r = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return !!r;
}
