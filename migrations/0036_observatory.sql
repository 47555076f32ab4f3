-- The cross-border observatory of social needs (issue 12), on the DHIS2 model: data elements hold raw
-- values (with an aggregation type), indicators are a numerator element over a denominator element times a
-- factor, always computed after aggregation; values are element × territory × period × disaggregation,
-- with their publication vintage and geography vintage; each import records the file it came from (its
-- checksum) and replaces the same vintage of the same elements, never duplicates it.
--
-- The figures are aggregates of official sources (INSEE, CAF, Statbel, IWEPS…) or of samen's own records
-- under the small-number rules: no person is in them. The definitions and values are the network's shared
-- reference, readable by every signed-in user; an organisation writes the definitions it owns and the
-- values of its own imports. Values are not audited row by row (millions of rows): their import is, with
-- the file's checksum, and each value names its import.

create table obs_data_elements (
  id uuid primary key default gen_random_uuid(),
  -- The organisation that defined it (its analysts maintain it); null for the platform's shared ones.
  org_id uuid references organisations (id),
  code text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  label_fr text not null check (length(trim(label_fr)) between 1 and 200),
  label_nl text not null check (length(trim(label_nl)) between 1 and 200),
  label_en text check (label_en is null or length(trim(label_en)) between 1 and 200),
  definition_fr text check (definition_fr is null or length(definition_fr) <= 2000),
  definition_nl text check (definition_nl is null or length(definition_nl) <= 2000),
  definition_en text check (definition_en is null or length(definition_en) <= 2000),
  unit text not null default 'count' check (unit in ('count', 'euro', 'percent', 'rate', 'years', 'other')),
  theme text not null check (theme ~ '^[a-z][a-z_]{1,39}$'),
  -- How values add up over territories and periods: 'none' for a median or a rate stored as such.
  aggregation text not null default 'sum' check (aggregation in ('sum', 'average', 'last', 'none')),
  -- Health figures are suppressed under 10 instead of 5.
  health boolean not null default false,
  source text check (source is null or length(source) <= 200),
  source_table text check (source_table is null or length(source_table) <= 200),
  source_column text check (source_column is null or length(source_column) <= 200),
  licence text check (licence is null or length(licence) <= 200),
  url text check (url is null or (length(url) <= 500 and url ~ '^https?://')),
  comparability text not null default 'B' check (comparability in ('A', 'B', 'C')),
  caveats_fr text check (caveats_fr is null or length(caveats_fr) <= 2000),
  caveats_nl text check (caveats_nl is null or length(caveats_nl) <= 2000),
  caveats_en text check (caveats_en is null or length(caveats_en) <= 2000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table obs_indicators (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references organisations (id),
  code text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  label_fr text not null check (length(trim(label_fr)) between 1 and 200),
  label_nl text not null check (length(trim(label_nl)) between 1 and 200),
  label_en text check (label_en is null or length(trim(label_en)) between 1 and 200),
  definition_fr text check (definition_fr is null or length(definition_fr) <= 2000),
  definition_nl text check (definition_nl is null or length(definition_nl) <= 2000),
  definition_en text check (definition_en is null or length(definition_en) <= 2000),
  numerator_id uuid not null references obs_data_elements (id),
  -- None for an indicator that is the numerator itself (a count shown as bubbles).
  denominator_id uuid references obs_data_elements (id),
  factor integer not null default 1 check (factor in (1, 100, 1000, 100000)),
  theme text not null check (theme ~ '^[a-z][a-z_]{1,39}$'),
  comparability text not null default 'B' check (comparability in ('A', 'B', 'C')),
  caveats_fr text check (caveats_fr is null or length(caveats_fr) <= 2000),
  caveats_nl text check (caveats_nl is null or length(caveats_nl) <= 2000),
  caveats_en text check (caveats_en is null or length(caveats_en) <= 2000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (denominator_id is distinct from numerator_id)
);
create index obs_indicators_theme on obs_indicators (theme);

-- One file imported: what it was (format, name, checksum), which vintages it carries, how its columns
-- were read, and how many values it wrote.
create table obs_imports (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  format text not null check (format in ('insee', 'caf', 'statbel', 'iweps', 'long', 'demo')),
  filename text not null check (length(filename) between 1 and 300),
  checksum text not null check (checksum ~ '^[0-9a-f]{64}$'),
  -- The publication (e.g. 'Filosofi 2021') and the geography the codes follow (e.g. 'COG 2024').
  vintage text not null check (length(trim(vintage)) between 1 and 60),
  geo_vintage text check (geo_vintage is null or length(geo_vintage) <= 60),
  mapping jsonb not null check (jsonb_typeof(mapping) = 'object'),
  value_count integer not null default 0 check (value_count >= 0),
  imported_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index obs_imports_org on obs_imports (org_id, created_at desc);

create table obs_values (
  element_id uuid not null references obs_data_elements (id) on delete cascade,
  geo_code text not null check (geo_code ~ '^[A-Z]{2}(-[A-Z0-9-]{1,40})?$'),
  period text not null check (period ~ '^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$'),
  -- 'total', or one disaggregation such as 'sex:F' or 'age:18-24'.
  disaggregation text not null default 'total' check (disaggregation ~ '^(total|[a-z_]{1,20}:[A-Za-z0-9_+-]{1,20})$'),
  vintage text not null check (length(trim(vintage)) between 1 and 60),
  value numeric,
  -- The source's own secrecy (INSEE blank or 's', CAF blurring, Statbel 'C'): kept hidden.
  secret boolean not null default false,
  org_id uuid not null references organisations (id),
  import_id uuid not null references obs_imports (id) on delete cascade,
  primary key (element_id, geo_code, period, disaggregation, vintage),
  check (value is not null or secret)
);
create index obs_values_import on obs_values (import_id);
create index obs_values_geo on obs_values (geo_code, element_id, period);

-- How a source's columns map onto elements, saved per organisation and source header.
create table obs_mappings (
  org_id uuid not null references organisations (id),
  source_key text not null check (length(source_key) between 1 and 200),
  mapping jsonb not null check (jsonb_typeof(mapping) = 'object'),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (org_id, source_key)
);

-- Reading: every signed-in user (the network's shared reference), the system (jobs, demo). Writing: the
-- owning organisation, the platform administrator for the shared definitions.
create policy obs_data_elements_read on obs_data_elements for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy obs_data_elements_write on obs_data_elements for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or (select app.scope()) = 'system');
select app.secure_table('obs_data_elements');
grant select, insert, update on obs_data_elements to samen_app;
create trigger obs_data_elements_audit after insert or update or delete on obs_data_elements
  for each row execute function audit.on_change();

create policy obs_indicators_read on obs_indicators for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy obs_indicators_write on obs_indicators for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or (select app.scope()) = 'system');
select app.secure_table('obs_indicators');
grant select, insert, update on obs_indicators to samen_app;
create trigger obs_indicators_audit after insert or update or delete on obs_indicators
  for each row execute function audit.on_change();

create policy obs_imports_read on obs_imports for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy obs_imports_write on obs_imports for insert to samen_app
  with check (org_id = (select app.current_org_id()) or (select app.scope()) = 'system');
select app.secure_table('obs_imports');
grant select, insert on obs_imports to samen_app;
create trigger obs_imports_audit after insert or update or delete on obs_imports
  for each row execute function audit.on_change();

create policy obs_values_read on obs_values for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy obs_values_write on obs_values for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) and exists (select 1 from obs_imports i
      where i.id = obs_values.import_id and i.org_id = obs_values.org_id))
    or (select app.scope()) = 'system');
