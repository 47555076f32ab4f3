-- Placement agreements and their follow-up: signatures, attendance, evaluations, incidents, mobility log,
-- stays abroad, outcomes and reminders.
--
-- An agreement belongs to the person's home centre (org_id) and names a host organisation (host_org_id).
-- Both see the agreement and its follow-up; the host never reads the persons table: it sees the person
-- through the grant the agreement creates (source 'placement'), like a referral's. The host may only move
-- the status along its own transitions (guard trigger); everything else stays as the home centre wrote
-- it. Signatures are never deleted: a change of substance raises the agreement's version, and only the
-- signatures of the current version count.

-- A programme may set its own placement duration (SAM Eurométropole: 2 to 6 months).
alter table programmes add column placement_min_months integer not null default 2
  check (placement_min_months between 1 and 24);
alter table programmes add column placement_max_months integer not null default 6
  check (placement_max_months between 1 and 24);
alter table programmes add constraint programmes_placement_months check (placement_max_months >= placement_min_months);

-- ============================================================================ agreements
create table placements (
  id uuid primary key default gen_random_uuid(),
  -- The person's home centre, which drafts and manages the agreement.
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  pathway_id uuid references pathways (id),
  host_org_id uuid not null references organisations (id),
  offer_id uuid references placement_offers (id),
  programme_id uuid references programmes (id),
  status text not null default 'draft' check (status in ('draft', 'awaiting_signatures', 'home_review',
    'host_validation', 'validated', 'active', 'completed', 'interrupted', 'cancelled')),
  site_name text not null check (length(trim(site_name)) between 2 and 200),
  municipality_code text not null references territories (code),
  tasks text check (tasks is null or length(tasks) <= 5000),
  schedule text check (schedule is null or length(schedule) <= 200),
  hours_per_week numeric(4, 1) check (hours_per_week is null or hours_per_week between 1 and 48),
  starts_on date not null,
  ends_on date not null,
  referent_user_id uuid not null references users (id),
  tutor_user_id uuid references users (id),
  -- Who signs for the person: the person, or a legal representative named here.
  signatory text not null default 'person' check (signatory in ('person', 'legal_representative')),
  representative_name text check (representative_name is null or length(trim(representative_name)) between 2 and 200),
  -- The agreement's language (the person's, FR or NL); the host's language is printed alongside.
  language text not null check (language in ('fr', 'nl')),
  accident_insurance_ref text check (accident_insurance_ref is null or length(trim(accident_insurance_ref)) between 2 and 100),
  liability_insurance_ref text check (liability_insurance_ref is null or length(trim(liability_insurance_ref)) between 2 and 100),
  shared_fields text[] not null check (cardinality(shared_fields) > 0 and shared_fields <@ app.shareable_fields()),
  consent_id uuid references consents (id),
  override_reason text check (override_reason is null or length(trim(override_reason)) >= 5),
  -- Raised by every change of substance after the agreement left the draft: older signatures no longer count.
  version integer not null default 1 check (version >= 1),
  -- The last refusal, return, interruption or cancellation reason.
  status_reason text check (status_reason is null or length(status_reason) <= 1000),
  created_by uuid not null references users (id),
  validated_at timestamptz,
  activated_at timestamptz,
  ended_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (host_org_id <> org_id),
  check (ends_on >= starts_on),
  check (consent_id is not null or override_reason is not null),
  check ((signatory = 'legal_representative') = (representative_name is not null))
);
create index placements_org on placements (org_id, status, referent_user_id);
create index placements_host on placements (host_org_id, status);
create index placements_person on placements (person_id);
create index placements_offer on placements (offer_id) where offer_id is not null;
create index placements_programme on placements (programme_id, status);

alter table placements enable row level security;
alter table placements force row level security;
create policy placements_read on placements for select to samen_app
  using (org_id = app.current_org_id() or host_org_id = app.current_org_id() or app.scope() = 'system');
create policy placements_insert on placements for insert to samen_app
  with check (org_id = app.current_org_id()
    and exists (select 1 from persons p where p.id = placements.person_id));
