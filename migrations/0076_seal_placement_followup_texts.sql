-- What the two sides of a placement write about the person in its follow-up is sealed (issue 16): an
-- incident's description and the action taken (a work accident, a health problem, a conflict on the site)
-- and a journey's note. Either side writes them, so each row now names the organisation that wrote it
-- (author_org_id) and is sealed with that organisation's data key; the other side of the placement opens it
-- with the key app.placement_party_keys() releases for the placements it is a party to (ADR 0040).
-- As in 0071–0075, the checks are NOT VALID (clear rows written before are sealed by the application at start)
-- and the audit log no longer receives the texts.

-- Rows written before: the writer's organisation from the membership of the user who recorded them (the home
-- side when that user belongs to both or to neither any more).
alter table placement_incidents add column author_org_id uuid references organisations (id);
update placement_incidents i set author_org_id = coalesce((select m.org_id from memberships m
    where m.user_id = i.reported_by and m.org_id in (i.org_id, i.host_org_id)
    order by (m.org_id = i.org_id) desc limit 1), i.org_id);
alter table placement_incidents alter column author_org_id set not null;
alter table placement_incidents add constraint placement_incidents_author_party
  check (author_org_id in (org_id, host_org_id));

alter table placement_mobility add column author_org_id uuid references organisations (id);
update placement_mobility x set author_org_id = coalesce((select m.org_id from memberships m
    where m.user_id = x.recorded_by and m.org_id in (x.org_id, x.host_org_id)
    order by (m.org_id = x.org_id) desc limit 1), x.org_id);
alter table placement_mobility alter column author_org_id set not null;
alter table placement_mobility add constraint placement_mobility_author_party
  check (author_org_id in (org_id, host_org_id));

alter table placement_incidents drop constraint placement_incidents_description_check;
alter table placement_incidents add constraint placement_incidents_description_sealed
  check (description like 'v2.%') not valid;
alter table placement_incidents drop constraint placement_incidents_action_taken_check;
alter table placement_incidents add constraint placement_incidents_action_taken_sealed
  check (action_taken is null or action_taken like 'v2.%') not valid;
alter table placement_mobility drop constraint placement_mobility_note_check;
alter table placement_mobility add constraint placement_mobility_note_sealed
  check (note is null or note like 'v2.%') not valid;

drop trigger placement_incidents_audit on placement_incidents;
create trigger placement_incidents_audit after insert or update or delete on placement_incidents
  for each row execute function audit.on_change('description', 'action_taken');
drop trigger placement_mobility_audit on placement_mobility;
create trigger placement_mobility_audit after insert or update or delete on placement_mobility
  for each row execute function audit.on_change('note');

-- A row is sealed with its author's key, so the author is who writes it: a side cannot write a row in the
-- other side's name (its text would not open with the key it names), nor change the author or the sealed
-- texts of the other side's rows afterwards, except to clear them. The schema owner without any request context (the start-up
-- re-encryption) and jobs of the system scope pass.
create function app.placement_author_guard() returns trigger language plpgsql
  set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
  v_sealed text[] := case tg_table_name when 'placement_incidents' then array['description', 'action_taken']
    else array['note'] end;
begin
  if v_org is null then
    if tg_op = 'UPDATE' and new.author_org_id is distinct from old.author_org_id then
      raise exception 'the author of a follow-up entry does not change' using errcode = '42501';
    end if;
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.author_org_id is distinct from v_org then
      raise exception 'a follow-up entry is written in its author''s name' using errcode = '42501';
    end if;
  elsif new.author_org_id is distinct from old.author_org_id
      or (old.author_org_id <> v_org and exists (select 1 from unnest(v_sealed) c
        where to_jsonb(new) ->> c is not null and to_jsonb(new) -> c is distinct from to_jsonb(old) -> c)) then
    -- Clearing a text (the home side's anonymisation of the person) is not writing one.
    raise exception 'only the author changes the texts of a follow-up entry' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger placement_incidents_author before insert or update on placement_incidents
  for each row execute function app.placement_author_guard();
create trigger placement_mobility_author before insert or update on placement_mobility
  for each row execute function app.placement_author_guard();

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
      select p.org_id as o from placements p
      where p.id = any (coalesce(p_placements, '{}')) and v_org in (p.org_id, p.host_org_id)
      union
      select p.host_org_id from placements p
      where p.id = any (coalesce(p_placements, '{}')) and v_org in (p.org_id, p.host_org_id))
    select k.org_id, k.purpose, k.version, k.master_id, k.wrapped
    from sides s join app.org_keys k on k.org_id = s.o and k.purpose = 'data'
    order by k.org_id, k.version desc;
end
$$;
revoke all on function app.placement_party_keys(uuid[]) from public;
grant execute on function app.placement_party_keys(uuid[]) to samen_app;

-- The start-up re-encryption of a restricted person's follow-up passes the refusal (0065, 0074).
create or replace function app.restriction_sealed_columns(p_table text) returns text[]
  language sql immutable set search_path = pg_catalog as $$
  select case p_table
    when 'newcomer_profiles' then array['psychosocial_referred_to', 'guardian_name', 'guardian_contact']
    when 'newcomer_status_events' then array['note']
    when 'outreach_contacts' then array['note']
    when 'pathway_notes' then array['body']
    when 'placement_incidents' then array['description', 'action_taken']
    when 'placement_mobility' then array['note'] end
$$;