select app.secure_table('obs_values');
grant select, insert, update, delete on obs_values to samen_app;

create policy obs_mappings_own on obs_mappings for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or (select app.scope()) = 'system');
select app.secure_table('obs_mappings');
grant select, insert, update on obs_mappings to samen_app;
create trigger obs_mappings_audit after insert or update or delete on obs_mappings
  for each row execute function audit.on_change();

-- The official sources' usual columns, defined once for the whole network (the platform's, no owner), so
-- that a file of INSEE or Statbel is mapped onto them as it comes; an organisation defines others.
insert into obs_data_elements (code, label_fr, label_nl, label_en, unit, theme, aggregation, source,
    source_table, source_column, licence, comparability, caveats_fr, caveats_nl, caveats_en) values
  ('P_POP', 'Population (recensement)', 'Bevolking (volkstelling)', 'Population (census)', 'count',
    'population', 'sum', 'INSEE, recensement de la population', 'base communale', 'Pyy_POP',
    'Licence Ouverte 2.0', 'A', null, null, null),
  ('C_FAM', 'Familles', 'Gezinnen', 'Families', 'count', 'family', 'sum',
    'INSEE, recensement de la population', 'Couples-Familles-Ménages', 'Cyy_FAM', 'Licence Ouverte 2.0', 'B',
    null, null, null),
  ('C_FAMMONO', 'Familles monoparentales', 'Eenoudergezinnen', 'Single-parent families', 'count', 'family',
    'sum', 'INSEE, recensement de la population', 'Couples-Familles-Ménages', 'Cyy_FAMMONO',
    'Licence Ouverte 2.0', 'B', null, null, null),
  ('MED', 'Niveau de vie médian (Filosofi)', 'Mediaan levensstandaard (Filosofi)',
    'Median standard of living (Filosofi)', 'euro', 'income', 'none', 'INSEE, Filosofi', 'FILO_DISP_COM',
    'MEDyy', 'Licence Ouverte 2.0', 'C',
    'Revenu disponible par unité de consommation (échelle OCDE modifiée) : propre à la France.',
    'Beschikbaar inkomen per consumptie-eenheid (gewijzigde OESO-schaal): eigen aan Frankrijk.',
    'Disposable income per consumption unit (modified OECD scale): France only.'),
  ('TP60', 'Taux de pauvreté à 60 % (Filosofi)', 'Armoedegraad op 60 % (Filosofi)',
    'Poverty rate at 60 % (Filosofi)', 'percent', 'poverty', 'none', 'INSEE, Filosofi',
    'FILO_DISP_PAUVRES_COM', 'TP60yy', 'Licence Ouverte 2.0', 'C',
    'Seuil à 60 % du niveau de vie médian français : pas de taux communal équivalent en Belgique.',
    'Drempel op 60 % van de Franse mediaan: geen vergelijkbaar gemeentelijk cijfer in België.',
    'Threshold at 60 % of the French median: no comparable municipal rate in Belgium.'),
  ('MS_TOT_RESIDENTS', 'Habitants (Statbel, fiscal)', 'Inwoners (Statbel, fiscaal)',
    'Residents (Statbel, tax statistics)', 'count', 'population', 'sum', 'Statbel',
    'TF_PSNL_INC_TAX_MUNTY', 'MS_TOT_RESIDENTS', 'Licence ouverte Statbel', 'A', null, null, null),
  ('MS_NBR_NON_ZERO_INC', 'Déclarations avec un revenu (Statbel)', 'Aangiften met een inkomen (Statbel)',
    'Tax returns with an income (Statbel)', 'count', 'income', 'sum', 'Statbel', 'TF_PSNL_INC_TAX_MUNTY',
    'MS_NBR_NON_ZERO_INC', 'Licence ouverte Statbel', 'C', null, null, null),
  ('MS_TOT_NET_TAXABLE_INC', 'Revenu net imposable total (Statbel)', 'Totaal netto belastbaar inkomen (Statbel)',
    'Total net taxable income (Statbel)', 'euro', 'income', 'sum', 'Statbel', 'TF_PSNL_INC_TAX_MUNTY',
    'MS_TOT_NET_TAXABLE_INC', 'Licence ouverte Statbel', 'C', null, null, null);

