-- Data-subject rights (issue 16, GDPR art. 15–18): restriction of processing, and erasure by anonymisation.
--
-- Restriction (art. 18). A person may be restricted, with a reason and the date: while restricted, every
-- write about the person is refused by the database (error SR001, translated by the API), whatever path or
-- organisation writes: the record itself, pathways and their items, new referrals, grants and placements,
-- placement follow-up, newcomer records, new accompaniment requests and interpreter bookings. Reads go on.
-- Consents stay writable: giving or withdrawing consent is the person's own act. Lifting the restriction is
-- an update of the person, in the audit log like every other.
--
-- Erasure (art. 17). An erasure is recorded in person_erasures (home organisation, reason 'request' or
-- 'retention', who, when); only app.begin_erasure() writes it, after checking that the caller may erase.
-- For the rest of that transaction (the row carries its transaction id) the rows of that person, and only
-- them, pass the guards that otherwise keep records immutable (consents, referrals) and the restriction,
-- so the anonymisation can clear their free text. The audit chain is never rewritten.

-- ============================================================================ persons
alter table persons add column restricted_at timestamptz;
alter table persons add column restriction_reason text
  check (restriction_reason is null or length(trim(restriction_reason)) between 5 and 500);
alter table persons add column restricted_by uuid references users (id);
alter table persons add constraint persons_restriction_complete
  check ((restricted_at is null) = (restriction_reason is null));
-- Set once, by the anonymisation: the record then holds only the minimal participation record.
alter table persons add column anonymised_at timestamptz;

-- ============================================================================ erasures
create table person_erasures (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  reason text not null check (reason in ('request', 'retention')),
  requested_by uuid references users (id),
  xact xid8 not null,
  report jsonb,
  created_at timestamptz not null default now()
);
create index person_erasures_person on person_erasures (person_id);
create index person_erasures_xact on person_erasures (xact);
select app.secure_table('person_erasures'::regclass);
-- The home organisation reads its erasures; rows are written only by the definer functions below.
create policy person_erasures_home on person_erasures for select to samen_app
  using (org_id = (select app.current_org_id()));
grant select on person_erasures to samen_app;
create trigger person_erasures_audit after insert or update or delete on person_erasures
  for each row execute function audit.on_change();

