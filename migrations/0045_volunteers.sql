-- The volunteer registry (issue 13, Action 4). A volunteer is no beneficiary: no person record, only what
-- coordinating volunteers needs (contact, languages, skills, availability). A volunteer registers through
-- a public form (pending) or is entered by a coordinator, and is validated by a volunteer coordinator.
--
-- Who sees a volunteer (personal data, least access): its coordinating organisation (the one the volunteer
-- registered with, `org_id`) and the organisations it works with (`volunteer_organisations`); nobody else,
-- never the public (an anonymous visitor may only insert a pending registration, and reads nothing back).
-- The coordinating organisation alone changes the volunteer, its organisations and its benefit
-- declaration; an organisation it works with records its own trainings and assignments.
--
-- The Belgian rule (domain brief §1): a benefit recipient (RIS / leefloon) of a Belgian centre must have
-- declared the volunteering to that centre beforehand; an assignment dated before such an acknowledged
-- declaration is refused (trigger below, same rule as src/common/volunteers/rules.ts). The assigning
-- organisation's liability insurance is recorded and its validity on the day stored with the assignment.

create table volunteers (
  id uuid primary key default gen_random_uuid(),
  -- The coordinating organisation (chosen by the volunteer on the public form).
  org_id uuid not null references organisations (id),
  name text not null check (length(trim(name)) between 2 and 200),
  email text not null check (length(email) between 3 and 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or (length(phone) between 4 and 40 and phone ~ '^[0-9+ ().\-/]+$')),
  languages text[] not null default '{}' check (cardinality(languages) <= 10
    and languages <@ array['fr', 'nl', 'en', 'de', 'ar', 'es', 'it', 'pt', 'pl', 'ro', 'tr', 'uk', 'ru', 'fa',
      'ps', 'ti', 'so', 'vls', 'other']::text[]),
  skills text[] not null default '{}' check (cardinality(skills) <= 20
    and skills <@ array['interpreting', 'accompaniment', 'administrative_help', 'digital_help', 'driving',
      'cooking', 'tutoring', 'language_practice', 'childcare', 'event_support', 'repair', 'listening',
      'other']::text[]),
  availability text check (availability is null or length(availability) <= 1000),
  status text not null default 'pending' check (status in ('pending', 'active', 'inactive')),
  consent_given_at timestamptz not null,
  -- The Belgian centre (CPAS / OCMW) the volunteer receives a benefit from, when so; recorded by the
  -- coordinator, never asked on the public form.
  benefit_centre_org_id uuid references organisations (id),
  validated_by uuid references users (id),
  validated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((validated_by is null) = (validated_at is null)),
  check (status = 'pending' or validated_at is not null)
);
create index volunteers_org on volunteers (org_id, status);

create table volunteer_organisations (
  volunteer_id uuid not null references volunteers (id) on delete cascade,
  org_id uuid not null references organisations (id),
  since date,
  created_at timestamptz not null default now(),
  primary key (volunteer_id, org_id)
);
create index volunteer_organisations_org on volunteer_organisations (org_id);

create table volunteer_trainings (
  id uuid primary key default gen_random_uuid(),
  volunteer_id uuid not null references volunteers (id) on delete cascade,
  -- The recording organisation.
  org_id uuid not null references organisations (id),
  title text not null check (length(trim(title)) between 2 and 200),
  followed_on date not null,
  created_at timestamptz not null default now()
);
create index volunteer_trainings_volunteer on volunteer_trainings (volunteer_id, followed_on);

