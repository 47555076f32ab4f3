-- Person search, index-assisted (issue 15).
--
-- The caseload search matched names with word_similarity() as a plain function: every search folded and
-- compared every person of the organisation (80-90 ms at 4,000 persons, linear in the organisation's size).
-- The trigram operators (<%, LIKE) can use a GIN trigram index, but not under row-level security: their
-- functions are not LEAKPROOF, so the planner keeps them as filters above the policy's org_id condition
-- (checked with EXPLAIN as samen_app). So:
--
-- * One GIN index leads with org_id (btree_gin) and holds both name orders folded (trigrams): a search
--   is one bitmap scan of the organisation's entries that match, whatever the network's size.
-- * app.person_name_matches(q) is the search itself, as a definer function: it reads only the rows the
--   persons policy would show (org_id = app.current_org_id(), the same condition), returns ids and scores,
--   nothing else, and the caller joins them to persons under RLS as before. Its operators run without a
--   policy in the way (superuser owner: no RLS; plain owner: the owner_definer policy is `true`, which the
--   planner drops), so they are index conditions.
-- * The typo threshold (0.4 word similarity: "Dupnt" finds "Dupont", "Sevo Tilan" finds "Tilan Sevo")
--   is set on the function, so it holds only inside it. The match is the one the search had: word
--   similarity, or either name order starting with the text typed (accents and case aside), ranked by
--   word similarity on "last first".

create extension if not exists btree_gin;

-- Replaced: a trigram index without org_id that no query under RLS could use.
drop index if exists persons_fold_name;
create index persons_org_fold_names on persons using gin (org_id,
  (app.fold(last_name || ' ' || first_name)) gin_trgm_ops,
  (app.fold(first_name || ' ' || last_name)) gin_trgm_ops);

create function app.person_name_matches(p_q text) returns table (person_id uuid, score real)
  language plpgsql stable security definer rows 20
  set search_path = pg_catalog, public
  set pg_trgm.word_similarity_threshold = 0.4
as $$
declare
  -- Folded once here: in the query they are values, not a fold per row (and the plan knows them).
  v_org uuid := app.current_org_id();
  v_q text := app.fold(p_q);
  v_prefix text := app.fold(replace(replace(replace(p_q, '\', '\\'), '%', '\%'), '_', '\_')) || '%';
begin
  return query
    select p.id, word_similarity(v_q, app.fold(p.last_name || ' ' || p.first_name))
    from persons p
    where p.org_id = v_org
      and (v_q <% app.fold(p.last_name || ' ' || p.first_name)
        or app.fold(p.last_name || ' ' || p.first_name) like v_prefix
        or app.fold(p.first_name || ' ' || p.last_name) like v_prefix);
end
$$;
revoke all on function app.person_name_matches(text) from public;
grant execute on function app.person_name_matches(text) to samen_app;
