-- AB Réfugiés module 3 (issue 14, module accompaniment, part experimentations): the experimentation each
-- side (France, Wallonia, Flanders) runs within a programme — participants counted, never named — its
-- evaluation, its transfers to the other sides, and the deliverables and communication material of each
-- module (action) of the programme. And, in the forums module, the trainings, network meetings and
-- Mindspring group sessions of modules 1 and 2: a new event kind (group_session), the trainer pair, and the
-- counting rule of the professionals and volunteers trained.
--
-- Reading: every signed-in member of the network (and the system); nothing here names a person. Writing:
-- an experimentation, its partners and its deliverables by the organisation that records them (the lead);
-- a transfer by the organisation taking it up (the origin's lead may propose it).

create table experimentations (
  id uuid primary key default gen_random_uuid(),
  -- The organisation that runs it (the creator's).
  org_id uuid not null references organisations (id),
  programme_id uuid not null references programmes (id),
  -- The programme's module or action it belongs to (AB Réfugiés: M3).
  action_id uuid references programme_actions (id) on delete set null,
  -- The side that runs it: derived from the lead's region by the application when it can.
  side text not null check (side in ('FR', 'WAL', 'VLG')),
  title_fr text not null check (length(trim(title_fr)) between 2 and 200),
  title_nl text not null check (length(trim(title_nl)) between 2 and 200),
  theme text not null check (theme in ('integration_ambassadors', 'collective_actions', 'language_meetups',
    'other')),
  objectives text check (objectives is null or length(objectives) <= 5000),
  starts_on date,
  ends_on date,
  -- Participants counted, not named.
  newcomers integer not null default 0 check (newcomers between 0 and 100000),
  professionals integer not null default 0 check (professionals between 0 and 100000),
  volunteers integer not null default 0 check (volunteers between 0 and 100000),
  status text not null default 'planned'
    check (status in ('planned', 'running', 'evaluated', 'closed', 'abandoned')),
  -- The evaluation.
  findings text check (findings is null or length(trim(findings)) between 2 and 5000),
  what_worked text check (what_worked is null or length(what_worked) <= 5000),
  transfer_conditions text check (transfer_conditions is null or length(transfer_conditions) <= 5000),
  recommend_transfer boolean,
  evaluated_on date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index experimentations_programme on experimentations (programme_id, status);
create index experimentations_org on experimentations (org_id);

create table experimentation_partners (
  experimentation_id uuid not null references experimentations (id) on delete cascade,
  partner_org_id uuid not null references organisations (id),
  -- The lead, copied so that the write policy needs no join.
  org_id uuid not null references organisations (id),
  created_at timestamptz not null default now(),
  primary key (experimentation_id, partner_org_id),
  check (partner_org_id <> org_id)
);
create index experimentation_partners_partner on experimentation_partners (partner_org_id);

create table experimentation_transfers (
  id uuid primary key default gen_random_uuid(),
  experimentation_id uuid not null references experimentations (id),
  -- The organisation taking it up, on another side than the origin's (guard below).
  org_id uuid not null references organisations (id),
  side text not null check (side in ('FR', 'WAL', 'VLG')),
  status text not null default 'proposed'
    check (status in ('proposed', 'adapting', 'running', 'evaluated', 'adopted', 'abandoned')),
  adaptations text check (adaptations is null or length(adaptations) <= 5000),
  starts_on date,
  ends_on date,
  newcomers integer not null default 0 check (newcomers between 0 and 100000),
  professionals integer not null default 0 check (professionals between 0 and 100000),
  volunteers integer not null default 0 check (volunteers between 0 and 100000),
  findings text check (findings is null or length(trim(findings)) between 2 and 5000),
  what_worked text check (what_worked is null or length(what_worked) <= 5000),
  evaluated_on date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index experimentation_transfers_experimentation on experimentation_transfers (experimentation_id);
create index experimentation_transfers_org on experimentation_transfers (org_id);
-- One live transfer per experimentation and taking-up organisation (an abandoned one may be tried again).
create unique index experimentation_transfers_one_live on experimentation_transfers (experimentation_id, org_id)
  where status <> 'abandoned';

create table accompaniment_deliverables (
  id uuid primary key default gen_random_uuid(),
  -- The organisation that produced and recorded it.
  org_id uuid not null references organisations (id),
  programme_id uuid not null references programmes (id),
  action_id uuid not null references programme_actions (id),
  title text not null check (length(trim(title)) between 2 and 200),
  kind text not null check (kind in ('deliverable', 'communication', 'digital_tool', 'training_material')),
  languages text[] not null check (cardinality(languages) between 1 and 4
    and languages <@ array['fr', 'nl', 'en', 'de']),
  link_url text check (link_url is null or (length(link_url) <= 500 and link_url ~ '^https://')),
  issued_on date not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index accompaniment_deliverables_programme on accompaniment_deliverables (programme_id, action_id);

-- ============================================================================ access

-- The current organisation leads the experimentation.
create function app.experimentation_lead(p_experimentation uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.current_org_id() is not null and app.is_authenticated()
    and exists (select 1 from experimentations e
      where e.id = p_experimentation and e.org_id = app.current_org_id())
$$;
revoke execute on function app.experimentation_lead(uuid) from public;
grant execute on function app.experimentation_lead(uuid) to samen_app;

create policy experimentations_read on experimentations for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy experimentations_write on experimentations for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
select app.secure_table('experimentations');
grant select, insert, update, delete on experimentations to samen_app;
create trigger experimentations_audit after insert or update or delete on experimentations
  for each row execute function audit.on_change();

create policy experimentation_partners_read on experimentation_partners for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy experimentation_partners_write on experimentation_partners for all to samen_app
  using ((select app.scope()) = 'system' or app.experimentation_lead(experimentation_id))
  with check ((select app.scope()) = 'system'
    or (app.experimentation_lead(experimentation_id) and org_id = (select app.current_org_id())));
select app.secure_table('experimentation_partners');
grant select, insert, delete on experimentation_partners to samen_app;
create trigger experimentation_partners_audit after insert or update or delete on experimentation_partners
  for each row execute function audit.on_change();

create policy experimentation_transfers_read on experimentation_transfers for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
-- The taking-up organisation records it, or the origin's lead proposes it to that organisation.
create policy experimentation_transfers_insert on experimentation_transfers for insert to samen_app
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and (org_id = (select app.current_org_id())
      or app.experimentation_lead(experimentation_id))));
-- Then it is the taking-up organisation's alone.
create policy experimentation_transfers_update on experimentation_transfers for update to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
create policy experimentation_transfers_delete on experimentation_transfers for delete to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
select app.secure_table('experimentation_transfers');
grant select, insert, update, delete on experimentation_transfers to samen_app;
create trigger experimentation_transfers_audit after insert or update or delete on experimentation_transfers
  for each row execute function audit.on_change();

create policy accompaniment_deliverables_read on accompaniment_deliverables for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy accompaniment_deliverables_write on accompaniment_deliverables for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
select app.secure_table('accompaniment_deliverables');
grant select, insert, update, delete on accompaniment_deliverables to samen_app;
create trigger accompaniment_deliverables_audit after insert or update or delete on accompaniment_deliverables
  for each row execute function audit.on_change();

-- ============================================================================ rules

-- The workflow (src/common/accompaniment/experimentations-workflow.ts, tested against moves('lead')):
-- created planned; planned → running → evaluated → closed, abandoned while planned or running. Evaluated
-- only with findings recorded. Running sets starts_on, evaluated evaluated_on, closed and abandoned ends_on
-- (unless given). The lead, the programme, the side and the creation are fixed.
create function app.experimentations_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status <> 'planned' then
      raise exception 'experimentation: created as planned' using errcode = '23514';
    end if;
  else
    if (new.org_id, new.programme_id, new.side, new.created_at)
        is distinct from (old.org_id, old.programme_id, old.side, old.created_at) then
      raise exception 'experimentation: lead, programme, side and creation are fixed' using errcode = '23514';
    end if;
    if new.status is distinct from old.status then
      if (old.status, new.status) not in (('planned', 'running'), ('running', 'evaluated'),
          ('evaluated', 'closed'), ('planned', 'abandoned'), ('running', 'abandoned')) then
        raise exception 'experimentation: % to % is not a move of the workflow', old.status, new.status
          using errcode = '23514';
      end if;
      if new.status = 'running' and new.starts_on is null then
        new.starts_on := app.today();
      end if;
      if new.status = 'evaluated' then
        if new.findings is null then
          raise exception 'experimentation: evaluated only with its findings' using errcode = '23514';
        end if;
        new.evaluated_on := coalesce(new.evaluated_on, app.today());
      end if;
      if new.status in ('closed', 'abandoned') and new.ends_on is null then
        new.ends_on := greatest(app.today(), new.starts_on);
      end if;
    end if;
    new.updated_at := now();
  end if;
  return new;
end $$;
create trigger experimentations_guard before insert or update on experimentations
  for each row execute function app.experimentations_guard();

-- The origin of a transfer, whatever the caller's policies: its side, its lead and its status.
create function app.experimentation_origin(p_experimentation uuid)
  returns table (side text, org_id uuid, status text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select e.side, e.org_id, e.status from experimentations e where e.id = p_experimentation
$$;
revoke execute on function app.experimentation_origin(uuid) from public;
grant execute on function app.experimentation_origin(uuid) to samen_app;

-- A transfer (src/common/accompaniment/experimentations-workflow.ts, transferWorkflow.moves('taker')):
-- of an evaluated (or closed) experimentation, to ANOTHER side than the origin's, by another organisation;
-- created proposed; proposed → adapting → running → evaluated → adopted, abandoned until adopted; evaluated
-- only with findings. The experimentation, the organisation, the side and the creation are fixed.
create function app.experimentation_transfers_guard() returns trigger language plpgsql as $$
declare
  o record;
begin
  if tg_op = 'INSERT' then
    select * into o from app.experimentation_origin(new.experimentation_id);
    if new.status <> 'proposed' then
      raise exception 'experimentation transfer: created as proposed' using errcode = '23514';
    end if;
    if o.status not in ('evaluated', 'closed') then
      raise exception 'transfer_not_evaluated: only an evaluated experimentation is transferred'
        using errcode = '23514';
    end if;
    if new.side = o.side then
      raise exception 'transfer_same_side: a transfer goes to another side than the origin'
        using errcode = '23514';
    end if;
    if new.org_id = o.org_id then
      raise exception 'transfer_same_org: the lead does not take up its own experimentation'
        using errcode = '23514';
    end if;
  else
    if (new.experimentation_id, new.org_id, new.side, new.created_at)
        is distinct from (old.experimentation_id, old.org_id, old.side, old.created_at) then
      raise exception 'experimentation transfer: experimentation, organisation, side and creation are fixed'
        using errcode = '23514';
    end if;
    if new.status is distinct from old.status then
      if (old.status, new.status) not in (('proposed', 'adapting'), ('adapting', 'running'),
          ('running', 'evaluated'), ('evaluated', 'adopted'), ('proposed', 'abandoned'),
          ('adapting', 'abandoned'), ('running', 'abandoned'), ('evaluated', 'abandoned')) then
        raise exception 'experimentation transfer: % to % is not a move of the workflow', old.status, new.status
          using errcode = '23514';
      end if;
      if new.status = 'running' and new.starts_on is null then
        new.starts_on := app.today();
      end if;
      if new.status = 'evaluated' then
        if new.findings is null then
          raise exception 'experimentation transfer: evaluated only with its findings' using errcode = '23514';
        end if;
        new.evaluated_on := coalesce(new.evaluated_on, app.today());
      end if;
      if new.status = 'abandoned' and new.ends_on is null then
        new.ends_on := greatest(app.today(), new.starts_on);
      end if;
    end if;
    new.updated_at := now();
  end if;
  return new;
end $$;
create trigger experimentation_transfers_guard before insert or update on experimentation_transfers
  for each row execute function app.experimentation_transfers_guard();

-- The practice library: a sheet may be drawn from an experimentation or from one of its transfers (the
-- source id says which; both are uuids of this part).
alter table practice_sheets drop constraint practice_sheets_source_kind_check;
alter table practice_sheets add constraint practice_sheets_source_kind_check
  check (source_kind in ('direct', 'immersion_report', 'formative_project', 'experimentation'));

-- ============================================================================ indicators
-- RCO84, pilot actions developed jointly and implemented: the programme's experimentations, led by a
-- member, with at least one partner organisation, that ran (running, evaluated or closed) in the period
-- (started on or before its end, not ended before its start). One row per experimentation; no person.
-- Mirrored by countsAsRun in src/common/accompaniment/experimentations-rules.ts.
create function app.ind_experimentations_run_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select e.title_fr, null::uuid, e.org_id, e.starts_on, e.ends_on, e.side || ' · ' || e.status
  from experimentations e
  where e.programme_id = p_programme and e.status in ('running', 'evaluated', 'closed')
    and e.starts_on is not null and e.starts_on <= p_to and (e.ends_on is null or e.ends_on >= p_from)
    and exists (select 1 from experimentation_partners p where p.experimentation_id = e.id)
    and e.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
$$;
create function app.ind_experimentations_run_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(*)::int
  from app.ind_experimentations_run_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_experimentations_run_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_experimentations_run_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
$$;

-- RCO116 / RCR104, solutions taken up: the transfers of the programme's experimentations (led by a member)
-- that run, were evaluated or were adopted in the period (started on or before its end, not ended before
-- its start). One row per transfer, with the taking-up organisation as the partner. Mirrored by
-- countsAsTransferred in src/common/accompaniment/experimentations-rules.ts.
create function app.ind_experimentations_transferred_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select e.title_fr, null::uuid, t.org_id, t.starts_on, t.ends_on,
    e.side || ' → ' || t.side || ' · ' || t.status
  from experimentation_transfers t join experimentations e on e.id = t.experimentation_id
  where e.programme_id = p_programme and t.status in ('running', 'evaluated', 'adopted')
    and t.starts_on is not null and t.starts_on <= p_to and (t.ends_on is null or t.ends_on >= p_from)
    and e.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
$$;
create function app.ind_experimentations_transferred_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(*)::int
  from app.ind_experimentations_transferred_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_experimentations_transferred_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_experimentations_transferred_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
$$;
revoke execute on function app.ind_experimentations_run_all(uuid, date, date),
  app.ind_experimentations_run_count(uuid, date, date),
  app.ind_experimentations_run_records(uuid, date, date),
  app.ind_experimentations_transferred_all(uuid, date, date),
  app.ind_experimentations_transferred_count(uuid, date, date),
  app.ind_experimentations_transferred_records(uuid, date, date) from public;
grant execute on function app.ind_experimentations_run_count(uuid, date, date),
  app.ind_experimentations_run_records(uuid, date, date),
  app.ind_experimentations_transferred_count(uuid, date, date),
  app.ind_experimentations_transferred_records(uuid, date, date) to samen_app;

-- ============================================================================ forums: trainings
-- Mindspring group sessions (module 2) next to trainings and network meetings (module 1), and the pair of
-- trainers who lead them (names; a trainer with an account may be linked to it).
alter table forum_events drop constraint forum_events_kind_check;
alter table forum_events add constraint forum_events_kind_check
  check (kind in ('thematic_forum', 'awareness_session', 'information_session', 'training', 'network_meeting',
    'group_session'));
alter table forum_events
  add column trainer_1_name text check (trainer_1_name is null or length(trim(trainer_1_name)) between 2 and 200),
  add column trainer_1_user_id uuid references users (id),
  add column trainer_2_name text check (trainer_2_name is null or length(trim(trainer_2_name)) between 2 and 200),
  add column trainer_2_user_id uuid references users (id);
alter table forum_events add constraint forum_events_trainers_check check (
  (trainer_1_user_id is null or trainer_1_name is not null)
  and (trainer_2_user_id is null or trainer_2_name is not null)
  and (trainer_2_name is null or trainer_1_name is not null)
  and ((trainer_1_name is null and trainer_2_name is null)
    or kind in ('training', 'network_meeting', 'group_session')));

-- Professionals and volunteers trained: the attendance (registrations marked present, participant codes,
-- counted participants) at the programme's published trainings, network meetings and group sessions for
-- professionals or volunteers, held in the period, organised by a member. As participations (one person at
-- three sessions is three) or as unique persons (an e-mail across organisers, a code within its
-- organiser, a count row's first-timers). Mirrored by trainedCount in src/common/forums/trained-rules.ts.
create function app.ind_forum_trained_all(p_programme uuid, p_from date, p_to date)
  returns table (person_key text, partner_org_id uuid, held_on date, participations integer,
    first_time integer, title text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with ev as (
    select e.id, e.org_id, e.title_fr, (e.starts_at at time zone 'Europe/Brussels')::date as day
    from forum_events e
    where e.programme_id = p_programme and e.status = 'published'
      and e.kind in ('training', 'network_meeting', 'group_session')
      and e.audiences && array['professionals', 'volunteers']
      and (e.starts_at at time zone 'Europe/Brussels')::date between p_from and p_to
      and e.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
  )
  select 'e:' || lower(trim(r.email)), ev.org_id, ev.day, 1, null::integer, ev.title_fr
  from ev join forum_registrations r on r.event_id = ev.id where r.status = 'attended'
  union all
  select 'c:' || c.org_id || ':' || c.code, ev.org_id, ev.day, 1, null::integer, ev.title_fr
  from ev join forum_attendance_codes c on c.event_id = ev.id
  union all
  select 'n:' || n.id, ev.org_id, ev.day, n.participants, n.first_time, ev.title_fr
  from ev join forum_attendance_counts n on n.event_id = ev.id
$$;
revoke execute on function app.ind_forum_trained_all(uuid, date, date) from public;

create function app.ind_forum_trained_count(p_programme uuid, p_from date, p_to date, p_unique boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id,
    (case when p_unique
      then count(distinct r.person_key) filter (where r.first_time is null) + coalesce(sum(r.first_time), 0)
      else coalesce(sum(r.participations), 0) end)::int
  from app.ind_forum_trained_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;

-- One row per session (participations), or per person and organiser (unique persons: a registrant as
-- "R-" and a hash of the address, never the address; a code as itself) and per count row.
create function app.ind_forum_trained_records(p_programme uuid, p_from date, p_to date, p_unique boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.title, null::uuid, r.partner_org_id, r.held_on, r.held_on, sum(r.participations)::text
  from app.ind_forum_trained_all(p_programme, p_from, p_to) r
  where not p_unique and app.indicator_row_visible(p_programme, r.partner_org_id)
  group by r.title, r.partner_org_id, r.held_on
  union all
  select case when left(r.person_key, 2) = 'e:' then 'R-' || upper(left(md5(r.person_key), 8))
      else split_part(r.person_key, ':', 3) end,
    null::uuid, r.partner_org_id, min(r.held_on), max(r.held_on), count(*)::text || ' ×'
  from app.ind_forum_trained_all(p_programme, p_from, p_to) r
  where p_unique and r.first_time is null and app.indicator_row_visible(p_programme, r.partner_org_id)
  group by r.person_key, r.partner_org_id
  union all
  select r.title, null::uuid, r.partner_org_id, r.held_on, r.held_on, r.first_time::text
  from app.ind_forum_trained_all(p_programme, p_from, p_to) r
  where p_unique and r.first_time is not null and app.indicator_row_visible(p_programme, r.partner_org_id)
$$;
revoke execute on function app.ind_forum_trained_count(uuid, date, date, boolean),
  app.ind_forum_trained_records(uuid, date, date, boolean) from public;
grant execute on function app.ind_forum_trained_count(uuid, date, date, boolean),
  app.ind_forum_trained_records(uuid, date, date, boolean) to samen_app;
