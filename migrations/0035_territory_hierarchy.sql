-- Territory hierarchy, groups and code history (issue 12, extending 0002).
--
-- 1. Levels as rows. A territory is a municipality (as before), an EPCI (FR, by SIREN) or an arrondissement
--    (BE, NIS), a département (FR) or a province (BE), a region or a country. Non-municipal codes carry a
--    letter tag after the country, so they can never be read as a municipality code:
--      FR  FR-59350 → FR-EPCI-200093201 (or FR-DEP-59 when no EPCI is known) → FR-DEP-59 → FR-REG-HDF → FR
--      BE  BE-57096 → BE-ARR-57000 → BE-PROV-50000 → BE-REG-WAL → BE   (Brussels: BE-ARR-21000 → BE-REG-BRU)
--    parent_code becomes a real foreign key; the existing municipalities keep every row, their old parent
--    strings ('FR-59', 'BE-57000') are mapped to the new codes (to the MEL for its member communes) or
--    cleared when no such parent is known. The levels' depth (0 country … 4 municipality) is shared across
--    the border: département ↔ province, EPCI ↔ arrondissement.
-- 2. Groups beside the tree (the Eurométropole, a border strip, a programme's perimeter, an organisation's
--    own groups). A member may be of any level: a group holds every territory under its members too.
-- 3. Code history: renumberings, merges and splits, so that data keyed on an old code maps onto the
--    current ones (resolve_territory_code).
-- The reference rows inserted here (tree, Eurométropole group, code changes) are the same as the server's
-- built-in lists (network/territories/builtin-territories.ts), which reseed them after a wipe; the tests
-- compare the two.

-- ============================================================================ levels
create table territory_levels (
  level text primary key,
  -- 0 country, 1 region, 2 département / province, 3 EPCI / arrondissement, 4 municipality.
  depth smallint not null check (depth between 0 and 4),
  -- The country using the level; null when both do.
  country text check (country in ('FR', 'BE'))
);
insert into territory_levels (level, depth, country) values
  ('country', 0, null), ('region', 1, null), ('departement', 2, 'FR'), ('province', 2, 'BE'),
  ('epci', 3, 'FR'), ('arrondissement', 3, 'BE'), ('municipality', 4, null);

-- Written by migrations only.
select app.secure_table('territory_levels');
create policy territory_levels_read on territory_levels for select to samen_app using (true);
grant select on territory_levels to samen_app;

-- ============================================================================ territories
alter table territories add column level text not null default 'municipality' references territory_levels (level);
alter table territories drop constraint territories_code_check, drop constraint territories_check;
alter table territories add constraint territories_code_level check (case level
    when 'municipality' then code ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$'
    when 'epci' then code ~ '^FR-EPCI-[0-9]{9}$'
    when 'arrondissement' then code ~ '^BE-ARR-[0-9]{2}000$'
    when 'departement' then code ~ '^FR-DEP-([0-9]{2}|2[AB]|97[0-9])$'
    when 'province' then code ~ '^BE-PROV-[0-9]{5}$'
    when 'region' then code ~ '^(FR|BE)-REG-[A-Z]{3}$'
    when 'country' then code ~ '^(FR|BE)$'
    else false end);
alter table territories add constraint territories_code_country check (code = country or code like country || '-%');
create index territories_level on territories (level);

