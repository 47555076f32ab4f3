import { type RawBuilder, sql } from 'kysely';
import type { Language } from '../../../../common/i18n/locales';
import { likeAnywhere } from '../../../../common/kernel/schemas';
import { searchWords } from '../../../../common/network/directory-search';
import type {
  PracticeFacets,
  PracticeItem,
  PracticeLanguage,
  PracticeQuery,
  PracticeStatus,
} from '../../../../common/practices/schemas';
import type { Tx } from '../../../platform/db/context';
import { toOrgRef } from './store';

/**
 * The library's search, one statement per page, under RLS. Words are matched in French and in Dutch
 * whatever the reader's language, on the accent-folded search vectors (titles, tags, then the texts), as
 * the services directory does; a word that full-text search misses (a partial or compound word) is still
 * found in the folded titles and tags.
 */

/** Which sheets a search covers: the network's published ones, the public ones, or the caller's own. */
export type Scope = { kind: 'network' } | { kind: 'public' } | { kind: 'mine'; orgId: string };

function filters(q: Omit<PracticeQuery, 'mine'>, scope: Scope): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    scope.kind === 'mine'
      ? sql`s.org_id = ${scope.orgId}`
      : scope.kind === 'public'
        ? sql`s.status = 'public'`
        : sql`s.status in ('network', 'public')`,
  ];
  if (q.theme) parts.push(sql`${q.theme} = any(s.themes)`);
  if (q.tag) parts.push(sql`exists (select 1 from unnest(s.tags) t where app.fold(t) = app.fold(${q.tag}))`);
  if (q.orgId) parts.push(sql`s.org_id = ${q.orgId.toLowerCase()}`);
  if (q.country) parts.push(sql`o.country = ${q.country}`);
  return sql.join(parts, sql` and `);
}

interface Row {
  id: string;
  reference: string;
  status: PracticeStatus;
  original_language: PracticeLanguage;
  title_fr: string | null;
  title_nl: string | null;
  description_fr: string | null;
  description_nl: string | null;
  themes: string[];
  tags: string[];
  org_id: string;
  name_fr: string;
  name_nl: string;
  short_name: string | null;
  country: string;
  published_on: string | null;
  adoptions: number;
  total: number;
}

const summary = (t: string | null) => (t ? (t.length > 280 ? `${t.slice(0, 277).trimEnd()}…` : t) : null);

export async function searchSheets(
  trx: Tx,
  q: Omit<PracticeQuery, 'mine'>,
  scope: Scope,
  language: Language,
  page: number,
  pageSize: number,
): Promise<{ items: PracticeItem[]; total: number }> {
  const where = filters(q, scope);
  const words = q.q?.trim() ?? '';
  const folded = searchWords(words);
  const sortKey =
    language === 'nl'
      ? sql`app.fold(coalesce(s.title_nl, s.title_fr))`
      : sql`app.fold(coalesce(s.title_fr, s.title_nl))`;
  const textMatch = folded.length
    ? sql`(s.search_fr @@ websearch_to_tsquery('french', app.fold(${words}))
        or s.search_nl @@ websearch_to_tsquery('dutch', app.fold(${words}))
        or app.fold(concat_ws(' ', s.title_fr, s.title_nl, app.practice_words(s.tags))) like ${likeAnywhere(folded.join(' '))})`
    : sql`true`;
  const rank = folded.length
    ? sql`greatest(ts_rank(s.search_fr, websearch_to_tsquery('french', app.fold(${words}))),
        ts_rank(s.search_nl, websearch_to_tsquery('dutch', app.fold(${words}))))`
    : sql`0`;
  const r = await sql<Row>`
    with hits as (
      select s.id, ${rank} as rank, ${sortKey} as sort_key, count(*) over ()::int as total
      from practice_sheets s join organisations o on o.id = s.org_id
      where ${where} and ${textMatch}
      order by rank desc, sort_key, s.id
      limit ${pageSize} offset ${(page - 1) * pageSize}
    )
    select s.id, s.reference, s.status, s.original_language, s.title_fr, s.title_nl, s.description_fr,
      s.description_nl, s.themes, s.tags, s.org_id, o.name_fr, o.name_nl, o.short_name, o.country,
      s.published_on, h.total,
      (select count(distinct t.org_id)::int from practice_take_ups t
        where t.sheet_id = s.id and t.status = 'adopted') as adoptions
    from hits h join practice_sheets s on s.id = h.id join organisations o on o.id = s.org_id
    order by h.rank desc, h.sort_key, s.id`.execute(trx);
  return {
    total: Number(r.rows[0]?.total ?? 0),
    items: r.rows.map((x) => ({
      id: x.id,
      reference: x.reference,
      status: x.status,
      originalLanguage: x.original_language,
      titleFr: x.title_fr,
      titleNl: x.title_nl,
      summaryFr: summary(x.description_fr),
      summaryNl: summary(x.description_nl),
      themes: x.themes,
      tags: x.tags,
      org: toOrgRef({
        id: x.org_id,
        name_fr: x.name_fr,
        name_nl: x.name_nl,
        short_name: x.short_name,
        country: x.country,
      }),
      publishedOn: x.published_on,
      // Anonymous readers see no take-up (RLS): their count is 0, never a guess.
      adoptions: Number(x.adoptions),
    })),
  };
}

/** Organisations and tags of the sheets a scope covers, for the filters. */
export async function facets(trx: Tx, scope: Scope): Promise<PracticeFacets> {
  const where = filters({}, scope);
  const orgs = await sql<{
    id: string;
    name_fr: string;
    name_nl: string;
    short_name: string | null;
    country: string;
  }>`
    select distinct o.id, o.name_fr, o.name_nl, o.short_name, o.country
    from practice_sheets s join organisations o on o.id = s.org_id where ${where}
    order by o.name_fr, o.id`.execute(trx);
  const tags = await sql<{ tag: string }>`
    select min(t) as tag from practice_sheets s join organisations o on o.id = s.org_id, unnest(s.tags) t
    where ${where} group by app.fold(t) order by app.fold(min(t)) limit 200`.execute(trx);
  return { organisations: orgs.rows.map(toOrgRef), tags: tags.rows.map((x) => x.tag) };
}
