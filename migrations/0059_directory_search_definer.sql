-- The public directory search through one definer function (issue 15, ADR 0028).
--
-- Under row-level security PostgreSQL evaluates the policy before any user condition that is not
-- leakproof; the text-search operator @@ is not, so it could never drive the GIN indexes on
-- services.search_fr/search_nl, and every search read and matched every row of services. The searched
-- rows are public by definition: published services of active organisations. This function reads exactly
-- those, as the owner (whose only policy is owner_definer, `true`, so the planner is free to use the
-- indexes), and returns exactly the columns the public endpoint already shows: no draft, no contact
-- detail, no service of a closed organisation, whatever the caller.
--
-- The caller (store.ts) keeps what is pure: folding the words, the themes the words name (labels and
-- synonyms, typos allowed) with their scores, the prefix query and the LIKE pattern of the fallback. Here:
-- full-text in French and in Dutch on the accent-folded vectors, plus the services of the named themes,
-- ranked by text rank plus theme score; only when that finds nothing, a fallback on the folded titles
-- (substring or close spelling, trigram word similarity) among services with a word starting like one of
-- the query's. Ordered by rank, then the title in the reader's language, then id; one page and the total.
create function app.directory_search(
  p_words text, p_folded text, p_prefixes text, p_like text,
  p_theme_codes text[], p_theme_scores float8[],
  p_theme text, p_language text, p_country text, p_municipality text, p_access text,
  p_sort_nl boolean, p_limit integer, p_offset integer)
  returns table (id uuid, title_fr text, title_nl text, description_fr text, description_nl text,
    theme text, languages text[], cross_border_access text, country text, municipality_code text,
    municipality_name_fr text, municipality_name_nl text, org_id uuid, org_name_fr text, org_name_nl text,
    org_short_name text, total integer)
  language plpgsql stable security definer set search_path = pg_catalog, public
  -- Planned for each call's values (as the statement built in store.ts was): an unused filter or an empty
  -- theme list folds away, and the planner weighs each query's selectivity (a generic plan could not).
  set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  -- Built once per call; as the statement's parameters they become the index scans' keys.
  v_fr tsquery := websearch_to_tsquery('french', app.fold(p_words));
  v_nl tsquery := websearch_to_tsquery('dutch', app.fold(p_words));
  v_prefixes tsquery := case when coalesce(p_prefixes, '') <> '' then to_tsquery('simple', p_prefixes) end;
  v_codes text[] := coalesce(p_theme_codes, '{}');
  -- Organisations whose services leave the directory (closed ones: few). Excluded by id, so that the hits
  -- are read from services alone and the plan never hinges on estimates of a join (PGlite never analyses).
  v_inactive uuid[] := array(select o.id from organisations o where o.status <> 'active');
begin
  return query
  with matched as (
    select s.id,
      lower(case when p_sort_nl then coalesce(s.title_nl, s.title_fr) else coalesce(s.title_fr, s.title_nl) end)
        as sort_key,
      greatest(ts_rank(s.search_fr, v_fr), ts_rank(s.search_nl, v_nl))
        + coalesce(p_theme_scores[array_position(v_codes, s.theme)], 0) as rank
    from services s
    where s.published and s.org_id <> all (v_inactive)
      and (p_theme is null or s.theme = p_theme)
      and (p_language is null or p_language = any (s.languages))
      and (p_country is null or coalesce(left(s.municipality_code, 2),
        (select o.country from organisations o where o.id = s.org_id)) = p_country)
      and (p_municipality is null or s.municipality_code = p_municipality)
      and (p_access is null or s.cross_border_access = p_access)
      and (s.search_fr @@ v_fr or s.search_nl @@ v_nl or (cardinality(v_codes) > 0 and s.theme = any (v_codes)))
  ), fuzzy as (
    select s.id,
      lower(case when p_sort_nl then coalesce(s.title_nl, s.title_fr) else coalesce(s.title_fr, s.title_nl) end)
        as sort_key,
      word_similarity(p_folded, f.titles)::float8 as rank
    from services s
      cross join lateral (select lower(public.unaccent('public.unaccent'::regdictionary,
        concat_ws(' ', s.title_fr, s.title_nl))) as titles) f
    where not exists (select 1 from matched) and v_prefixes is not null
      and s.published and s.org_id <> all (v_inactive)
      and (p_theme is null or s.theme = p_theme)
      and (p_language is null or p_language = any (s.languages))
      and (p_country is null or coalesce(left(s.municipality_code, 2),
        (select o.country from organisations o where o.id = s.org_id)) = p_country)
      and (p_municipality is null or s.municipality_code = p_municipality)
      and (p_access is null or s.cross_border_access = p_access)
      and (s.search_fr @@ v_prefixes or s.search_nl @@ v_prefixes)
      and (f.titles like p_like or p_folded <% f.titles)
  ), page as (
    select h.id, h.rank, h.sort_key, count(*) over ()::int as total
    from (select * from matched union all select * from fuzzy) h
    order by h.rank desc, h.sort_key, h.id
    limit p_limit offset p_offset
  )
  select s.id, s.title_fr, s.title_nl, s.description_fr, s.description_nl, s.theme, s.languages,
    s.cross_border_access, coalesce(left(s.municipality_code, 2), o.country)::text, s.municipality_code,
    t.name_fr, t.name_nl, s.org_id, o.name_fr, o.name_nl, o.short_name, p.total
  from page p
    join services s on s.id = p.id
    join organisations o on o.id = s.org_id
    left join territories t on t.code = s.municipality_code
  order by p.rank desc, p.sort_key, s.id;
end
$$;
revoke all on function app.directory_search(text, text, text, text, text[], float8[], text, text, text, text,
  text, boolean, integer, integer) from public;
grant execute on function app.directory_search(text, text, text, text, text[], float8[], text, text, text, text,
  text, boolean, integer, integer) to samen_app;

-- The services' search indexes are read by every public search and written only when a manager saves a
-- service: no pending list (fastupdate), whose unsorted pages every search would scan, and which made the
-- planner prefer reading the whole table after a bulk load until a vacuum merged it.
alter index services_search_fr set (fastupdate = off);
alter index services_search_nl set (fastupdate = off);
select gin_clean_pending_list('services_search_fr'), gin_clean_pending_list('services_search_nl');