-- The reference hierarchy: countries, regions, the départements of Hauts-de-France, every Belgian province
-- and arrondissement (REFNIS 2019–2024), and the Métropole Européenne de Lille (DGCL, SIREN 200093201).
insert into territories (code, level, country, local_code, name_fr, name_nl, parent_code, region) values
  ('FR', 'country', 'FR', 'FR', 'France', 'Frankrijk', null, null),
  ('BE', 'country', 'BE', '01000', 'Belgique', 'België', null, null),
  ('FR-REG-HDF', 'region', 'FR', '32', 'Hauts-de-France', 'Hauts-de-France', 'FR', 'FR-HDF'),
  ('BE-REG-VLG', 'region', 'BE', '02000', 'Région flamande', 'Vlaams Gewest', 'BE', 'BE-VLG'),
  ('BE-REG-WAL', 'region', 'BE', '03000', 'Région wallonne', 'Waals Gewest', 'BE', 'BE-WAL'),
  ('BE-REG-BRU', 'region', 'BE', '04000', 'Région de Bruxelles-Capitale', 'Brussels Hoofdstedelijk Gewest', 'BE', 'BE-BRU'),
  ('FR-DEP-02', 'departement', 'FR', '02', 'Aisne', 'Aisne', 'FR-REG-HDF', 'FR-HDF'),
  ('FR-DEP-59', 'departement', 'FR', '59', 'Nord', 'Nord', 'FR-REG-HDF', 'FR-HDF'),
  ('FR-DEP-60', 'departement', 'FR', '60', 'Oise', 'Oise', 'FR-REG-HDF', 'FR-HDF'),
  ('FR-DEP-62', 'departement', 'FR', '62', 'Pas-de-Calais', 'Pas-de-Calais', 'FR-REG-HDF', 'FR-HDF'),
  ('FR-DEP-80', 'departement', 'FR', '80', 'Somme', 'Somme', 'FR-REG-HDF', 'FR-HDF'),
  ('BE-PROV-10000', 'province', 'BE', '10000', 'Anvers', 'Antwerpen', 'BE-REG-VLG', 'BE-VLG'),
  ('BE-PROV-20001', 'province', 'BE', '20001', 'Brabant flamand', 'Vlaams-Brabant', 'BE-REG-VLG', 'BE-VLG'),
  ('BE-PROV-20002', 'province', 'BE', '20002', 'Brabant wallon', 'Waals-Brabant', 'BE-REG-WAL', 'BE-WAL'),
  ('BE-PROV-30000', 'province', 'BE', '30000', 'Flandre-Occidentale', 'West-Vlaanderen', 'BE-REG-VLG', 'BE-VLG'),
  ('BE-PROV-40000', 'province', 'BE', '40000', 'Flandre-Orientale', 'Oost-Vlaanderen', 'BE-REG-VLG', 'BE-VLG'),
  ('BE-PROV-50000', 'province', 'BE', '50000', 'Hainaut', 'Henegouwen', 'BE-REG-WAL', 'BE-WAL'),
  ('BE-PROV-60000', 'province', 'BE', '60000', 'Liège', 'Luik', 'BE-REG-WAL', 'BE-WAL'),
  ('BE-PROV-70000', 'province', 'BE', '70000', 'Limbourg', 'Limburg', 'BE-REG-VLG', 'BE-VLG'),
  ('BE-PROV-80000', 'province', 'BE', '80000', 'Luxembourg', 'Luxemburg', 'BE-REG-WAL', 'BE-WAL'),
  ('BE-PROV-90000', 'province', 'BE', '90000', 'Namur', 'Namen', 'BE-REG-WAL', 'BE-WAL'),
  ('BE-ARR-11000', 'arrondissement', 'BE', '11000', 'Anvers', 'Antwerpen', 'BE-PROV-10000', 'BE-VLG'),
  ('BE-ARR-12000', 'arrondissement', 'BE', '12000', 'Malines', 'Mechelen', 'BE-PROV-10000', 'BE-VLG'),
  ('BE-ARR-13000', 'arrondissement', 'BE', '13000', 'Turnhout', 'Turnhout', 'BE-PROV-10000', 'BE-VLG'),
  ('BE-ARR-21000', 'arrondissement', 'BE', '21000', 'Bruxelles-Capitale', 'Brussel-Hoofdstad', 'BE-REG-BRU', 'BE-BRU'),
  ('BE-ARR-23000', 'arrondissement', 'BE', '23000', 'Hal-Vilvorde', 'Halle-Vilvoorde', 'BE-PROV-20001', 'BE-VLG'),
  ('BE-ARR-24000', 'arrondissement', 'BE', '24000', 'Louvain', 'Leuven', 'BE-PROV-20001', 'BE-VLG'),
  ('BE-ARR-25000', 'arrondissement', 'BE', '25000', 'Nivelles', 'Nijvel', 'BE-PROV-20002', 'BE-WAL'),
  ('BE-ARR-31000', 'arrondissement', 'BE', '31000', 'Bruges', 'Brugge', 'BE-PROV-30000', 'BE-VLG'),
  ('BE-ARR-32000', 'arrondissement', 'BE', '32000', 'Dixmude', 'Diksmuide', 'BE-PROV-30000', 'BE-VLG'),
  ('BE-ARR-33000', 'arrondissement', 'BE', '33000', 'Ypres', 'Ieper', 'BE-PROV-30000', 'BE-VLG'),
  ('BE-ARR-34000', 'arrondissement', 'BE', '34000', 'Courtrai', 'Kortrijk', 'BE-PROV-30000', 'BE-VLG'),
  ('BE-ARR-35000', 'arrondissement', 'BE', '35000', 'Ostende', 'Oostende', 'BE-PROV-30000', 'BE-VLG'),
  ('BE-ARR-36000', 'arrondissement', 'BE', '36000', 'Roulers', 'Roeselare', 'BE-PROV-30000', 'BE-VLG'),
  ('BE-ARR-37000', 'arrondissement', 'BE', '37000', 'Tielt', 'Tielt', 'BE-PROV-30000', 'BE-VLG'),
  ('BE-ARR-38000', 'arrondissement', 'BE', '38000', 'Furnes', 'Veurne', 'BE-PROV-30000', 'BE-VLG'),
  ('BE-ARR-41000', 'arrondissement', 'BE', '41000', 'Alost', 'Aalst', 'BE-PROV-40000', 'BE-VLG'),
  ('BE-ARR-42000', 'arrondissement', 'BE', '42000', 'Termonde', 'Dendermonde', 'BE-PROV-40000', 'BE-VLG'),
  ('BE-ARR-43000', 'arrondissement', 'BE', '43000', 'Eeklo', 'Eeklo', 'BE-PROV-40000', 'BE-VLG'),
  ('BE-ARR-44000', 'arrondissement', 'BE', '44000', 'Gand', 'Gent', 'BE-PROV-40000', 'BE-VLG'),
  ('BE-ARR-45000', 'arrondissement', 'BE', '45000', 'Audenarde', 'Oudenaarde', 'BE-PROV-40000', 'BE-VLG'),
  ('BE-ARR-46000', 'arrondissement', 'BE', '46000', 'Saint-Nicolas', 'Sint-Niklaas', 'BE-PROV-40000', 'BE-VLG'),
  ('BE-ARR-51000', 'arrondissement', 'BE', '51000', 'Ath', 'Aat', 'BE-PROV-50000', 'BE-WAL'),
  ('BE-ARR-52000', 'arrondissement', 'BE', '52000', 'Charleroi', 'Charleroi', 'BE-PROV-50000', 'BE-WAL'),
  ('BE-ARR-53000', 'arrondissement', 'BE', '53000', 'Mons', 'Bergen', 'BE-PROV-50000', 'BE-WAL'),
  ('BE-ARR-55000', 'arrondissement', 'BE', '55000', 'Soignies', 'Zinnik', 'BE-PROV-50000', 'BE-WAL'),
  ('BE-ARR-56000', 'arrondissement', 'BE', '56000', 'Thuin', 'Thuin', 'BE-PROV-50000', 'BE-WAL'),
  ('BE-ARR-57000', 'arrondissement', 'BE', '57000', 'Tournai-Mouscron', 'Doornik-Moeskroen', 'BE-PROV-50000', 'BE-WAL'),
  ('BE-ARR-58000', 'arrondissement', 'BE', '58000', 'La Louvière', 'La Louvière', 'BE-PROV-50000', 'BE-WAL'),
  ('BE-ARR-61000', 'arrondissement', 'BE', '61000', 'Huy', 'Hoei', 'BE-PROV-60000', 'BE-WAL'),
  ('BE-ARR-62000', 'arrondissement', 'BE', '62000', 'Liège', 'Luik', 'BE-PROV-60000', 'BE-WAL'),
  ('BE-ARR-63000', 'arrondissement', 'BE', '63000', 'Verviers', 'Verviers', 'BE-PROV-60000', 'BE-WAL'),
  ('BE-ARR-64000', 'arrondissement', 'BE', '64000', 'Waremme', 'Borgworm', 'BE-PROV-60000', 'BE-WAL'),
  ('BE-ARR-71000', 'arrondissement', 'BE', '71000', 'Hasselt', 'Hasselt', 'BE-PROV-70000', 'BE-VLG'),
  ('BE-ARR-72000', 'arrondissement', 'BE', '72000', 'Maaseik', 'Maaseik', 'BE-PROV-70000', 'BE-VLG'),
  ('BE-ARR-73000', 'arrondissement', 'BE', '73000', 'Tongres', 'Tongeren', 'BE-PROV-70000', 'BE-VLG'),
  ('BE-ARR-81000', 'arrondissement', 'BE', '81000', 'Arlon', 'Aarlen', 'BE-PROV-80000', 'BE-WAL'),
  ('BE-ARR-82000', 'arrondissement', 'BE', '82000', 'Bastogne', 'Bastenaken', 'BE-PROV-80000', 'BE-WAL'),
  ('BE-ARR-83000', 'arrondissement', 'BE', '83000', 'Marche-en-Famenne', 'Marche-en-Famenne', 'BE-PROV-80000', 'BE-WAL'),
  ('BE-ARR-84000', 'arrondissement', 'BE', '84000', 'Neufchâteau', 'Neufchâteau', 'BE-PROV-80000', 'BE-WAL'),
  ('BE-ARR-85000', 'arrondissement', 'BE', '85000', 'Virton', 'Virton', 'BE-PROV-80000', 'BE-WAL'),
  ('BE-ARR-91000', 'arrondissement', 'BE', '91000', 'Dinant', 'Dinant', 'BE-PROV-90000', 'BE-WAL'),
  ('BE-ARR-92000', 'arrondissement', 'BE', '92000', 'Namur', 'Namen', 'BE-PROV-90000', 'BE-WAL'),
  ('BE-ARR-93000', 'arrondissement', 'BE', '93000', 'Philippeville', 'Philippeville', 'BE-PROV-90000', 'BE-WAL'),
  ('FR-EPCI-200093201', 'epci', 'FR', '200093201', 'Métropole Européenne de Lille', 'Europese Metropool Rijsel', 'FR-DEP-59', 'FR-HDF')on conflict (code) do nothing;

