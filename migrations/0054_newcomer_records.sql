-- AB Réfugiés (issue 14): the newcomer record of a person, kept by the person's home organisation alone —
-- a profile (category, arrival, first reception side, housing, the guardian of an unaccompanied minor and
-- the guardian's consent, the psychosocial flag), the household (relations, birth years and whereabouts,
-- no names), the append-only legal status history, the integration path, and the residence-permit expiry
-- reminders sent (each once). The current status and the permit in force are derived by the application
-- (src/common/accompaniment/records-status.ts) and kept on the profile for the sharing door.
--
-- Another organisation sees a newcomer only through app.shared_newcomer(), which answers the legal status
-- summary when the 'legal_status' group is granted and the psychosocial flag when 'psychosocial' is, and
-- audits the read. The psychosocial flag is never a clinical note: "support needed / referred to X".

create table newcomer_profiles (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null unique references persons (id),
  category text not null check (category in ('statutory_refugee', 'subsidiary_protection', 'asylum_seeker',
    'unaccompanied_minor', 'temporary_protection', 'family_reunification', 'other')),
  arrival_on date,
  -- Only the month is known: arrival_on is the month's first day.
  arrival_approximate boolean not null default false,
  first_reception_country text check (first_reception_country in ('FR', 'BE')),
  housing text check (housing in ('reception_centre', 'emergency_shelter', 'social_housing', 'private_rental',
    'hosted', 'street', 'other')),
  -- Derived from the status history by the application on every new event.
  current_status text not null default 'none' check (current_status in ('none', 'asylum_seeker', 'refugee',
    'subsidiary_protection', 'refused', 'appeal_pending', 'temporary_protection', 'citizen')),
  permit_type text check (permit_type in ('receipt', 'temporary', 'multi_year', 'resident', 'other')),
  permit_valid_from date,
  permit_expires_on date,
  -- The guardian of an unaccompanied minor (Service des Tutelles, ASE, Dienst Voogdij…) and their consent.
  guardian_name text check (guardian_name is null or length(trim(guardian_name)) between 1 and 200),
  guardian_organisation text check (guardian_organisation is null or length(guardian_organisation) <= 200),
  guardian_contact text check (guardian_contact is null or length(guardian_contact) <= 200),
  guardian_consent_on date,
  -- The only health fact of the shared record.
  psychosocial_needed boolean not null default false,
  psychosocial_referred_to text check (psychosocial_referred_to is null
    or length(trim(psychosocial_referred_to)) between 1 and 200),
  psychosocial_since date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (permit_expires_on is null or permit_valid_from is null or permit_expires_on >= permit_valid_from),
  check (guardian_consent_on is null or guardian_name is not null),
  check (psychosocial_needed or (psychosocial_referred_to is null and psychosocial_since is null))
);
create index newcomer_profiles_org on newcomer_profiles (org_id, permit_expires_on);

create table newcomer_household_members (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  relation text not null check (relation in ('spouse', 'child', 'parent', 'sibling', 'other')),
  birth_year integer check (birth_year between 1900 and 2100),
  whereabouts text not null check (whereabouts in ('with_person', 'country_of_origin', 'elsewhere',
    'reunification_pending')),
  -- Another person record of the same organisation (checked by the write policy).
  linked_person_id uuid references persons (id),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  check (linked_person_id is null or linked_person_id <> person_id)
);
create index newcomer_household_members_person on newcomer_household_members (person_id, position);

-- Append-only: a status event is never changed nor deleted (no update or delete grant).
create table newcomer_status_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  kind text not null check (kind in ('asylum_requested', 'interview', 'decision', 'appeal_lodged',
    'appeal_decided', 'temporary_protection', 'permit_issued', 'permit_renewed',
    'family_reunification_requested', 'family_reunification_decided', 'nationality_acquired')),
  occurred_on date not null,
  outcome text check (outcome in ('refugee', 'subsidiary_protection', 'refused', 'granted')),
  permit_type text check (permit_type in ('receipt', 'temporary', 'multi_year', 'resident', 'other')),
  valid_from date,
  expires_on date,
  note text check (note is null or length(note) <= 500),
  recorded_by uuid references users (id),
  created_at timestamptz not null default now(),
  check ((kind in ('decision', 'appeal_decided', 'family_reunification_decided')) = (outcome is not null)),
  check ((kind in ('permit_issued', 'permit_renewed')) = (valid_from is not null and expires_on is not null)),
  check (expires_on is null or valid_from is null or expires_on > valid_from)
);
create index newcomer_status_events_person on newcomer_status_events (person_id, occurred_on, created_at);