create table volunteer_benefit_declarations (
  id uuid primary key default gen_random_uuid(),
  volunteer_id uuid not null references volunteers (id) on delete cascade,
  -- The recording organisation (the volunteer's coordinating organisation).
  org_id uuid not null references organisations (id),
  centre_org_id uuid not null references organisations (id),
  declared_on date not null,
  -- Who recorded the centre's acknowledgement of the declaration.
  acknowledged_by uuid not null references users (id),
  acknowledged_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create index volunteer_benefit_declarations_volunteer on volunteer_benefit_declarations (volunteer_id);

create table org_volunteer_insurance (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  insurer text not null check (length(trim(insurer)) between 2 and 200),
  policy_number text not null check (length(trim(policy_number)) between 1 and 100),
  valid_from date not null,
  valid_to date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index org_volunteer_insurance_org on org_volunteer_insurance (org_id, valid_from);

create table volunteer_assignments (
  id uuid primary key default gen_random_uuid(),
  volunteer_id uuid not null references volunteers (id) on delete cascade,
  -- The assigning organisation.
  org_id uuid not null references organisations (id),
  event_id uuid references forum_events (id),
  activity_title text check (activity_title is null or length(trim(activity_title)) between 2 and 200),
  assigned_on date not null,
  hours numeric(6, 2) not null check (hours > 0 and hours <= 1000),
  -- Whether the assigning organisation's liability insurance covered the day (set by the trigger).
  insured boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (event_id is not null or activity_title is not null)
);
create index volunteer_assignments_volunteer on volunteer_assignments (volunteer_id, assigned_on);
create index volunteer_assignments_org on volunteer_assignments (org_id, assigned_on);

-- ============================================================================ access
-- Definer helpers: policies on one table read the others without recursing through their policies.

-- The volunteer's coordinating organisation, or one it works with.
create function app.volunteer_reader(p_volunteer uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.current_org_id() is not null and app.is_authenticated() and (
    exists (select 1 from volunteers v where v.id = p_volunteer and v.org_id = app.current_org_id())
    or exists (select 1 from volunteer_organisations o
      where o.volunteer_id = p_volunteer and o.org_id = app.current_org_id()))
$$;
-- The volunteer's coordinating organisation only.
create function app.volunteer_coordinator(p_volunteer uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.current_org_id() is not null and app.is_authenticated()
    and exists (select 1 from volunteers v where v.id = p_volunteer and v.org_id = app.current_org_id())
$$;
revoke execute on function app.volunteer_reader(uuid), app.volunteer_coordinator(uuid) from public;
grant execute on function app.volunteer_reader(uuid), app.volunteer_coordinator(uuid) to samen_app;

create policy volunteers_read on volunteers for select to samen_app
  using ((select app.scope()) = 'system' or app.volunteer_reader(id));
create policy volunteers_write on volunteers for update to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
create policy volunteers_insert on volunteers for insert to samen_app
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id()))
    -- The public form: a pending, unvalidated registration with no benefit data.
    or ((select app.scope()) = 'public' and status = 'pending' and validated_by is null
      and benefit_centre_org_id is null));
create policy volunteers_delete on volunteers for delete to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
select app.secure_table('volunteers');
grant select, insert, update, delete on volunteers to samen_app;
create trigger volunteers_audit after insert or update or delete on volunteers
  for each row execute function audit.on_change();

create policy volunteer_organisations_read on volunteer_organisations for select to samen_app
  using ((select app.scope()) = 'system' or app.volunteer_reader(volunteer_id));
create policy volunteer_organisations_write on volunteer_organisations for all to samen_app
  using ((select app.scope()) = 'system' or app.volunteer_coordinator(volunteer_id))
  with check ((select app.scope()) = 'system' or app.volunteer_coordinator(volunteer_id));
select app.secure_table('volunteer_organisations');
grant select, insert, update, delete on volunteer_organisations to samen_app;
create trigger volunteer_organisations_audit after insert or update or delete on volunteer_organisations
  for each row execute function audit.on_change();

create policy volunteer_trainings_read on volunteer_trainings for select to samen_app
  using ((select app.scope()) = 'system' or app.volunteer_reader(volunteer_id));
create policy volunteer_trainings_write on volunteer_trainings for all to samen_app
  using ((select app.scope()) = 'system'
    or (org_id = (select app.current_org_id()) and app.volunteer_reader(volunteer_id)))
  with check ((select app.scope()) = 'system'
    or (org_id = (select app.current_org_id()) and app.volunteer_reader(volunteer_id)));
select app.secure_table('volunteer_trainings');
grant select, insert, update, delete on volunteer_trainings to samen_app;
create trigger volunteer_trainings_audit after insert or update or delete on volunteer_trainings
  for each row execute function audit.on_change();

-- The organisations that assign the volunteer must know a declaration exists (the rule refuses them
-- otherwise); only the coordinating organisation records one.
create policy volunteer_benefit_declarations_read on volunteer_benefit_declarations for select to samen_app
  using ((select app.scope()) = 'system' or app.volunteer_reader(volunteer_id));
create policy volunteer_benefit_declarations_write on volunteer_benefit_declarations for all to samen_app
  using ((select app.scope()) = 'system'
    or (org_id = (select app.current_org_id()) and app.volunteer_coordinator(volunteer_id)))
  with check ((select app.scope()) = 'system'
    or (org_id = (select app.current_org_id()) and app.volunteer_coordinator(volunteer_id)));
select app.secure_table('volunteer_benefit_declarations');
grant select, insert, update, delete on volunteer_benefit_declarations to samen_app;
create trigger volunteer_benefit_declarations_audit after insert or update or delete
  on volunteer_benefit_declarations for each row execute function audit.on_change();

-- An organisation's insurance is its own business; assignments carry whether it covered the day.
create policy org_volunteer_insurance_all on org_volunteer_insurance for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
select app.secure_table('org_volunteer_insurance');
grant select, insert, update, delete on org_volunteer_insurance to samen_app;
create trigger org_volunteer_insurance_audit after insert or update or delete on org_volunteer_insurance
  for each row execute function audit.on_change();

-- The coordinating organisation sees every assignment of its volunteer; another sees its own.
create policy volunteer_assignments_read on volunteer_assignments for select to samen_app
  using ((select app.scope()) = 'system'
    or (org_id = (select app.current_org_id()) and (select app.is_authenticated()))
    or app.volunteer_coordinator(volunteer_id));
create policy volunteer_assignments_write on volunteer_assignments for all to samen_app
  using ((select app.scope()) = 'system'
    or (org_id = (select app.current_org_id()) and app.volunteer_reader(volunteer_id)))
  with check ((select app.scope()) = 'system'
    or (org_id = (select app.current_org_id()) and app.volunteer_reader(volunteer_id)));
select app.secure_table('volunteer_assignments');
grant select, insert, update, delete on volunteer_assignments to samen_app;
create trigger volunteer_assignments_audit after insert or update or delete on volunteer_assignments
  for each row execute function audit.on_change();

-- ============================================================================ rules

-- The benefit centre is a Belgian welfare centre (CPAS / OCMW); a declaration is made to that centre.
create function app.volunteers_guard() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
begin
  if new.benefit_centre_org_id is not null and not exists (select 1 from organisations o
      where o.id = new.benefit_centre_org_id and o.country = 'BE' and o.kind in ('cpas', 'ocmw')) then
    raise exception 'a benefit centre is a Belgian CPAS or OCMW' using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger volunteers_guard before insert or update on volunteers
  for each row execute function app.volunteers_guard();

create function app.volunteer_declarations_guard() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
begin
  if not exists (select 1 from organisations o
      where o.id = new.centre_org_id and o.country = 'BE' and o.kind in ('cpas', 'ocmw')) then
    raise exception 'a declaration is made to a Belgian CPAS or OCMW' using errcode = '23514';
  end if;
  return new;
end $$;
create trigger volunteer_declarations_guard before insert or update on volunteer_benefit_declarations
  for each row execute function app.volunteer_declarations_guard();

-- The assignment rule (src/common/volunteers/rules.ts): an active volunteer, working with the assigning
-- organisation (or coordinated by it); a benefit recipient of a Belgian centre only with an acknowledged
-- declaration to that centre dated on or before the day. The insurance flag is computed, never given.
create function app.volunteer_assignments_guard() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
declare
  v volunteers;
begin
  -- A caller who may not see the volunteer learns nothing from this function's messages.
  if coalesce(app.scope(), '') <> 'system' and not app.volunteer_reader(new.volunteer_id) then
    raise exception 'new row violates row-level security policy for table "volunteer_assignments"'
      using errcode = '42501';
  end if;
  select * into v from volunteers where id = new.volunteer_id;
  if v.status is distinct from 'active' then
    raise exception 'volunteer_not_active: only an active volunteer is assigned' using errcode = '23514';
  end if;
  if new.org_id <> v.org_id and not exists (select 1 from volunteer_organisations o
      where o.volunteer_id = v.id and o.org_id = new.org_id) then
    raise exception 'volunteer_not_with_org: the volunteer does not work with this organisation'
      using errcode = '23514';
  end if;
  if v.benefit_centre_org_id is not null and not exists (select 1 from volunteer_benefit_declarations d
      where d.volunteer_id = v.id and d.centre_org_id = v.benefit_centre_org_id
        and d.declared_on <= new.assigned_on and d.acknowledged_by is not null) then
    raise exception 'declaration_missing: a benefit recipient must have declared the volunteering to the centre beforehand'
      using errcode = '23514';
  end if;
  new.insured := exists (select 1 from org_volunteer_insurance i where i.org_id = new.org_id
    and i.valid_from <= new.assigned_on and (i.valid_to is null or i.valid_to >= new.assigned_on));
  return new;
end $$;
create trigger volunteer_assignments_guard before insert or update on volunteer_assignments
  for each row execute function app.volunteer_assignments_guard();