-- Existing municipalities: the MEL's 95 member communes (DGCL EPCI list, COG 2026; all present in COG 2018)
-- hang under it, the others under their département or arrondissement when it is known.
update territories t set parent_code = case
    when t.country = 'FR' and t.parent_code = 'FR-59' and t.local_code in (
  '59005', '59009', '59011', '59013', '59017', '59025', '59044', '59051', '59052', '59056', '59088', '59090',
  '59098', '59106', '59128', '59133', '59143', '59146', '59152', '59163', '59173', '59193', '59195', '59196',
  '59201', '59202', '59208', '59220', '59247', '59250', '59252', '59256', '59257', '59275', '59278', '59279',
  '59281', '59286', '59299', '59303', '59316', '59317', '59320', '59328', '59332', '59339', '59343', '59346',
  '59350', '59352', '59356', '59360', '59367', '59368', '59371', '59378', '59386', '59388', '59410', '59421',
  '59426', '59437', '59457', '59458', '59470', '59477', '59482', '59487', '59507', '59508', '59512', '59522',
  '59523', '59524', '59527', '59550', '59553', '59560', '59566', '59585', '59598', '59599', '59602', '59609',
  '59611', '59636', '59643', '59646', '59648', '59650', '59653', '59656', '59658', '59660', '59670'
    ) then 'FR-EPCI-200093201'
    when t.country = 'FR' then 'FR-DEP-' || substr(t.parent_code, 4)
    else 'BE-ARR-' || substr(t.parent_code, 4) end
  where t.level = 'municipality' and t.parent_code is not null;