-- Whether the current transaction is erasing this person (the guards let its rows through).
create function app.erasing(p_person uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select exists (select 1 from person_erasures e
    where e.person_id = p_person and e.xact = pg_current_xact_id_if_assigned())
$$;

-- Starts the erasure of a person of the current organisation (reason 'request' or 'retention'). Answers the
-- erasure id; refuses (42501) a person of another organisation or a caller who may not erase.
create function app.begin_erasure(p_person uuid, p_reason text) returns uuid
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
  v_id uuid;
begin
  if v_org is null or not exists (select 1 from persons p where p.id = p_person and p.org_id = v_org) then
    raise exception 'no such person' using errcode = '42501';
  end if;
  -- A request: a coordinator of the organisation. Retention: the job acting for the organisation (no
  -- user), or its coordinators and administrators running it.
  if not (case p_reason
      when 'request' then exists (select 1 from memberships m where m.user_id = app.current_user_id()
        and m.org_id = v_org and m.active and 'coordinator' = any (m.roles))
      when 'retention' then app.current_user_id() is null or exists (select 1 from memberships m
        where m.user_id = app.current_user_id() and m.org_id = v_org and m.active
          and m.roles && array['coordinator', 'org_admin'])
      else false end) then
    raise exception 'not allowed to erase' using errcode = '42501';
  end if;
  insert into person_erasures (org_id, person_id, reason, requested_by, xact)
  values (v_org, p_person, p_reason, app.current_user_id(), pg_current_xact_id())
  returning id into v_id;
  return v_id;
end
$$;

-- Keeps the erasure's report (counts per module) on its row, in the same transaction only.
create function app.finish_erasure(p_erasure uuid, p_report jsonb) returns void
  language sql volatile security definer set search_path = pg_catalog, public as $$
  update person_erasures set report = p_report
  where id = p_erasure and xact = pg_current_xact_id_if_assigned() and org_id = app.current_org_id()
$$;

-- What the home organisation cannot reach under its own policies or grants: the accompaniment team's rows
-- about the person (the request's message, interventions' outcomes, the team's clinical notes), and the
-- newcomer rows kept append-only (status events' notes; another household's link to the person's record).
-- Only while erasing that person.
create function app.erase_accompaniment(p_person uuid) returns jsonb
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_requests integer;
  v_interventions integer;
  v_notes integer;
  v_events integer;
  v_links integer;
begin
  if not app.erasing(p_person) then
    raise exception 'not erasing this person' using errcode = '42501';
  end if;
  update accompaniment_requests r set message = null, updated_at = now()
  where r.message is not null
    and exists (select 1 from accompaniment_request_persons rp where rp.request_id = r.id and rp.person_id = p_person);
  get diagnostics v_requests = row_count;
  update accompaniment_interventions set outcome = null, onward_referrals = '[]', updated_at = now()
  where p_person = any (person_ids) and (outcome is not null or onward_referrals <> '[]');
  get diagnostics v_interventions = row_count;
  delete from accompaniment_clinical_notes where person_id = p_person;
  get diagnostics v_notes = row_count;
  update newcomer_status_events set note = null where person_id = p_person and note is not null;
  get diagnostics v_events = row_count;
  -- In another person's household, the link to this person's record goes (the relation stays).
  update newcomer_household_members set linked_person_id = null where linked_person_id = p_person;
  get diagnostics v_links = row_count;
  return jsonb_build_object('requests', v_requests, 'interventions', v_interventions, 'clinicalNotes', v_notes,
    'statusNotes', v_events, 'householdLinks', v_links);
end
$$;

revoke execute on function app.erasing(uuid), app.begin_erasure(uuid, text), app.finish_erasure(uuid, jsonb),
  app.erase_accompaniment(uuid) from public;
grant execute on function app.erasing(uuid), app.begin_erasure(uuid, text), app.finish_erasure(uuid, jsonb),
  app.erase_accompaniment(uuid) to samen_app;

-- The guards that keep consents and referrals as written let the erasing transaction clear their text.
drop trigger consents_immutable on consents;
create trigger consents_immutable before update on consents for each row
  when (not app.erasing(old.person_id)) execute function app.consents_immutable();
drop trigger referrals_guard on referrals;
create trigger referrals_guard before update on referrals for each row
  when (not app.erasing(old.person_id)) execute function app.referrals_guard();

-- ============================================================================ restriction
create function app.person_restricted(p_person uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce((select p.restricted_at is not null from persons p where p.id = p_person), false)
    and not app.erasing(p_person)
$$;
revoke execute on function app.person_restricted(uuid) from public;
grant execute on function app.person_restricted(uuid) to samen_app;

-- The record itself: while restricted, only the restriction may change (lifted, or its reason corrected).
create function app.persons_restriction_guard() returns trigger language plpgsql
  set search_path = pg_catalog, public as $$
begin
  if old.restricted_at is not null and new.restricted_at is not null and not app.erasing(old.id)
    and (to_jsonb(new) - 'restriction_reason' - 'restricted_by' - 'restricted_at' - 'updated_at')
      <> (to_jsonb(old) - 'restriction_reason' - 'restricted_by' - 'restricted_at' - 'updated_at') then
    raise exception 'person_restricted' using errcode = 'SR001';
  end if;
  return new;
end
$$;
create trigger persons_restriction_guard before update on persons for each row
  execute function app.persons_restriction_guard();

-- Rows about a person: TG_ARGV[0] says how the row names them (its person_id, its pathway, its objective,
-- its placement). Definer: a host writes attendance on a placement whose person it cannot read.
create function app.refuse_restricted() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
declare
  v_row jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  v_person uuid;
begin
  case tg_argv[0]
    when 'person_id' then v_person := (v_row ->> 'person_id')::uuid;
    when 'pathway' then select w.person_id into v_person from pathways w where w.id = (v_row ->> 'pathway_id')::uuid;
    when 'objective' then
      select w.person_id into v_person from pathway_objectives o join pathways w on w.id = o.pathway_id
      where o.id = (v_row ->> 'objective_id')::uuid;
    when 'placement' then
      select p.person_id into v_person from placements p where p.id = (v_row ->> 'placement_id')::uuid;
    else raise exception 'refuse_restricted: unknown link %', tg_argv[0];
  end case;
  if v_person is not null and app.person_restricted(v_person) then
    raise exception 'person_restricted' using errcode = 'SR001';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke execute on function app.refuse_restricted() from public;

do $$
declare
  r record;
begin
  for r in select * from (values
    ('pathways', 'person_id', 'insert or update or delete'),
    ('pathway_objectives', 'pathway', 'insert or update or delete'),
    ('pathway_actions', 'objective', 'insert or update or delete'),
    ('pathway_notes', 'pathway', 'insert or update or delete'),
    ('pathway_mobility', 'pathway', 'insert or update or delete'),
    ('referrals', 'person_id', 'insert'),
    ('person_grants', 'person_id', 'insert'),
    ('placements', 'person_id', 'insert or update'),
    ('placement_signatures', 'placement', 'insert or update'),
    ('placement_attendance', 'placement', 'insert or update or delete'),
    ('placement_evaluations', 'placement', 'insert or update or delete'),
    ('placement_incidents', 'placement', 'insert or update or delete'),
    ('placement_mobility', 'placement', 'insert or update or delete'),
    ('placement_stays_abroad', 'placement', 'insert or update or delete'),
    ('placement_outcomes', 'placement', 'insert or update'),
    ('newcomer_profiles', 'person_id', 'insert or update or delete'),
    ('newcomer_household_members', 'person_id', 'insert or update or delete'),
    ('newcomer_status_events', 'person_id', 'insert or update or delete'),
    ('newcomer_integration_paths', 'person_id', 'insert or update or delete'),
    ('accompaniment_request_persons', 'person_id', 'insert'),
    ('interpreter_bookings', 'person_id', 'insert'),
    ('outreach_contacts', 'person_id', 'insert or update')) as t(tbl, link, ops)
  loop
    execute format('create trigger %I before %s on %I for each row execute function app.refuse_restricted(%L)',
      r.tbl || '_restricted', r.ops, r.tbl, r.link);
  end loop;
end
$$;

-- How many of the accompaniment team's clinical notes concern a person of the current organisation: an export
-- by the home organisation says they exist (and whom to ask), never what they say.
create function app.clinical_notes_about(p_person uuid) returns integer
  language sql stable security definer set search_path = pg_catalog, public as $$
  select count(*)::int from accompaniment_clinical_notes n
  where n.person_id = p_person and app.is_authenticated()
    and exists (select 1 from persons p where p.id = p_person and p.org_id = app.current_org_id())
$$;
revoke execute on function app.clinical_notes_about(uuid) from public;
grant execute on function app.clinical_notes_about(uuid) to samen_app;
