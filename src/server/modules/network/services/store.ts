import { type RawBuilder, sql } from 'kysely';
import type { Language } from '../../../../common/i18n/locales';
import { likeAnywhere } from '../../../../common/kernel/schemas';
import { matchThemes, searchWords } from '../../../../common/network/directory-search';
import { sortOpeningHours } from '../../../../common/network/opening-hours';
import type {
  DirectoryItem,
  DirectoryQuery,
  ManagedServiceItem,
  Municipality,
  OpeningRange,
  ServiceDetail,
} from '../../../../common/network/service-schemas';
import type { Tx } from '../../../platform/db/context';

/**
 * SQL of the services directory. Runs under RLS (anonymous callers see published rows only), except the
 * search with words, which app.directory_search runs over published services alone (ADR 0028).
 */

interface ItemRow {
  id: string;
  title_fr: string | null;
  title_nl: string | null;
  description_fr: string | null;
  description_nl: string | null;
  theme: string;
  languages: string[];
  cross_border_access: string;
  country: string | null;
  municipality_code: string | null;
  municipality_name_fr: string | null;
  municipality_name_nl: string | null;
  org_id: string;
  org_name_fr: string;
  org_name_nl: string;
  org_short_name: string | null;
}

const ITEM_COLUMNS = sql`s.id, s.title_fr, s.title_nl, s.description_fr, s.description_nl, s.theme, s.languages,
  s.cross_border_access, coalesce(left(s.municipality_code, 2), o.country) as country, s.municipality_code,
  t.name_fr as municipality_name_fr, t.name_nl as municipality_name_nl, s.org_id, o.name_fr as org_name_fr,
  o.name_nl as org_name_nl, o.short_name as org_short_name`;

const toItem = (r: ItemRow): DirectoryItem => ({
  id: r.id,
  titleFr: r.title_fr,
  titleNl: r.title_nl,
  descriptionFr: r.description_fr,
  descriptionNl: r.description_nl,
  theme: r.theme,
  languages: r.languages,
  crossBorderAccess: r.cross_border_access,
  country: r.country,
  municipalityCode: r.municipality_code,
  municipalityNameFr: r.municipality_name_fr,
  municipalityNameNl: r.municipality_name_nl,
  orgId: r.org_id,
  orgNameFr: r.org_name_fr,
  orgNameNl: r.org_name_nl,
  orgShortName: r.org_short_name,
});

/**
 * Accent and case folding per row. app.fold is exact but, as an SQL function over unaccent, costs about
 * 10 µs a row: too much for thousands of rows per search; unaccent called directly is several times cheaper.
 */
const rowFold = (expr: RawBuilder<unknown>) =>
  sql`lower(public.unaccent('public.unaccent'::regdictionary, ${expr}))`;

/** Title in the reader's language first, for alphabetical order. */
const titleFor = (language: Language) =>
  language === 'nl' ? sql`coalesce(s.title_nl, s.title_fr)` : sql`coalesce(s.title_fr, s.title_nl)`;

function filters(q: DirectoryQuery): RawBuilder<unknown> {
  const parts = [sql`s.published and o.status = 'active'`];
  if (q.theme) parts.push(sql`s.theme = ${q.theme}`);
  if (q.language) parts.push(sql`${q.language} = any(s.languages)`);
  if (q.country) parts.push(sql`coalesce(left(s.municipality_code, 2), o.country) = ${q.country}`);
  if (q.municipality) parts.push(sql`s.municipality_code = ${q.municipality}`);
  if (q.crossBorderAccess) parts.push(sql`s.cross_border_access = ${q.crossBorderAccess}`);
  return sql.join(parts, sql` and `);
}

/**
 * One statement per search. With words, app.directory_search (migration 0059, ADR 0028) runs it: as the
 * owner over published services of active organisations only, so that the text-search operator (not
 * leakproof, hence never an index condition under RLS) uses the GIN indexes. What is pure stays here: the
 * folded words, the themes the words name (labels and synonyms in both languages, typos allowed:
 * `matchThemes` runs in Node, so only theme codes and scores reach SQL, as parameters), the prefix query
 * and LIKE pattern of the fallback on titles (substring or close spelling), which runs only when full-text
 * and themes find nothing. A misspelt word mostly keeps its first letters: its prefix picks the candidates.
 * Without words, the page of published services in alphabetical order runs under RLS (no text operator).
 */
export async function searchDirectory(
  trx: Tx,
  q: DirectoryQuery,
  language: Language,
  page: number,
  pageSize: number,
): Promise<{ items: DirectoryItem[]; total: number }> {
  const words = q.q?.trim() ?? '';
  const offset = (page - 1) * pageSize;
  const folded = searchWords(words);
  const themes = matchThemes(words);
  const query = words
    ? sql<ItemRow & { total: number }>`
      select * from app.directory_search(${words}, ${folded.join(' ')},
        ${folded.map((w) => `${w.slice(0, 3)}:*`).join(' | ')}, ${likeAnywhere(folded.join(' '))},
        ${themes.map((m) => m.theme)}::text[], ${themes.map((m) => m.score)}::float8[],
        ${q.theme ?? null}::text, ${q.language ?? null}::text, ${q.country ?? null}::text,
        ${q.municipality ?? null}::text, ${q.crossBorderAccess ?? null}::text, ${language === 'nl'},
        ${pageSize}::int, ${offset}::int)`
    : sql<ItemRow & { total: number }>`
      with page as (
        select s.id, ${rowFold(titleFor(language))} as sort_key, count(*) over ()::int as total
        from services s join organisations o on o.id = s.org_id
        where ${filters(q)}
        order by sort_key, s.id
        limit ${pageSize} offset ${offset}
      )
      select ${ITEM_COLUMNS}, p.total
      from page p
        join services s on s.id = p.id
        join organisations o on o.id = s.org_id
        left join territories t on t.code = s.municipality_code
      order by p.sort_key, s.id`;
  const rows = (await query.execute(trx)).rows;
  return { items: rows.map(toItem), total: Number(rows[0]?.total ?? 0) };
}