update territories t set parent_code = null
  where t.level = 'municipality' and t.parent_code is not null
    and not exists (select 1 from territories p where p.code = t.parent_code);

alter table territories add constraint territories_parent foreign key (parent_code) references territories (code);

-- A parent is of the same country and of a higher level (a smaller depth): the tree has no cycle.
create function app.territory_parent_guard() returns trigger
  language plpgsql set search_path = pg_catalog, public as $$
begin
  if new.parent_code is not null and not exists (
    select 1 from territories p
      join territory_levels pl on pl.level = p.level
      join territory_levels l on l.level = new.level
    where p.code = new.parent_code and p.country = new.country and pl.depth < l.depth) then
    raise exception 'territory %: % cannot be its parent', new.code, new.parent_code
      using errcode = '23514', constraint = 'territories_parent_level';
  end if;
  return new;
end
$$;
create trigger territories_parent_guard before insert or update of parent_code, level, country on territories
  for each row execute function app.territory_parent_guard();

-- Every territory with each of its ancestors (distance 1 = parent). Computed, never stored: about 2,000
-- territories of at most four ancestors each.
create view territory_ancestry with (security_invoker = true) as
  with recursive up (code, ancestor_code, distance) as (
    select t.code, t.parent_code, 1 from territories t where t.parent_code is not null
    union all
    select up.code, p.parent_code, up.distance + 1
    from up join territories p on p.code = up.ancestor_code
    where p.parent_code is not null and up.distance < 8
  )
  select up.code, up.ancestor_code, a.level as ancestor_level, up.distance
  from up join territories a on a.code = up.ancestor_code;
