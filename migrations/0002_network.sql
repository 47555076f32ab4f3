-- The partner network: territories (municipalities), programmes with their partners, and the public
-- directory of cross-border services. Organisations are platform tables (0001).

-- ============================================================================ territories
-- Reference data shared by the whole network (not tenant-owned): readable by everyone, including
-- anonymous directory visitors; written only by platform admins through the import. An import is audited
-- as one entry (counts and file), not row by row.
create table territories (
  code text primary key check (code ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$'),
  country text not null check (country in ('FR', 'BE')),
  local_code text not null,
  name_fr text not null check (length(trim(name_fr)) > 0),
  name_nl text not null check (length(trim(name_nl)) > 0),
  parent_code text,
  region text check (region in ('FR-HDF', 'BE-WAL', 'BE-VLG', 'BE-BRU')),
  population integer check (population >= 0),
  centroid_lon double precision check (centroid_lon between -180 and 180),
  centroid_lat double precision check (centroid_lat between -90 and 90),
  label_lon double precision check (label_lon between -180 and 180),
  label_lat double precision check (label_lat between -90 and 90),
  -- 'builtin' for the demo list shipped with the code, else the imported file's name.
  source text not null default 'builtin',
  updated_at timestamptz not null default now(),
  check (code like country || '-%')
);
create index territories_fold_name on territories using gin ((app.fold(name_fr) || ' ' || app.fold(name_nl)) gin_trgm_ops);
create index territories_parent on territories (parent_code);

-- Boundaries kept apart so that lists and look-ups never read them.
create table territory_geometries (
  code text primary key references territories (code) on delete cascade,
  geometry jsonb not null,
  bbox double precision[] check (bbox is null or cardinality(bbox) = 4)
);

alter table territories enable row level security;
alter table territories force row level security;
create policy territories_read on territories for select to samen_app using (true);
create policy territories_write on territories for all to samen_app
  using (app.is_platform_admin()) with check (app.is_platform_admin());
grant select, insert, update, delete on territories to samen_app;

alter table territory_geometries enable row level security;
alter table territory_geometries force row level security;
create policy territory_geometries_read on territory_geometries for select to samen_app using (true);
create policy territory_geometries_write on territory_geometries for all to samen_app
  using (app.is_platform_admin()) with check (app.is_platform_admin());
grant select, insert, update, delete on territory_geometries to samen_app;

-- ============================================================================ programmes
-- A programme (project) belongs to its lead organisation, which alone (with platform admins) edits it;
-- every signed-in member of the network reads it. Budgets here are the approved totals of the
-- application; budget lines, expenditure and indicators come with the monitoring module.
create table programmes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  acronym text check (acronym is null or length(trim(acronym)) between 1 and 40),
  name_fr text not null check (length(trim(name_fr)) between 2 and 300),
  name_nl text not null check (length(trim(name_nl)) between 2 and 300),
  funding_programme text check (funding_programme is null or length(funding_programme) <= 300),
  funds text[] not null check (cardinality(funds) > 0
    and funds <@ array['erdf', 'amif', 'esf', 'regional', 'national', 'own']),
  starts_on date not null,
  ends_on date not null,
  description_fr text check (description_fr is null or length(description_fr) <= 10000),
  description_nl text check (description_nl is null or length(description_nl) <= 10000),
  budget_total numeric(14, 2) check (budget_total >= 0),
  eu_amount numeric(14, 2) check (eu_amount >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on),
  check (eu_amount is null or budget_total is null or eu_amount <= budget_total)
);
create index programmes_org on programmes (org_id);

