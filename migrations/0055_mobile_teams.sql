-- AB Réfugiés (issue 14, module accompaniment, part teams): the mobile multidisciplinary teams of an
-- operator, their members by profession, the requests partner organisations send them (a household shared
-- through the sharing door, source 'accompaniment_request'), the interventions the team plans and records,
-- and the team's clinical notes (encrypted at field level by the application).
--
-- Reading: the network (every signed-in member) reads the teams; the members' rows only the team's own
-- organisation (others see counts by profession through app.accompaniment_team_professions). A request,
-- its persons and its interventions: the requesting organisation and the team's. Clinical notes: only the
-- clinical roles (psychologist, paramedical) of the team's organisation — checked here against the current
-- user's membership, not only by the application. Writing: the team's organisation manages its teams,
-- decides on requests and records interventions; the requesting organisation creates requests.

-- A request shares a household: one grant per person of the same request. A referral or a placement keeps
-- its one grant per recipient.
alter table person_grants drop constraint person_grants_source_source_id_recipient_org_id_key;
create unique index person_grants_one_per_source on person_grants (source, source_id, recipient_org_id)
  where source in ('referral', 'placement');
create unique index person_grants_one_per_person on person_grants (source, source_id, recipient_org_id, person_id);

create table accompaniment_teams (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  name_fr text not null check (length(trim(name_fr)) between 2 and 200),
  name_nl text not null check (length(trim(name_nl)) between 2 and 200),
  description text check (description is null or length(description) <= 5000),
  languages text[] not null default '{}' check (cardinality(languages) <= 40),
  -- The sides served: Hauts-de-France, Wallonia, Flanders (possibly across the border).
  regions text[] not null check (cardinality(regions) > 0 and regions <@ array['FR-HDF', 'BE-WAL', 'BE-VLG']),
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index accompaniment_teams_org on accompaniment_teams (org_id);

create table accompaniment_team_members (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references accompaniment_teams (id) on delete cascade,
  -- The team's organisation, copied so that the policies need no join.
  org_id uuid not null references organisations (id),
  -- A member with an account (a member of the organisation), or a display name for one without.
  user_id uuid references users (id),
  display_name text check (display_name is null or length(trim(display_name)) between 2 and 200),
  profession text not null check (profession in ('interpreter', 'psychologist', 'paramedical',
    'intercultural_mediator', 'social_worker', 'peer_ambassador')),
  created_at timestamptz not null default now(),
  check (user_id is not null or display_name is not null),
  unique (team_id, user_id, profession)
);
create index accompaniment_team_members_team on accompaniment_team_members (team_id);

create table accompaniment_requests (
  id uuid primary key default gen_random_uuid(),
  -- The requesting (home) organisation.
  org_id uuid not null references organisations (id),
  team_id uuid not null references accompaniment_teams (id),
  team_org_id uuid not null references organisations (id),
  needs text[] not null check (cardinality(needs) > 0 and needs <@ array['psychological', 'paramedical',
    'interpreting', 'mediation', 'social', 'peer_support']),
  urgency text not null default 'normal' check (urgency in ('low', 'normal', 'high')),
  languages text[] not null default '{}' check (cardinality(languages) <= 10),
  fields text[] not null check (cardinality(fields) > 0 and fields <@ app.shareable_fields()),
  message text check (message is null or length(message) <= 5000),
  status text not null default 'sent' check (status in ('sent', 'accepted', 'declined', 'closed')),
  decline_reason text check (decline_reason is null or length(trim(decline_reason)) between 5 and 2000),
  decided_by uuid references users (id),
  decided_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'declined' or decline_reason is not null)
);
create index accompaniment_requests_org on accompaniment_requests (org_id, created_at);
create index accompaniment_requests_team_org on accompaniment_requests (team_org_id, created_at);

create table accompaniment_request_persons (
  request_id uuid not null references accompaniment_requests (id) on delete cascade,
  person_id uuid not null references persons (id),
  org_id uuid not null references organisations (id),
  team_org_id uuid not null references organisations (id),
  primary key (request_id, person_id)
);
create index accompaniment_request_persons_person on accompaniment_request_persons (person_id);

