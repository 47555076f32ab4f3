-- Placement offers published by host organisations, and the cross-border transit lines the ranking uses.
--
-- Offers are visible to every signed-in member of the partner network (referents look for placements on
-- the other side of the border); only the host organisation (or a platform admin) writes them. Transit
-- lines are reference data kept as rows because routes change (De Lijn reshuffled its lines in 2023-24).

-- ============================================================================ placement offers
create table placement_offers (
  id uuid primary key default gen_random_uuid(),
  -- The host organisation.
  org_id uuid not null references organisations (id),
  programme_id uuid references programmes (id),
  site_name text not null check (length(trim(site_name)) between 2 and 200),
  street text check (street is null or length(street) <= 200),
  postal_code text check (postal_code is null or postal_code ~ '^[0-9]{4,5}$'),
  municipality_code text not null references territories (code)
    check (municipality_code ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$'),
  sector text not null check (sector in ('green_spaces', 'building', 'cleaning', 'catering', 'logistics',
    'recycling', 'retail', 'care', 'textile', 'other')),
  title_fr text check (title_fr is null or length(trim(title_fr)) between 2 and 200),
  title_nl text check (title_nl is null or length(trim(title_nl)) between 2 and 200),
  tasks_fr text check (tasks_fr is null or length(tasks_fr) <= 5000),
  tasks_nl text check (tasks_nl is null or length(tasks_nl) <= 5000),
  positions integer not null check (positions between 1 and 100),
  starts_on date not null,
  ends_on date not null,
  schedule text check (schedule is null or length(schedule) <= 200),
  hours_per_week numeric(4, 1) check (hours_per_week is null or hours_per_week between 1 and 48),
  language_code text check (language_code is null or language_code in ('fr', 'nl', 'en', 'de')),
  language_level text check (language_level is null or language_level in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  accessibility text check (accessibility is null or length(accessibility) <= 1000),
  tutor_user_id uuid references users (id),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (title_fr is not null or title_nl is not null),
  check (ends_on >= starts_on),
  -- A language requirement names both the language and its level, or neither.
  check ((language_code is null) = (language_level is null))
);
create index placement_offers_org on placement_offers (org_id);
create index placement_offers_open on placement_offers (status, ends_on, municipality_code);

alter table placement_offers enable row level security;
alter table placement_offers force row level security;
create policy placement_offers_read on placement_offers for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy placement_offers_write on placement_offers for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check (org_id = app.current_org_id() or app.is_platform_admin());
grant select, insert, update, delete on placement_offers to samen_app;
create trigger placement_offers_audit after insert or update or delete on placement_offers
  for each row execute function audit.on_change();

-- ============================================================================ transit lines
create table transit_lines (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(trim(name)) between 2 and 200),
  mode text not null check (mode in ('bus', 'train', 'tram')),
  operator text check (operator is null or length(operator) <= 200),
  -- Municipality codes the line stops in.
  serves text[] not null check (cardinality(serves) >= 2),
  cross_border boolean not null default false,
  note_fr text check (note_fr is null or length(note_fr) <= 1000),
  note_nl text check (note_nl is null or length(note_nl) <= 1000),
  updated_at timestamptz not null default now()
);

alter table transit_lines enable row level security;
alter table transit_lines force row level security;
create policy transit_lines_read on transit_lines for select to samen_app using (true);
create policy transit_lines_write on transit_lines for all to samen_app
  using (app.is_platform_admin()) with check (app.is_platform_admin());
grant select, insert, update, delete on transit_lines to samen_app;
create trigger transit_lines_audit after insert or update or delete on transit_lines
  for each row execute function audit.on_change();