grant select on territory_ancestry to samen_app;

-- ============================================================================ groups
-- Platform-wide groups (no organisation) are written by platform admins; an organisation's own groups by
-- that organisation (its coordinators and administrators, the API checks the roles). Groups are not
-- personal data: the platform-wide ones are public like the territories, an organisation's are read by
-- every signed-in member of the network.
create table territory_groups (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(code) between 2 and 60 and code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('eurometropole', 'border_strip', 'programme_perimeter', 'custom')),
  name_fr text not null check (length(trim(name_fr)) between 2 and 200),
  name_nl text not null check (length(trim(name_nl)) between 2 and 200),
  org_id uuid references organisations (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The Eurométropole and border strips are the platform's.
  check (org_id is null or kind in ('custom', 'programme_perimeter'))
);
create index territory_groups_org on territory_groups (org_id);

create table territory_group_members (
  group_id uuid not null references territory_groups (id) on delete cascade,
  territory_code text not null references territories (code),
  -- The group's organisation, copied so that RLS needs no join (null for a platform-wide group).
  org_id uuid references organisations (id),
  created_at timestamptz not null default now(),
  primary key (group_id, territory_code)
);
create index territory_group_members_code on territory_group_members (territory_code);
create index territory_group_members_org on territory_group_members (org_id);

create policy territory_groups_read on territory_groups for select to samen_app
  using (org_id is null or app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy territory_groups_write on territory_groups for all to samen_app
  using (app.is_platform_admin() or (org_id is not null and org_id = app.current_org_id()))
  with check (app.is_platform_admin() or (org_id is not null and org_id = app.current_org_id()));
select app.secure_table('territory_groups');
grant select, insert, update, delete on territory_groups to samen_app;
create trigger territory_groups_audit after insert or update or delete on territory_groups
  for each row execute function audit.on_change();

create policy territory_group_members_read on territory_group_members for select to samen_app
  using (org_id is null or app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy territory_group_members_write on territory_group_members for all to samen_app
  using (app.is_platform_admin() or (org_id is not null and org_id = app.current_org_id()))
  with check ((app.is_platform_admin() or (org_id is not null and org_id = app.current_org_id()))
    and org_id is not distinct from (select g.org_id from territory_groups g where g.id = group_id));
select app.secure_table('territory_group_members');
grant select, insert, update, delete on territory_group_members to samen_app;
create trigger territory_group_members_audit after insert or update or delete on territory_group_members
  for each row execute function audit.on_change();

-- The Eurométropole Lille–Kortrijk–Tournai (EGTC): the MEL, Wallonie picarde (arrondissements Ath and
-- Tournai-Mouscron, 23 communes) and the West-Flemish arrondissements Ieper, Kortrijk, Roeselare and Tielt.
insert into territory_groups (code, kind, name_fr, name_nl) values
  ('eurometropole', 'eurometropole', 'Eurométropole Lille-Kortrijk-Tournai', 'Eurometropool Lille-Kortrijk-Tournai');
insert into territory_group_members (group_id, territory_code)
  select g.id, m.code from territory_groups g, (values ('FR-EPCI-200093201'), ('BE-ARR-33000'), ('BE-ARR-34000'),
    ('BE-ARR-36000'), ('BE-ARR-37000'), ('BE-ARR-51000'), ('BE-ARR-57000')) m (code)
  where g.code = 'eurometropole';

-- ============================================================================ code history
-- Reference data like the territories: read by everyone, written by platform admins (imports, seeds).
-- Codes are not foreign keys: an old code no longer exists as a row, and a new one may come with a later
-- boundary vintage than the one loaded.
create table territory_code_changes (
  id uuid primary key default gen_random_uuid(),
  old_code text not null check (old_code ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5}|FR-EPCI-[0-9]{9}|BE-ARR-[0-9]{2}000|FR-DEP-([0-9]{2}|2[AB]|97[0-9])|BE-PROV-[0-9]{5}|(FR|BE)-REG-[A-Z]{3})$'),
  new_code text not null check (new_code ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5}|FR-EPCI-[0-9]{9}|BE-ARR-[0-9]{2}000|FR-DEP-([0-9]{2}|2[AB]|97[0-9])|BE-PROV-[0-9]{5}|(FR|BE)-REG-[A-Z]{3})$'),
  effective_on date not null,
  -- rename and renumber: the same area under a new code; merge: the old area is now part of the new one;
  -- split: part of the old area (share, e.g. of its population, when known) went to the new one.
  kind text not null check (kind in ('rename', 'merge', 'split', 'renumber')),
  share numeric check (share > 0 and share <= 1),
  source text check (source is null or length(trim(source)) between 1 and 500),
  created_at timestamptz not null default now(),
  check (old_code <> new_code),
  -- Within one country and one level (the letter tag: EPCI, ARR, DEP…; none for a municipality).
  check (left(old_code, 2) = left(new_code, 2)),
  check (substring(old_code from '^[A-Z]{2}-([A-Z]+)-') is not distinct from substring(new_code from '^[A-Z]{2}-([A-Z]+)-')),
  check (share is null or kind = 'split'),
  unique (old_code, new_code, effective_on)
);
create index territory_code_changes_new on territory_code_changes (new_code);