create policy placements_update on placements for update to samen_app
  using (org_id = app.current_org_id() or host_org_id = app.current_org_id())
  with check (org_id = app.current_org_id() or host_org_id = app.current_org_id());
grant select, insert, update on placements to samen_app;
create trigger placements_audit after insert or update or delete on placements
  for each row execute function audit.on_change();

-- The host moves the status (validate, refuse, interrupt) and nothing else.
create function app.placements_guard() returns trigger language plpgsql as $$
begin
  if old.org_id is distinct from app.current_org_id() then
    if (to_jsonb(new) - 'status' - 'status_reason' - 'validated_at' - 'ended_on' - 'updated_at')
        <> (to_jsonb(old) - 'status' - 'status_reason' - 'validated_at' - 'ended_on' - 'updated_at')
      or not ((old.status = 'host_validation' and new.status in ('validated', 'draft'))
        or (old.status = 'active' and new.status = 'interrupted')
        or new.status = old.status) then
      raise exception 'the host may only validate, refuse or interrupt an agreement' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;
create trigger placements_guard before update on placements for each row execute function app.placements_guard();

-- When an agreement ends (completed, interrupted, cancelled), the host's access to the person ends with it.
create function app.placements_end_grant() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
begin
  if new.status in ('completed', 'interrupted', 'cancelled') and old.status is distinct from new.status then
    update person_grants set revoked_at = now(), revoked_reason = 'placement_' || new.status, updated_at = now()
    where source = 'placement' and source_id = new.id and revoked_at is null;
  end if;
  return null;
end
$$;
create trigger placements_end_grant after update on placements for each row execute function app.placements_end_grant();

-- Positions of an offer taken by agreements on their way or running (drafts and ended ones take none).
-- Counted across organisations, without revealing which agreements: the offer's catalogue needs it.
create function app.offer_occupied(p_offer uuid) returns integer
  language sql stable security definer set search_path = pg_catalog, public as $$
  select count(*)::int from placements
  where offer_id = p_offer and app.is_authenticated()
    and status in ('awaiting_signatures', 'home_review', 'host_validation', 'validated', 'active')
$$;
grant execute on function app.offer_occupied(uuid) to samen_app;

-- ============================================================================ signatures
create table placement_signatures (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  host_org_id uuid not null references organisations (id),
  placement_id uuid not null references placements (id),
  -- The agreement's version this signature is for.
  version integer not null,
  role text not null check (role in ('person', 'home_referent', 'host_representative')),
  signer_name text not null check (length(trim(signer_name)) between 2 and 200),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  -- Single-use link: only the hash is kept; cleared once used.
  token_hash bytea unique,
  token_expires_at timestamptz,
  requested_by uuid not null references users (id),
  requested_at timestamptz not null default now(),
  reminded_at timestamptz,
  method text check (method in ('link', 'in_person')),
  signed_at timestamptz,
  -- For a signature taken in person: the staff member who witnessed it.
  recorded_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (placement_id, version, role),
  check ((signed_at is null) = (method is null)),
  check (method is distinct from 'in_person' or recorded_by is not null)
);
create index placement_signatures_pending on placement_signatures (requested_at) where signed_at is null;

alter table placement_signatures enable row level security;
alter table placement_signatures force row level security;
create policy placement_signatures_parties on placement_signatures for all to samen_app
  using (org_id = app.current_org_id() or host_org_id = app.current_org_id() or app.scope() = 'system')
  with check ((org_id = app.current_org_id() or host_org_id = app.current_org_id() or app.scope() = 'system')
    and exists (select 1 from placements p where p.id = placement_signatures.placement_id
      and p.org_id = placement_signatures.org_id and p.host_org_id = placement_signatures.host_org_id));
grant select, insert, update on placement_signatures to samen_app;
create trigger placement_signatures_audit after insert or update or delete on placement_signatures
  for each row execute function audit.on_change('token_hash');