insert into obs_indicators (code, label_fr, label_nl, label_en, numerator_id, denominator_id, factor, theme,
    comparability, caveats_fr, caveats_nl, caveats_en)
select x.code, x.fr, x.nl, x.en, n.id, d.id, x.factor, x.theme, x.comparability, x.cfr, x.cnl, x.cen
from (values
  ('POPULATION_RP', 'Population (recensement)', 'Bevolking (volkstelling)', 'Population (census)', 'P_POP',
    null, 1, 'population', 'A', null, null, null),
  ('SINGLE_PARENT_SHARE', 'Part des familles monoparentales', 'Aandeel eenoudergezinnen',
    'Share of single-parent families', 'C_FAMMONO', 'C_FAM', 100, 'family', 'B', null, null, null),
  ('MEDIAN_LIVING_STANDARD', 'Niveau de vie médian', 'Mediaan levensstandaard', 'Median standard of living',
    'MED', null, 1, 'income', 'C', null, null, null),
  ('POVERTY_RATE_60', 'Taux de pauvreté à 60 %', 'Armoedegraad op 60 %', 'Poverty rate at 60 %', 'TP60', null,
    1, 'poverty', 'C', null, null, null),
  ('INCOME_PER_RETURN', 'Revenu net imposable moyen par déclaration', 'Gemiddeld netto belastbaar inkomen per aangifte',
    'Average net taxable income per tax return', 'MS_TOT_NET_TAXABLE_INC', 'MS_NBR_NON_ZERO_INC', 1, 'income',
    'C', 'L’unité est la déclaration fiscale, pas le ménage : propre à la Belgique.',
    'De eenheid is de belastingaangifte, niet het huishouden: eigen aan België.',
    'The unit is the tax return, not the household: Belgium only.')
) as x(code, fr, nl, en, num, den, factor, theme, comparability, cfr, cnl, cen)
join obs_data_elements n on n.code = x.num
left join obs_data_elements d on d.code = x.den;