create policy territory_code_changes_read on territory_code_changes for select to samen_app using (true);
create policy territory_code_changes_write on territory_code_changes for all to samen_app
  using (app.is_platform_admin()) with check (app.is_platform_admin());
select app.secure_table('territory_code_changes');
grant select, insert, update, delete on territory_code_changes to samen_app;
create trigger territory_code_changes_audit after insert or update or delete on territory_code_changes
  for each row execute function audit.on_change();

insert into territory_code_changes (old_code, new_code, effective_on, kind, source) values
  ('BE-ARR-54000', 'BE-ARR-57000', '2019-01-01', 'merge',
    'Statbel REFNIS: arrondissement Mouscron (54000) merged into Tournai-Mouscron (57000)'),
  ('BE-54007', 'BE-57096', '2019-01-01', 'renumber', 'Statbel REFNIS: Mouscron, arrondissement 54000 merged into 57000'),
  ('BE-54010', 'BE-57097', '2019-01-01', 'renumber',
    'Statbel REFNIS: Comines-Warneton, arrondissement 54000 merged into 57000'),
  ('BE-56011', 'BE-58002', '2019-01-01', 'renumber', 'Statbel REFNIS: Binche, into the new arrondissement La Louvière (58000)'),
  ('BE-37007', 'BE-37022', '2025-01-01', 'merge',
    'Flemish merger of 1 January 2025: Meulebeke and Tielt into Tielt (NIS 37022, to check against Statbel REFNIS 2025)'),
  ('BE-37015', 'BE-37022', '2025-01-01', 'merge',
    'Flemish merger of 1 January 2025: Meulebeke and Tielt into Tielt (NIS 37022, to check against Statbel REFNIS 2025)'),
  ('BE-37012', 'BE-37021', '2025-01-01', 'merge',
    'Flemish merger of 1 January 2025: Ruiselede and Wingene into Wingene (NIS 37021, to check against Statbel REFNIS 2025)'),
  ('BE-37018', 'BE-37021', '2025-01-01', 'merge',
    'Flemish merger of 1 January 2025: Ruiselede and Wingene into Wingene (NIS 37021, to check against Statbel REFNIS 2025)');

-- The code(s) an old code stands for on p_as_of, following later changes in turn. share is the part of the
-- old area each current code holds: 1 through renames, renumberings and merges, the product of the shares
-- through splits, null when a split's share is unknown. A code no change touches resolves to itself.
create function resolve_territory_code(p_code text, p_as_of date default app.today())
  returns table (code text, share numeric)
  language sql stable set search_path = pg_catalog, public as $$
  with recursive walk (code, share, since, steps) as (
    select p_code, 1::numeric, '-infinity'::date, 0
    union all
    select c.new_code, case when c.kind = 'split' then w.share * c.share else w.share end, c.effective_on,
      w.steps + 1
    from walk w join territory_code_changes c on c.old_code = w.code
    where c.effective_on >= w.since and c.effective_on <= p_as_of and w.steps < 20
  )
  select w.code, sum(w.share)
  from walk w
  where not exists (select 1 from territory_code_changes c
    where c.old_code = w.code and c.effective_on >= w.since and c.effective_on <= p_as_of)
  group by w.code
$$;
grant execute on function resolve_territory_code(text, date) to samen_app;