interface DetailRow extends ItemRow {
  target_publics: string[];
  street: string | null;
  postal_code: string | null;
  opening_hours: unknown;
  opening_notes: string | null;
  access_conditions_fr: string | null;
  access_conditions_nl: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  published: boolean;
  updated_at: Date | string;
}

/** One service as RLS lets the caller see it (published, or a draft of the caller's organisation). */
export async function findService(
  trx: Tx,
  id: string,
  opts: { publishedOnly: boolean; forUpdate?: boolean },
): Promise<ServiceDetail | undefined> {
  const r = await sql<DetailRow>`
    select ${ITEM_COLUMNS}, s.target_publics, s.street, s.postal_code, s.opening_hours, s.opening_notes,
      s.access_conditions_fr, s.access_conditions_nl, s.email, s.phone, s.website, s.published, s.updated_at
    from services s
      join organisations o on o.id = s.org_id
      left join territories t on t.code = s.municipality_code
    where s.id = ${id} ${opts.publishedOnly ? sql`and s.published` : sql``}
    ${opts.forUpdate ? sql`for update of s` : sql``}`.execute(trx);
  const row = r.rows[0];
  if (!row) return undefined;
  const hours = (typeof row.opening_hours === 'string' ? JSON.parse(row.opening_hours) : row.opening_hours) as
    | OpeningRange[]
    | null;
  return {
    ...toItem(row),
    targetPublics: row.target_publics,
    street: row.street,
    postalCode: row.postal_code,
    openingHours: sortOpeningHours(hours ?? []),
    openingNotes: row.opening_notes,
    accessConditionsFr: row.access_conditions_fr,
    accessConditionsNl: row.access_conditions_nl,
    email: row.email,
    phone: row.phone,
    website: row.website,
    published: row.published,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The municipalities that have published services (the directory's filter; forms use /api/territories). */
export async function listMunicipalities(trx: Tx): Promise<Municipality[]> {
  const rows = await sql<Municipality>`
    select t.code, t.country, t.name_fr as "nameFr", t.name_nl as "nameNl" from territories t
    where exists (select 1 from services s where s.published and s.municipality_code = t.code)
    order by app.fold(t.name_fr), t.code`.execute(trx);
  return rows.rows;
}

export async function territoryExists(trx: Tx, code: string): Promise<boolean> {
  const r = await trx.selectFrom('territories').select('code').where('code', '=', code).executeTakeFirst();
  return !!r;
}

export async function organisationCountry(trx: Tx, orgId: string): Promise<'FR' | 'BE' | null> {
  const r = await trx
    .selectFrom('organisations')
    .select('country')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return (r?.country as 'FR' | 'BE' | undefined) ?? null;
}

/** Owner of a service the caller can see, read with a row lock when about to change it. */
export async function serviceOwner(trx: Tx, id: string): Promise<string | undefined> {
  const r = await trx
    .selectFrom('services')
    .select('org_id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return r?.org_id;
}

/** An organisation's services, drafts included, most recently changed first (all of them for admins). */
export async function listManaged(
  trx: Tx,
  orgId: string | null,
  page: number,
  pageSize: number,
): Promise<{ items: ManagedServiceItem[]; total: number }> {
  const r = await sql<{
    id: string;
    title_fr: string | null;
    title_nl: string | null;
    theme: string;
    published: boolean;
    municipality_name_fr: string | null;
    municipality_name_nl: string | null;
    org_name_fr: string;
    org_name_nl: string;
    updated_at: Date | string;
    total: number;
  }>`
    select s.id, s.title_fr, s.title_nl, s.theme, s.published, t.name_fr as municipality_name_fr,
      t.name_nl as municipality_name_nl, o.name_fr as org_name_fr, o.name_nl as org_name_nl, s.updated_at,
      count(*) over ()::int as total
    from services s
      join organisations o on o.id = s.org_id
      left join territories t on t.code = s.municipality_code
    ${orgId ? sql`where s.org_id = ${orgId}` : sql``}
    order by s.updated_at desc, s.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(trx);
  return {
    total: Number(r.rows[0]?.total ?? 0),
    items: r.rows.map((x) => ({
      id: x.id,
      titleFr: x.title_fr,
      titleNl: x.title_nl,
      theme: x.theme,
      published: x.published,
      municipalityNameFr: x.municipality_name_fr,
      municipalityNameNl: x.municipality_name_nl,
      orgNameFr: x.org_name_fr,
      orgNameNl: x.org_name_nl,
      updatedAt: new Date(x.updated_at).toISOString(),
    })),
  };
}
