-- Teams and services inside organisations, and the immersion offers they publish (issue 11, Action 2).
--
-- A host is often a service or team inside a centre (the Service Action Migrants inside CPAS Charleroi),
-- and accompaniment's mobile teams will be units too. A unit's name is reference data, like the
-- organisation's: every signed-in organisation reads it. Who belongs to a unit is the organisation's own
-- business: only its members (and the platform administrator) read it.
--
-- An immersion offer is published by a unit for professionals of partner centres: themes, texts in French
-- and Dutch, languages spoken, what the visitor will see, the kinds of immersion it takes, its capacity per
-- period and the periods it is available. Drafts and archived offers stay inside the host organisation;
-- a published offer is read by every signed-in organisation. The contact is what the host chooses to
-- publish (a name, an address, a phone), never read from its staff's accounts.

-- ============================================================================ units
create table org_units (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id) on delete cascade,
  kind text not null check (kind in ('service', 'team', 'mobile_team')),
  name_fr text check (name_fr is null or length(trim(name_fr)) between 2 and 200),
  name_nl text check (name_nl is null or length(trim(name_nl)) between 2 and 200),
  -- The unit's own abbreviation, never shown alone where it could be mistaken for another body (the
  -- Service Action Migrants' "SAM" is not SAM Eurométropole).
  short_name text check (short_name is null or length(trim(short_name)) between 1 and 40),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or length(phone) <= 40),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (name_fr is not null or name_nl is not null),
  unique (id, org_id)
);
create index org_units_org on org_units (org_id) where archived_at is null;
create unique index org_units_name_fr on org_units (org_id, lower(name_fr)) where archived_at is null;
create unique index org_units_name_nl on org_units (org_id, lower(name_nl)) where archived_at is null;

create policy org_units_read on org_units for select to samen_app
  using ((select app.current_org_id()) is not null or (select app.is_platform_admin()) or app.scope() = 'system');
create policy org_units_write on org_units for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('org_units');
grant select, insert, update, delete on org_units to samen_app;
create trigger org_units_audit after insert or update or delete on org_units
  for each row execute function audit.on_change();

-- The staff of a unit: members of the unit's organisation (checked by the guard), leads or members.
create table org_unit_members (
  unit_id uuid not null,
  org_id uuid not null,
  user_id uuid not null references users (id) on delete cascade,
  role text not null default 'member' check (role in ('lead', 'member')),
  created_at timestamptz not null default now(),
  primary key (unit_id, user_id),
  foreign key (unit_id, org_id) references org_units (id, org_id) on delete cascade
);
create index org_unit_members_user on org_unit_members (user_id);

create function app.org_unit_member_guard() returns trigger language plpgsql
  security definer set search_path = pg_catalog, public as $$
begin
  if not exists (select 1 from memberships m where m.org_id = new.org_id and m.user_id = new.user_id
      and m.active and m.accepted_at is not null) then
    raise exception 'org unit member: not an active member of the organisation' using errcode = '23514';
  end if;
  return new;
end $$;
create trigger org_unit_members_guard before insert or update on org_unit_members
  for each row execute function app.org_unit_member_guard();

create policy org_unit_members_read on org_unit_members for select to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()) or app.scope() = 'system');
create policy org_unit_members_write on org_unit_members for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('org_unit_members');
grant select, insert, update, delete on org_unit_members to samen_app;
create trigger org_unit_members_audit after insert or update or delete on org_unit_members
  for each row execute function audit.on_change();

