-- Importing observatory values at the speed of issue 12 (≥ 100,000 values/s on PostgreSQL). An import writes
-- hundreds of thousands of rows in one statement per chunk; what each row costs is its constraints, its
-- indexes and its foreign-key checks (one query per row and key). This makes each cheaper, same rules.

-- Two indexes every value paid for and no statement reads: no reader looks values up by territory first
-- (every read names an element: store.ts, map.ts), nor by import. An import is never deleted by samen
-- (samen_app may not delete obs_imports): the owner deleting one by hand scans obs_values once to cascade.
drop index obs_values_geo;
drop index obs_values_import;

-- A value's element and import are checked once per statement instead of once per row. A foreign key
-- runs one query per row and key: half of an import's time. The rules stay those of the keys they replace:
-- every value names an existing element, and an existing import of the same owner (the organisation, or
-- none for samen's own figures of migration 0041, compared through a non-null stand-in, the nil uuid, that
-- no organisation may have); the rows named are locked as a key locks them, and deleting an element or an
-- import still deletes its values. The value's organisation is an organisation because its import's is.
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
  drop constraint obs_values_element_id_fkey,
  drop constraint obs_values_geo_code_check,
  add constraint obs_values_geo_code_check
    check (geo_code ~ '^[A-Z]{2}(-[A-Z0-9-]+)?$' and length(geo_code) <= 43),
  drop constraint obs_values_disaggregation_check,
  add constraint obs_values_disaggregation_check
    check (disaggregation = 'total' or (disaggregation ~ '^[a-z_]+:[A-Za-z0-9_+-]+$'
      and length(split_part(disaggregation, ':', 1)) <= 20
      and length(split_part(disaggregation, ':', 2)) <= 20));

-- Definer's rights, as a key's check: it sees every element and import whatever the writer's policies.
create function app.obs_values_check_references() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  -- Locked as a foreign key locks them: neither can be deleted before this transaction ends.
  perform 1 from obs_data_elements e where e.id in (select distinct a.element_id from written a) for key share;
  perform 1 from obs_imports i where i.id in (select distinct a.import_id from written a) for key share;
  if exists (select 1 from (select distinct element_id from written) a
      where not exists (select 1 from obs_data_elements e where e.id = a.element_id)) then
    raise foreign_key_violation using message = 'obs_values: unknown data element';
  end if;
  if exists (select 1 from (select distinct import_id, owner_key from written) a
      where not exists (select 1 from obs_imports i where i.id = a.import_id and i.owner_key = a.owner_key)) then
    raise foreign_key_violation using message = 'obs_values: no such import of this owner';
  end if;
  return null;
end $$;
create trigger obs_values_references_on_insert after insert on obs_values
  referencing new table as written for each statement execute function app.obs_values_check_references();
create trigger obs_values_references_on_update after update on obs_values
  referencing new table as written for each statement execute function app.obs_values_check_references();

-- The keys' "on delete cascade", kept.
create function app.obs_values_cascade() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if tg_table_name = 'obs_imports' then
    delete from obs_values where import_id = old.id;
  else
    delete from obs_values where element_id = old.id;
  end if;
  return old;
end $$;
create trigger obs_imports_cascade_values before delete on obs_imports
  for each row execute function app.obs_values_cascade();
create trigger obs_data_elements_cascade_values before delete on obs_data_elements
  for each row execute function app.obs_values_cascade();