create table programme_partners (
  programme_id uuid not null references programmes (id) on delete cascade,
  partner_org_id uuid not null references organisations (id),
  -- The owning (lead) organisation of the programme, copied so that RLS and sharding need no join.
  org_id uuid not null references organisations (id),
  role text not null check (role in ('lead', 'partner', 'associated', 'operator', 'cofinancer')),
  budget_total numeric(14, 2) check (budget_total >= 0),
  eu_amount numeric(14, 2) check (eu_amount >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (programme_id, partner_org_id),
  check (eu_amount is null or budget_total is null or eu_amount <= budget_total)
);
create index programme_partners_partner on programme_partners (partner_org_id);
create unique index programme_partners_one_lead on programme_partners (programme_id) where role = 'lead';

alter table programmes enable row level security;
alter table programmes force row level security;
create policy programmes_read on programmes for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy programmes_write on programmes for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check (org_id = app.current_org_id() or app.is_platform_admin());
grant select, insert, update, delete on programmes to samen_app;
create trigger programmes_audit after insert or update or delete on programmes
  for each row execute function audit.on_change();

alter table programme_partners enable row level security;
alter table programme_partners force row level security;
create policy programme_partners_read on programme_partners for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy programme_partners_write on programme_partners for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check ((org_id = app.current_org_id() or app.is_platform_admin())
    and org_id = (select p.org_id from programmes p where p.id = programme_id));
grant select, insert, update, delete on programme_partners to samen_app;
create trigger programme_partners_audit after insert or update or delete on programme_partners
  for each row execute function audit.on_change();

-- ============================================================================ services directory
-- Cross-border services offered by partners. Published services are public (people from the other side
-- of the border search them without an account); drafts are seen only by their organisation.
create table services (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  title_fr text check (title_fr is null or length(trim(title_fr)) between 2 and 200),
  title_nl text check (title_nl is null or length(trim(title_nl)) between 2 and 200),
  description_fr text check (description_fr is null or length(description_fr) <= 5000),
  description_nl text check (description_nl is null or length(description_nl) <= 5000),
  theme text not null check (theme in ('employment', 'social_activation', 'housing', 'debt_budget', 'health',
    'mental_health', 'refugees_migrants', 'mobility', 'food_aid', 'language_courses', 'childcare_family',
    'legal_rights', 'volunteering', 'elderly_disability')),
  target_publics text[] not null default '{all}' check (cardinality(target_publics) > 0
    and target_publics <@ array['all', 'minimum_income', 'jobseekers', 'young_people', 'families', 'elderly',
      'disability', 'refugees_migrants', 'professionals']),
  languages text[] not null check (cardinality(languages) > 0
    and languages <@ array['fr', 'nl', 'en', 'de', 'ar', 'ps', 'fa', 'ti', 'so', 'ru', 'uk', 'tr', 'es']),
  street text check (street is null or length(street) <= 200),
  postal_code text check (postal_code is null or postal_code ~ '^[0-9]{4,5}$'),
  municipality_code text check (municipality_code ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$'),
  -- [{ "day": 1..7 (ISO, Monday = 1), "opens": "09:00", "closes": "12:30" }]
  opening_hours jsonb not null default '[]' check (jsonb_typeof(opening_hours) = 'array'),
  opening_notes text check (opening_notes is null or length(opening_notes) <= 500),
  cross_border_access text not null check (cross_border_access in ('open_to_all', 'residents_both_countries',
    'on_referral', 'residents_only')),
  access_conditions_fr text check (access_conditions_fr is null or length(access_conditions_fr) <= 2000),
  access_conditions_nl text check (access_conditions_nl is null or length(access_conditions_nl) <= 2000),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or length(phone) <= 40),
  website text check (website is null or website ~ '^https?://'),
  published boolean not null default false,
  -- Accent-folded search vectors, one per language; a missing translation falls back to the other one.
  search_fr tsvector generated always as (
    setweight(to_tsvector('french', app.fold(coalesce(title_fr, title_nl))), 'A') ||
    setweight(to_tsvector('french', app.fold(coalesce(description_fr, description_nl))), 'B')) stored,
  search_nl tsvector generated always as (
    setweight(to_tsvector('dutch', app.fold(coalesce(title_nl, title_fr))), 'A') ||
    setweight(to_tsvector('dutch', app.fold(coalesce(description_nl, description_fr))), 'B')) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (title_fr is not null or title_nl is not null)
);
create index services_org on services (org_id);
create index services_search_fr on services using gin (search_fr);
create index services_search_nl on services using gin (search_nl);
create index services_public on services (theme, municipality_code) where published;

alter table services enable row level security;
alter table services force row level security;
create policy services_read on services for select to samen_app
  using (published or org_id = app.current_org_id() or app.is_platform_admin() or app.scope() = 'system');
create policy services_write on services for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check (org_id = app.current_org_id() or app.is_platform_admin());
grant select, insert, update, delete on services to samen_app;
create trigger services_audit after insert or update or delete on services
  for each row execute function audit.on_change('-search_fr', '-search_nl');