create table newcomer_integration_paths (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null unique references persons (id),
  scheme text not null check (scheme in ('fr_cir', 'wal_parcours', 'vl_inburgering')),
  status text not null check (status in ('not_started', 'in_progress', 'completed', 'exempted', 'interrupted')),
  started_on date,
  ended_on date,
  provider text check (provider is null or length(trim(provider)) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ended_on is null or started_on is null or ended_on >= started_on)
);

-- A permit's expiry reminder, once per permit and lead (90, 30, 7 days): the unique key makes the job
-- idempotent.
create table newcomer_permit_reminders (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  event_id uuid not null references newcomer_status_events (id),
  lead_days integer not null check (lead_days in (90, 30, 7)),
  expires_on date not null,
  sent_at timestamptz not null default now(),
  unique (event_id, lead_days)
);

-- The home organisation alone (the reminder job reads in system scope); the person, and a linked
-- household member, must be a person the writer sees, i.e. of the same organisation.
do $$
declare t text;
begin
  foreach t in array array['newcomer_profiles', 'newcomer_household_members', 'newcomer_status_events',
    'newcomer_integration_paths', 'newcomer_permit_reminders'] loop
    execute format('create policy %I on %I for all to samen_app
      using (org_id = (select app.current_org_id()) or (select app.scope()) = ''system'')
      with check ((org_id = (select app.current_org_id()) or (select app.scope()) = ''system'')
        and exists (select 1 from persons p where p.id = %I.person_id and p.org_id = %I.org_id))',
      t || '_home', t, t, t);
    perform app.secure_table(t::regclass);
    execute format('create trigger %I after insert or update or delete on %I
      for each row execute function audit.on_change()', t || '_audit', t);
  end loop;
end
$$;
create policy newcomer_household_members_link on newcomer_household_members as restrictive for all to samen_app
  using (true)
  with check (linked_person_id is null or exists (select 1 from persons p where p.id = linked_person_id
    and p.org_id = newcomer_household_members.org_id));
grant select, insert, update on newcomer_profiles, newcomer_integration_paths to samen_app;
grant select, insert, delete on newcomer_household_members to samen_app;
grant select, insert on newcomer_status_events, newcomer_permit_reminders to samen_app;

-- The newcomer facts another organisation may see now: the legal status summary with 'legal_status', the
-- psychosocial flag with 'psychosocial'; NULL when neither is granted. Every answer is an audited read in
-- the home organisation's chain.
create function app.shared_newcomer(p_person uuid) returns jsonb
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_fields text[] := app.granted_fields(p_person);
  n newcomer_profiles;
  i newcomer_integration_paths;
  v jsonb;
  v_groups text[] := '{}';
begin
  if not (('legal_status' = any (v_fields)) or ('psychosocial' = any (v_fields))) then return null; end if;
  select * into n from newcomer_profiles where person_id = p_person;
  if not found then return null; end if;
  v := jsonb_build_object('personId', n.person_id, 'homeOrgId', n.org_id);
  if 'legal_status' = any (v_fields) then
    select * into i from newcomer_integration_paths where person_id = p_person;
    v := v || jsonb_build_object('legalStatus', jsonb_build_object('category', n.category,
      'currentStatus', n.current_status, 'permitExpiresOn', n.permit_expires_on,
      'integrationScheme', i.scheme, 'integrationStatus', i.status));
    v_groups := v_groups || 'legal_status'::text;
  end if;
  if 'psychosocial' = any (v_fields) then
    v := v || jsonb_build_object('psychosocial', jsonb_build_object('needed', n.psychosocial_needed,
      'referredTo', n.psychosocial_referred_to, 'since', n.psychosocial_since));
    v_groups := v_groups || 'psychosocial'::text;
  end if;
  v := v || jsonb_build_object('fields', to_jsonb(v_groups));
  perform audit.append('read', 'newcomer_profiles', p_person::text, n.org_id, null, null,
    jsonb_build_object('what', 'shared_newcomer', 'fields', to_jsonb(v_groups),
      'by_org', app.current_org_id(), 'by_user', app.current_user_id()));
  return v;
end
$$;
revoke all on function app.shared_newcomer(uuid) from public;
grant execute on function app.shared_newcomer(uuid) to samen_app;
