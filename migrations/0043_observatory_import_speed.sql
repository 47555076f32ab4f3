-- Importing observatory values at the speed of issue 12 (≥ 100,000 values/s on PostgreSQL). An import writes
-- hundreds of thousands of rows in one statement per chunk; what each row costs is its constraints, its
-- indexes and its foreign-key checks (one query per row and key). This makes each cheaper, same rules.

-- Two indexes every value paid for and no statement reads: no reader looks values up by territory first
-- (every read names an element: store.ts, map.ts), nor by import. An import is never deleted by samen
-- (samen_app may not delete obs_imports): the owner deleting one by hand scans obs_values once to cascade.
drop index obs_values_geo;
drop index obs_values_import;

-- One foreign key instead of two for a value's import and organisation: (import, owner) must be an import
-- of that same owner. The owner of samen's own figures is null (migration 0041), and a key with a null
-- column is not checked at all, so the key compares a non-null stand-in: the nil uuid for "samen's own".
-- No organisation may have that id, or its values would pass for samen's. The value's organisation is
-- then an organisation because the import's is (obs_imports.org_id references organisations).
alter table obs_imports
  add constraint obs_imports_org_not_nil check (org_id <> '00000000-0000-0000-0000-000000000000'),
  add column owner_key uuid not null
    generated always as (coalesce(org_id, '00000000-0000-0000-0000-000000000000')) stored,
  add constraint obs_imports_owner_key unique (id, owner_key);

-- The same table rewrite also swaps three checks for equivalent ones without bounded repetitions
-- ({1,40}), which PostgreSQL's regular expressions expand state by state: 4–5× cheaper a row.
alter table obs_values
  add constraint obs_values_org_not_nil check (org_id <> '00000000-0000-0000-0000-000000000000'),
  add column owner_key uuid not null
    generated always as (coalesce(org_id, '00000000-0000-0000-0000-000000000000')) stored,
  drop constraint obs_values_org_id_fkey,
  drop constraint obs_values_import_id_fkey,
  add constraint obs_values_import_owner foreign key (import_id, owner_key)
    references obs_imports (id, owner_key) on delete cascade,
  drop constraint obs_values_geo_code_check,
  add constraint obs_values_geo_code_check
    check (geo_code ~ '^[A-Z]{2}(-[A-Z0-9-]+)?$' and length(geo_code) <= 43),
  drop constraint obs_values_disaggregation_check,
  add constraint obs_values_disaggregation_check
    check (disaggregation = 'total' or (disaggregation ~ '^[a-z_]+:[A-Za-z0-9_+-]+$'
      and length(split_part(disaggregation, ':', 1)) <= 20
      and length(split_part(disaggregation, ':', 2)) <= 20));
