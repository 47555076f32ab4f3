-- What the two sides of a placement write about the person in its follow-up is sealed (issue 16): an
-- incident's description and the action taken (a work accident, a health problem, a conflict on the site),
-- a journey's note, a day's attendance note ("medical appointment, certificate handed in") and an
-- evaluation's strengths, improvements and next steps. Either side writes them, so each row now names the
-- organisation that wrote it (author_org_id) and is sealed with that organisation's data key; the other side
-- of the placement opens it with the key app.placement_party_keys() releases for the placements it is a
-- party to (ADR 0040). As in 0071–0075, the checks are NOT VALID (clear rows written before are sealed by the
-- application at start) and the audit log no longer receives the texts.

-- The sealed columns of each table, one list for this migration, the author guard and the refusal to process
-- a restricted person, which lets the start-up re-encryption of a restricted person's follow-up pass (0065,
-- 0074).
create or replace function app.restriction_sealed_columns(p_table text) returns text[]
  language sql immutable set search_path = pg_catalog as $$
  select case p_table
    when 'newcomer_profiles' then array['psychosocial_referred_to', 'guardian_name', 'guardian_contact']
    when 'newcomer_status_events' then array['note']
    when 'outreach_contacts' then array['note']
    when 'pathway_notes' then array['body']
    when 'placement_incidents' then array['description', 'action_taken']
    when 'placement_mobility' then array['note']
    when 'placement_attendance' then array['note']
    when 'placement_evaluations' then array['strengths', 'improvements', 'next_steps'] end
$$;

-- A row is sealed with its author's key, so the author is who writes it: a side cannot write a row in the
-- other side's name (its text would not open with the key it names), nor change the texts of the other
-- side's row, except to clear them (the home side's anonymisation of the person). A side takes a row over
-- only by rewriting every text it holds (an evaluation corrected by the other side: each text sealed anew,
-- or cleared). The schema owner without any request context (the start-up re-encryption) and jobs of the
-- system scope pass, the author unchanged.
create function app.placement_author_guard() returns trigger language plpgsql
  set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
  v_sealed text[] := app.restriction_sealed_columns(tg_table_name);
  v_new jsonb := to_jsonb(new);
  v_old jsonb;
begin
  if tg_op = 'INSERT' then
    -- Unnamed, the author is who writes (the home side for the owner's bulk loads).
    new.author_org_id := coalesce(new.author_org_id, v_org, new.org_id);
    if v_org is not null and new.author_org_id is distinct from v_org then
      raise exception 'a follow-up entry is written in its author''s name' using errcode = '42501';
    end if;
    return new;
  end if;
  v_old := to_jsonb(old);
  if v_org is null then
    if new.author_org_id is distinct from old.author_org_id then
      raise exception 'the author of a follow-up entry does not change' using errcode = '42501';
    end if;
  elsif new.author_org_id is distinct from old.author_org_id then
    if new.author_org_id is distinct from v_org or exists (select 1 from unnest(v_sealed) c
        where v_new ->> c is not null and v_new -> c = v_old -> c) then
      raise exception 'a follow-up entry is taken over only with every text written anew' using errcode = '42501';
    end if;
  elsif old.author_org_id <> v_org and exists (select 1 from unnest(v_sealed) c
      where v_new ->> c is not null and v_new -> c is distinct from v_old -> c) then
    raise exception 'only the author changes the texts of a follow-up entry' using errcode = '42501';
  end if;
  return new;
end
$$;

do $$
declare
  t text;
  c text;
begin
  foreach t in array array['placement_incidents', 'placement_mobility', 'placement_attendance',
    'placement_evaluations'] loop
    -- Rows written before: the writer's organisation from the membership of the user who recorded them (the
    -- home side when that user belongs to both or to neither any more).
    execute format('alter table %I add column author_org_id uuid references organisations (id)', t);
    execute format($u$update %I x set author_org_id = coalesce((select m.org_id from memberships m
        where m.user_id = x.%I and m.org_id in (x.org_id, x.host_org_id)
        order by (m.org_id = x.org_id) desc limit 1), x.org_id)$u$,
      t, case t when 'placement_incidents' then 'reported_by' else 'recorded_by' end);
    execute format('alter table %I alter column author_org_id set not null', t);
    execute format('alter table %I add constraint %I check (author_org_id in (org_id, host_org_id))',
      t, t || '_author_party');
    execute format('create trigger %I before insert or update on %I
      for each row execute function app.placement_author_guard()', t || '_author', t);
    foreach c in array app.restriction_sealed_columns(t) loop
      execute format('alter table %I drop constraint %I', t, t || '_' || c || '_check');
      execute format($k$alter table %I add constraint %I check (%I is null or %I like 'v2.%%') not valid$k$,
        t, t || '_' || c || '_sealed', c, c);
    end loop;
    execute format('drop trigger %I on %I', t || '_audit', t);
    execute format('create trigger %I after insert or update or delete on %I
      for each row execute function audit.on_change(%s)', t || '_audit', t,
      (select string_agg(quote_literal(x), ', ') from unnest(app.restriction_sealed_columns(t)) x));
  end loop;
end
$$;

-- The data keys of both sides of the placements asked for, to a side of each placement only; nothing without a
-- signed-in context. One call for a follow-up page, or for a person's export across their placements.
create function app.placement_party_keys(p_placements uuid[]) returns table (org_id uuid, purpose text,
  version integer, master_id text, wrapped text)
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
begin
  if v_org is null or not app.is_authenticated() then
    return;
  end if;
  return query
    with sides as (
      select distinct unnest(array[p.org_id, p.host_org_id]) as o from placements p
      where p.id = any (coalesce(p_placements, '{}')) and v_org in (p.org_id, p.host_org_id))
    select k.org_id, k.purpose, k.version, k.master_id, k.wrapped
    from sides s join app.org_keys k on k.org_id = s.o and k.purpose = 'data'
    order by k.org_id, k.version desc;
end
$$;
revoke all on function app.placement_party_keys(uuid[]) from public;
grant execute on function app.placement_party_keys(uuid[]) to samen_app;