create table accompaniment_interventions (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references accompaniment_requests (id),
  -- The team's organisation.
  org_id uuid not null references organisations (id),
  -- The requesting organisation, copied so that it reads them without a join.
  requester_org_id uuid not null references organisations (id),
  starts_at timestamptz not null,
  duration_minutes integer not null check (duration_minutes between 5 and 1440),
  place text not null check (length(trim(place)) between 2 and 300),
  place_country text not null check (place_country in ('FR', 'BE')),
  kind text not null check (kind in ('consultation', 'home_visit', 'group_session', 'appointment', 'mediation')),
  language text not null check (language ~ '^[a-z]{3}$'),
  person_ids uuid[] not null check (cardinality(person_ids) > 0),
  other_participants integer not null default 0 check (other_participants between 0 and 500),
  member_ids uuid[] not null default '{}',
  status text not null default 'planned' check (status in ('planned', 'done', 'cancelled')),
  outcome text check (outcome is null or length(outcome) <= 5000),
  -- [{"organisation": "…", "reason": "…"}]
  onward_referrals jsonb not null default '[]'
    check (jsonb_typeof(onward_referrals) = 'array' and jsonb_array_length(onward_referrals) <= 20),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index accompaniment_interventions_request on accompaniment_interventions (request_id, starts_at);
create index accompaniment_interventions_org on accompaniment_interventions (org_id, starts_at);

create table accompaniment_clinical_notes (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references accompaniment_requests (id),
  -- The team's organisation.
  org_id uuid not null references organisations (id),
  person_id uuid references persons (id),
  -- AES-256-GCM ciphertext (encryptField), never the text.
  body_enc text not null check (body_enc like 'v1.%'),
  written_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index accompaniment_clinical_notes_request on accompaniment_clinical_notes (request_id, created_at);

-- ============================================================================ access
-- The current user holds a clinical role (psychologist, paramedical) in the current organisation.
create function app.current_user_clinical() returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.is_authenticated() and exists (select 1 from memberships m
    where m.user_id = app.current_user_id() and m.org_id = app.current_org_id() and m.active
      and m.roles && array['psychologist', 'paramedical'])
$$;
-- The persons of a request (definer: used by policies of tables the request's persons table is read from).
create function app.accompaniment_request_person_ids(p_request uuid) returns uuid[]
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce(array_agg(p.person_id), '{}') from accompaniment_request_persons p where p.request_id = p_request
$$;
-- The team's organisation is the current one and the request is accepted (interventions, notes).
create function app.accompaniment_request_open_to_team(p_request uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.is_authenticated() and exists (select 1 from accompaniment_requests r
    where r.id = p_request and r.team_org_id = app.current_org_id() and r.status = 'accepted')
$$;
-- The user is an active member of the organisation (a team member with an account).
create function app.accompaniment_org_member(p_user uuid, p_org uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select exists (select 1 from memberships m where m.user_id = p_user and m.org_id = p_org and m.active)
$$;
-- Counts by profession of every team (what the network sees of the members).
create function app.accompaniment_team_professions()
  returns table (team_id uuid, profession text, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select m.team_id, m.profession, count(*)::int from accompaniment_team_members m
  where app.is_authenticated() or app.scope() = 'system'
  group by m.team_id, m.profession
$$;
revoke execute on function app.current_user_clinical(), app.accompaniment_request_person_ids(uuid),
  app.accompaniment_request_open_to_team(uuid), app.accompaniment_org_member(uuid, uuid),
  app.accompaniment_team_professions() from public;
grant execute on function app.current_user_clinical(), app.accompaniment_request_person_ids(uuid),
  app.accompaniment_request_open_to_team(uuid), app.accompaniment_org_member(uuid, uuid),
  app.accompaniment_team_professions() to samen_app;

create policy accompaniment_teams_read on accompaniment_teams for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy accompaniment_teams_write on accompaniment_teams for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
select app.secure_table('accompaniment_teams');
grant select, insert, update, delete on accompaniment_teams to samen_app;
create trigger accompaniment_teams_audit after insert or update or delete on accompaniment_teams
  for each row execute function audit.on_change();

create policy accompaniment_team_members_own on accompaniment_team_members for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check (((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
    and exists (select 1 from accompaniment_teams t where t.id = team_id and t.org_id = accompaniment_team_members.org_id)
    and (user_id is null or app.accompaniment_org_member(user_id, org_id)));
select app.secure_table('accompaniment_team_members');
grant select, insert, update, delete on accompaniment_team_members to samen_app;
create trigger accompaniment_team_members_audit after insert or update or delete on accompaniment_team_members
  for each row execute function audit.on_change();

create policy accompaniment_requests_read on accompaniment_requests for select to samen_app
  using ((select app.scope()) = 'system' or ((select app.is_authenticated())
    and (org_id = (select app.current_org_id()) or team_org_id = (select app.current_org_id()))));
create policy accompaniment_requests_create on accompaniment_requests for insert to samen_app
  with check ((select app.scope()) = 'system' or ((select app.is_authenticated())
    and org_id = (select app.current_org_id()) and team_org_id <> org_id
    and exists (select 1 from accompaniment_teams t
      where t.id = team_id and t.org_id = accompaniment_requests.team_org_id and t.active)));
-- Only the team's organisation decides (accept, decline, close).
create policy accompaniment_requests_decide on accompaniment_requests for update to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and team_org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and team_org_id = (select app.current_org_id())));
select app.secure_table('accompaniment_requests');
grant select, insert, update on accompaniment_requests to samen_app;
create trigger accompaniment_requests_audit after insert or update or delete on accompaniment_requests
  for each row execute function audit.on_change();

-- A request moves sent → accepted | declined; accepted → closed. Nothing else, whoever writes.
create function app.accompaniment_requests_guard() returns trigger language plpgsql
  set search_path = pg_catalog, public as $$
begin
  if old.status is distinct from new.status and not (
      (old.status = 'sent' and new.status in ('accepted', 'declined'))
      or (old.status = 'accepted' and new.status = 'closed')) then
    raise exception 'accompaniment request: % cannot become %', old.status, new.status using errcode = '23514';
  end if;
  if new.org_id <> old.org_id or new.team_id <> old.team_id or new.team_org_id <> old.team_org_id
      or new.fields <> old.fields or new.created_by <> old.created_by then
    raise exception 'accompaniment request: its parties and fields are fixed' using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger accompaniment_requests_guard before update on accompaniment_requests
  for each row execute function app.accompaniment_requests_guard();

-- When a request is declined or closed, the grants it came with end, whoever changed it.
create function app.accompaniment_requests_end_grant() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
begin
  if new.status in ('declined', 'closed') and old.status is distinct from new.status then
    update person_grants set revoked_at = now(), revoked_reason = 'accompaniment_request_' || new.status,
      updated_at = now()
    where source = 'accompaniment_request' and source_id = new.id and revoked_at is null;
  end if;
  return null;
end
$$;
create trigger accompaniment_requests_end_grant after update on accompaniment_requests
  for each row execute function app.accompaniment_requests_end_grant();

create policy accompaniment_request_persons_read on accompaniment_request_persons for select to samen_app
  using ((select app.scope()) = 'system' or ((select app.is_authenticated())
    and (org_id = (select app.current_org_id()) or team_org_id = (select app.current_org_id()))));
-- The requesting organisation adds persons of its own caseload (persons' RLS: only its own are visible).
create policy accompaniment_request_persons_create on accompaniment_request_persons for insert to samen_app
  with check ((select app.scope()) = 'system' or ((select app.is_authenticated())
    and org_id = (select app.current_org_id())
    and exists (select 1 from persons p where p.id = person_id and p.org_id = accompaniment_request_persons.org_id)
    and exists (select 1 from accompaniment_requests r where r.id = request_id
      and r.org_id = accompaniment_request_persons.org_id and r.team_org_id = accompaniment_request_persons.team_org_id
      and r.status = 'sent')));
select app.secure_table('accompaniment_request_persons');
grant select, insert on accompaniment_request_persons to samen_app;
create trigger accompaniment_request_persons_audit after insert or update or delete on accompaniment_request_persons
  for each row execute function audit.on_change();

create policy accompaniment_interventions_read on accompaniment_interventions for select to samen_app
  using ((select app.scope()) = 'system' or ((select app.is_authenticated())
    and (org_id = (select app.current_org_id()) or requester_org_id = (select app.current_org_id()))));
create policy accompaniment_interventions_write on accompaniment_interventions for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())
      and app.accompaniment_request_open_to_team(request_id)
      and person_ids <@ app.accompaniment_request_person_ids(request_id)
      and exists (select 1 from accompaniment_requests r
        where r.id = request_id and r.org_id = accompaniment_interventions.requester_org_id)));
select app.secure_table('accompaniment_interventions');
grant select, insert, update on accompaniment_interventions to samen_app;
create trigger accompaniment_interventions_audit after insert or update or delete on accompaniment_interventions
  for each row execute function audit.on_change();

-- Clinical notes: the clinical roles of the team's organisation only, for reading as for writing.
create policy accompaniment_clinical_notes_clinical on accompaniment_clinical_notes for all to samen_app
  using ((select app.is_authenticated()) and org_id = (select app.current_org_id())
    and (select app.current_user_clinical()))
  with check ((select app.is_authenticated()) and org_id = (select app.current_org_id())
    and (select app.current_user_clinical()) and written_by = (select app.current_user_id())
    and app.accompaniment_request_open_to_team(request_id)
    and (person_id is null or person_id = any (app.accompaniment_request_person_ids(request_id))));
select app.secure_table('accompaniment_clinical_notes');
grant select, insert on accompaniment_clinical_notes to samen_app;
-- The ciphertext never enters the audit log.
create trigger accompaniment_clinical_notes_audit after insert or update or delete on accompaniment_clinical_notes
  for each row execute function audit.on_change('body_enc');

-- ============================================================================ indicator
-- Interventions across the border: done interventions of a team whose organisation is a member of the
-- programme, held in the period, where the place's country differs from the team organisation's, or a
-- person concerned is followed by an organisation of the other country. One row per intervention (no
-- person); p_unique_persons: one row per person concerned instead (their first such intervention).
create function app.ind_accompaniment_cross_border_all(p_programme uuid, p_from date, p_to date,
    p_unique_persons boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with done as (
    select i.id, i.org_id, i.kind, i.place_country, i.person_ids, (i.starts_at at time zone 'Europe/Brussels')::date as d,
      o.country as team_country
    from accompaniment_interventions i join organisations o on o.id = i.org_id
    where i.status = 'done'
      and (i.starts_at at time zone 'Europe/Brussels')::date between p_from and p_to
      and i.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
      and (i.place_country <> o.country or exists (select 1 from persons p join organisations h on h.id = p.org_id
        where p.id = any (i.person_ids) and h.country <> o.country))
  )
  select d.kind, null::uuid, d.org_id, d.d, d.d, d.team_country || ' → ' || d.place_country
  from done d where not p_unique_persons
  union all
  select u.* from (
    select distinct on (x.pid) 'person'::text, x.pid, d.org_id, d.d, d.d as e,
      d.team_country || ' → ' || d.place_country
    from done d cross join lateral unnest(d.person_ids) as x(pid)
    where p_unique_persons
    order by x.pid, d.d) u
$$;
create function app.ind_accompaniment_cross_border_count(p_programme uuid, p_from date, p_to date,
    p_unique_persons boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(*)::int
  from app.ind_accompaniment_cross_border_all(p_programme, p_from, p_to, p_unique_persons) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_accompaniment_cross_border_records(p_programme uuid, p_from date, p_to date,
    p_unique_persons boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_accompaniment_cross_border_all(p_programme, p_from, p_to, p_unique_persons) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;
revoke execute on function app.ind_accompaniment_cross_border_all(uuid, date, date, boolean),
  app.ind_accompaniment_cross_border_count(uuid, date, date, boolean),
  app.ind_accompaniment_cross_border_records(uuid, date, date, boolean) from public;
grant execute on function app.ind_accompaniment_cross_border_count(uuid, date, date, boolean),
  app.ind_accompaniment_cross_border_records(uuid, date, date, boolean) to samen_app;