-- The agreement a signature link opens, for the signer who holds the link (no session): what they sign.
-- NULL when the link is unknown, used, expired or no longer for the agreement's current version.
create function app.signature_by_token(p_token_hash bytea) returns jsonb
  language sql stable security definer set search_path = pg_catalog, public as $$
  select jsonb_build_object('signatureId', s.id, 'placementId', p.id, 'role', s.role,
    'signerName', s.signer_name, 'version', s.version, 'status', p.status, 'language', p.language,
    'personFirstName', pe.first_name, 'personLastName', pe.last_name,
    'homeOrgNameFr', ho.name_fr, 'homeOrgNameNl', ho.name_nl,
    'hostOrgNameFr', hh.name_fr, 'hostOrgNameNl', hh.name_nl, 'hostRegion', hh.region,
    'siteName', p.site_name, 'municipalityCode', p.municipality_code, 'tasks', p.tasks,
    'schedule', p.schedule, 'hoursPerWeek', p.hours_per_week, 'startsOn', p.starts_on, 'endsOn', p.ends_on)
  from placement_signatures s
  join placements p on p.id = s.placement_id
  join persons pe on pe.id = p.person_id
  join organisations ho on ho.id = p.org_id
  join organisations hh on hh.id = p.host_org_id
  where s.token_hash = p_token_hash and s.signed_at is null and s.token_expires_at > now()
    and s.version = p.version and p.status = 'awaiting_signatures'
$$;

-- Signs through the link: single use, and only while the agreement still awaits this version's signatures.
create function app.sign_by_token(p_token_hash bytea) returns uuid
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_id uuid;
begin
  update placement_signatures s set signed_at = now(), method = 'link', token_hash = null, updated_at = now()
  from placements p
  where s.token_hash = p_token_hash and s.signed_at is null and s.token_expires_at > now()
    and p.id = s.placement_id and s.version = p.version and p.status = 'awaiting_signatures'
  returning s.placement_id into v_id;
  return v_id;
end
$$;
grant execute on function app.signature_by_token(bytea), app.sign_by_token(bytea) to samen_app;

-- ============================================================================ follow-up
-- Every follow-up row carries both organisations so that RLS needs no join; the check ties them to the
-- agreement's.
create table placement_attendance (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  host_org_id uuid not null references organisations (id),
  placement_id uuid not null references placements (id),
  day date not null,
  planned_hours numeric(4, 1) not null default 0 check (planned_hours between 0 and 24),
  status text not null check (status in ('present', 'justified_absence', 'unjustified_absence', 'not_planned')),
  hours numeric(4, 1) check (hours is null or hours between 0 and 24),
  note text check (note is null or length(note) <= 500),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (placement_id, day)
);

create table placement_evaluations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  host_org_id uuid not null references organisations (id),
  placement_id uuid not null references placements (id),
  kind text not null check (kind in ('mid_term', 'final')),
  held_on date not null,
  -- Scores 1 (insufficient) to 4 (very good) on: tasks, skills, soft_skills, punctuality, language.
  scores jsonb not null check (jsonb_typeof(scores) = 'object'),
  person_present boolean not null default true,
  referent_present boolean not null default true,
  tutor_present boolean not null default true,
  strengths text check (strengths is null or length(strengths) <= 3000),
  improvements text check (improvements is null or length(improvements) <= 3000),
  next_steps text check (next_steps is null or length(next_steps) <= 3000),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (placement_id, kind)
);