-- ============================================================================ immersion offers
create table immersion_offers (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id) on delete cascade,
  unit_id uuid not null,
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  themes text[] not null check (cardinality(themes) between 1 and 5 and themes <@ array[
    'migrant_activation', 'socio_professional_insertion', 'social_activation', 'debt_mediation', 'youth',
    'domiciliation', 'housing', 'interpreting', 'volunteering', 'elderly', 'health', 'reception']::text[]),
  title_fr text check (title_fr is null or length(trim(title_fr)) between 3 and 200),
  title_nl text check (title_nl is null or length(trim(title_nl)) between 3 and 200),
  description_fr text check (description_fr is null or length(description_fr) <= 4000),
  description_nl text check (description_nl is null or length(description_nl) <= 4000),
  -- What the visitor will see (activities, meetings, interviews observed).
  programme_fr text check (programme_fr is null or length(programme_fr) <= 4000),
  programme_nl text check (programme_nl is null or length(programme_nl) <= 4000),
  -- Languages the host team speaks with a visitor, ISO 639-1.
  languages text[] not null check (cardinality(languages) between 1 and 6
    and array_to_string(languages, ',') ~ '^[a-z]{2}(,[a-z]{2})*$'),
  kinds text[] not null check (cardinality(kinds) between 1 and 3
    and kinds <@ array['shadowing', 'short', 'long']::text[]),
  -- Visitors taken at the same time within one period, unless the period says otherwise.
  capacity_per_period integer not null default 1 check (capacity_per_period between 1 and 50),
  contact_name text check (contact_name is null or length(trim(contact_name)) between 2 and 120),
  contact_email text check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  contact_phone text check (contact_phone is null or length(contact_phone) <= 40),
  -- The programme under which the host offers it (optional; counted there when requested under it).
  programme_id uuid references programmes (id) on delete set null,
  created_by uuid references users (id) on delete set null,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_fr tsvector generated always as (
    setweight(to_tsvector('french', app.fold(coalesce(title_fr, title_nl, ''))), 'A') ||
    setweight(to_tsvector('french', app.fold(coalesce(description_fr, description_nl, '') || ' ' ||
      coalesce(programme_fr, programme_nl, ''))), 'B')) stored,
  search_nl tsvector generated always as (
    setweight(to_tsvector('dutch', app.fold(coalesce(title_nl, title_fr, ''))), 'A') ||
    setweight(to_tsvector('dutch', app.fold(coalesce(description_nl, description_fr, '') || ' ' ||
      coalesce(programme_nl, programme_fr, ''))), 'B')) stored,
  check (title_fr is not null or title_nl is not null),
  -- A published offer says how to reach the host.
  check (status <> 'published' or contact_email is not null or contact_phone is not null),
  unique (id, org_id),
  foreign key (unit_id, org_id) references org_units (id, org_id)
);
create index immersion_offers_org on immersion_offers (org_id, status);
create index immersion_offers_published on immersion_offers using gin (themes) where status = 'published';
create index immersion_offers_search_fr on immersion_offers using gin (search_fr);
create index immersion_offers_search_nl on immersion_offers using gin (search_nl);

create policy immersion_offers_read on immersion_offers for select to samen_app
  using ((status = 'published' and (select app.current_org_id()) is not null)
    or org_id = (select app.current_org_id()) or (select app.is_platform_admin()) or app.scope() = 'system');
create policy immersion_offers_write on immersion_offers for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('immersion_offers');
grant select, insert, update, delete on immersion_offers to samen_app;
create trigger immersion_offers_audit after insert or update or delete on immersion_offers
  for each row execute function audit.on_change('-search_fr', '-search_nl');

-- The periods an offer is available, each with its capacity (the offer's when not given).
create table immersion_offer_periods (
  id uuid primary key default gen_random_uuid(),
  offer_id uuid not null,
  org_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  capacity integer check (capacity is null or capacity between 1 and 50),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on and ends_on - starts_on <= 400),
  foreign key (offer_id, org_id) references immersion_offers (id, org_id) on delete cascade
);
create index immersion_offer_periods_offer on immersion_offer_periods (offer_id, starts_on);
create index immersion_offer_periods_dates on immersion_offer_periods (starts_on, ends_on);

-- Read with the offer it belongs to (the subquery is itself under the offers' policy).
create policy immersion_offer_periods_read on immersion_offer_periods for select to samen_app
  using (exists (select 1 from immersion_offers o where o.id = offer_id));
create policy immersion_offer_periods_write on immersion_offer_periods for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('immersion_offer_periods');
grant select, insert, update, delete on immersion_offer_periods to samen_app;
create trigger immersion_offer_periods_audit after insert or update or delete on immersion_offer_periods
  for each row execute function audit.on_change();
