-- What the two sides of a placement write about the person in its follow-up is sealed (issue 16): an
-- incident's description and the action taken (a work accident, a health problem, a conflict on the site),
-- a journey's note, a day's attendance note ("medical appointment, certificate handed in") and an
-- evaluation's strengths, improvements and next steps. Either side writes them, so each row now names the organisation that wrote it
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

alter table placement_attendance add column author_org_id uuid references organisations (id);
update placement_attendance x set author_org_id = coalesce((select m.org_id from memberships m
    where m.user_id = x.recorded_by and m.org_id in (x.org_id, x.host_org_id)
    order by (m.org_id = x.org_id) desc limit 1), x.org_id);
alter table placement_attendance alter column author_org_id set not null;
alter table placement_attendance add constraint placement_attendance_author_party
  check (author_org_id in (org_id, host_org_id));

alter table placement_evaluations add column author_org_id uuid references organisations (id);
update placement_evaluations x set author_org_id = coalesce((select m.org_id from memberships m
    where m.user_id = x.recorded_by and m.org_id in (x.org_id, x.host_org_id)
    order by (m.org_id = x.org_id) desc limit 1), x.org_id);
alter table placement_evaluations alter column author_org_id set not null;
alter table placement_evaluations add constraint placement_evaluations_author_party
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

alter table placement_attendance drop constraint placement_attendance_note_check;
alter table placement_attendance add constraint placement_attendance_note_sealed
  check (note is null or note like 'v2.%') not valid;
alter table placement_evaluations drop constraint placement_evaluations_strengths_check;
alter table placement_evaluations add constraint placement_evaluations_strengths_sealed
  check (strengths is null or strengths like 'v2.%') not valid;
alter table placement_evaluations drop constraint placement_evaluations_improvements_check;
alter table placement_evaluations add constraint placement_evaluations_improvements_sealed
  check (improvements is null or improvements like 'v2.%') not valid;
alter table placement_evaluations drop constraint placement_evaluations_next_steps_check;
alter table placement_evaluations add constraint placement_evaluations_next_steps_sealed
  check (next_steps is null or next_steps like 'v2.%') not valid;

drop trigger placement_incidents_audit on placement_incidents;
create trigger placement_incidents_audit after insert or update or delete on placement_incidents
  for each row execute function audit.on_change('description', 'action_taken');
drop trigger placement_attendance_audit on placement_attendance;
create trigger placement_attendance_audit after insert or update or delete on placement_attendance
  for each row execute function audit.on_change('note');
drop trigger placement_evaluations_audit on placement_evaluations;
create trigger placement_evaluations_audit after insert or update or delete on placement_evaluations
  for each row execute function audit.on_change('strengths', 'improvements', 'next_steps');
drop trigger placement_mobility_audit on placement_mobility;
create trigger placement_mobility_audit after insert or update or delete on placement_mobility
  for each row execute function audit.on_change('note');

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
  v_sealed text[] := case tg_table_name
    when 'placement_incidents' then array['description', 'action_taken']
    when 'placement_evaluations' then array['strengths', 'improvements', 'next_steps']
    else array['note'] end;
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
create trigger placement_incidents_author before insert or update on placement_incidents
  for each row execute function app.placement_author_guard();
create trigger placement_mobility_author before insert or update on placement_mobility
  for each row execute function app.placement_author_guard();
create trigger placement_attendance_author before insert or update on placement_attendance
  for each row execute function app.placement_author_guard();
create trigger placement_evaluations_author before insert or update on placement_evaluations
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
    when 'placement_mobility' then array['note']
    when 'placement_attendance' then array['note']
    when 'placement_evaluations' then array['strengths', 'improvements', 'next_steps'] end
$$;