create table placement_incidents (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  host_org_id uuid not null references organisations (id),
  placement_id uuid not null references placements (id),
  occurred_on date not null,
  kind text not null check (kind in ('work_accident', 'commuting_accident', 'behaviour', 'conflict',
    'health', 'damage', 'other')),
  description text not null check (length(trim(description)) between 5 and 3000),
  action_taken text check (action_taken is null or length(action_taken) <= 3000),
  reported_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table placement_mobility (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  host_org_id uuid not null references organisations (id),
  placement_id uuid not null references placements (id),
  travelled_on date not null,
  mode text not null check (mode in ('walk', 'bike', 'bus', 'tram', 'train', 'car', 'carpool', 'shuttle', 'other')),
  door_to_door_minutes integer check (door_to_door_minutes is null or door_to_door_minutes between 1 and 600),
  cost_refunded_cents integer check (cost_refunded_cents is null or cost_refunded_cents between 0 and 100000000),
  travels_alone boolean not null default false,
  first_autonomous_crossing boolean not null default false,
  note text check (note is null or length(note) <= 500),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Nights spent abroad during the placement (daily commuting is not a stay): feeds the RIS/leefloon alert.
create table placement_stays_abroad (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  host_org_id uuid not null references organisations (id),
  placement_id uuid not null references placements (id),
  starts_on date not null,
  ends_on date not null,
  reason text check (reason is null or length(reason) <= 500),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);

do $$
declare
  t text;
begin
  foreach t in array array['placement_attendance', 'placement_evaluations', 'placement_incidents',
    'placement_mobility', 'placement_stays_abroad'] loop
    execute format('create index %I on %I (placement_id)', t || '_placement', t);
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format($p$create policy %I on %I for all to samen_app
      using (org_id = app.current_org_id() or host_org_id = app.current_org_id() or app.scope() = 'system')
      with check ((org_id = app.current_org_id() or host_org_id = app.current_org_id())
        and exists (select 1 from placements p where p.id = %I.placement_id and p.org_id = %I.org_id
          and p.host_org_id = %I.host_org_id))$p$, t || '_parties', t, t, t, t);
    execute format('grant select, insert, update, delete on %I to samen_app', t);
    execute format('create trigger %I after insert or update or delete on %I
      for each row execute function audit.on_change()', t || '_audit', t);
  end loop;
end
$$;

-- Outcomes concern the person's life after the placement: the home centre only.
create table placement_outcomes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  placement_id uuid not null references placements (id),
  kind text not null check (kind in ('exit', 'six_months')),
  observed_on date not null,
  situation text not null check (situation in ('job', 'training', 'art60_aci', 'continued_activation',
    'no_change', 'drop_out')),
  contract_type text check (contract_type is null or contract_type in ('permanent', 'fixed_term', 'temporary',
    'subsidised', 'self_employed', 'other')),
  drop_out_reason text check (drop_out_reason is null or length(trim(drop_out_reason)) between 2 and 1000),
  note text check (note is null or length(note) <= 2000),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (placement_id, kind),
  check ((situation = 'job') = (contract_type is not null)),
  check ((situation = 'drop_out') = (drop_out_reason is not null))
);
create index placement_outcomes_placement on placement_outcomes (placement_id);
alter table placement_outcomes enable row level security;
alter table placement_outcomes force row level security;
create policy placement_outcomes_home on placement_outcomes for all to samen_app
  using (org_id = app.current_org_id() or app.scope() = 'system')
  with check (org_id = app.current_org_id()
    and exists (select 1 from placements p where p.id = placement_outcomes.placement_id
      and p.org_id = placement_outcomes.org_id));
grant select, insert, update on placement_outcomes to samen_app;
create trigger placement_outcomes_audit after insert or update or delete on placement_outcomes
  for each row execute function audit.on_change();

-- ============================================================================ reminders
-- One row per reminder sent, so that the scheduled job never sends the same one twice.
create table placement_reminders (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  placement_id uuid not null references placements (id),
  kind text not null check (kind in ('mid_term_evaluation', 'final_evaluation', 'end', 'exit_outcome',
    'six_month_outcome', 'pending_signature')),
  -- What the reminder is about: the due date, or the signature reminded.
  subject_key text not null check (length(subject_key) between 1 and 100),
  sent_at timestamptz not null default now(),
  unique (placement_id, kind, subject_key)
);
alter table placement_reminders enable row level security;
alter table placement_reminders force row level security;
create policy placement_reminders_home on placement_reminders for all to samen_app
  using (org_id = app.current_org_id() or app.scope() = 'system')
  with check (org_id = app.current_org_id() or app.scope() = 'system');
grant select, insert on placement_reminders to samen_app;
