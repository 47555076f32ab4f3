-- The observatory's figures computed from samen's own records (issue 12): persons on a pathway, placements
-- begun and services of the directory, per municipality of residence (or of the service) and year. They are
-- aggregates across every organisation, so they are computed in the system scope by one definer function
-- that answers counts only, and stored as a vintage that belongs to no organisation (the platform's, like
-- the shared definitions): org_id null on its import and its values.

alter table obs_imports alter column org_id drop not null;
alter table obs_imports drop constraint obs_imports_format_check;
alter table obs_imports add constraint obs_imports_format_check
  check (format in ('insee', 'caf', 'statbel', 'iweps', 'long', 'demo', 'samen'));
-- Only samen's own computation has no owner; every file import names its organisation.
alter table obs_imports add constraint obs_imports_owner_check check ((org_id is null) = (format = 'samen'));
alter table obs_values alter column org_id drop not null;

-- An organisation never writes values of the elements samen computes (source 'samen'): only the system
-- does, so nobody can pass a figure off as computed from the network's records.
drop policy obs_values_write on obs_values;
create policy obs_values_write on obs_values for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) and exists (select 1 from obs_imports i
      where i.id = obs_values.import_id and i.org_id = obs_values.org_id)
      and not exists (select 1 from obs_data_elements e
        where e.id = obs_values.element_id and e.source = 'samen'))
    or (select app.scope()) = 'system');

-- Counts per element, territory and year, for the years [p_from_year, p_to_year]; nothing outside the system
-- scope. Persons are counted once per participant code (the same person followed by two centres), their
-- territory is their municipality of residence, '<country of their centre>-UNKNOWN' when none is recorded
-- (kept, never mapped); persons who withdrew from reporting are left out, as in the programme indicators'
-- rules (migration 0017). Services: those published in the directory, for the current year only (the
-- directory has no history).
create function app.obs_own_record_counts(p_from_year integer, p_to_year integer, p_current_year integer)
  returns table (element text, geo_code text, period text, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with years as (
    select y, make_date(y, 1, 1) as first_day, make_date(y, 12, 31) as last_day
    from generate_series(p_from_year, p_to_year) y
    where app.scope() = 'system'
  ),
  residents as (
    select pe.id, pe.participant_code, coalesce(pe.municipality_code, o.country || '-UNKNOWN') as geo
    from persons pe join organisations o on o.id = pe.org_id
    where not app.reporting_withdrawn(pe.id)
  )
  select 'SAMEN_PERSONS_PATHWAY', r.geo, y.y::text, count(distinct r.participant_code)::int
  from years y
    join pathways pw on pw.entry_on <= y.last_day and (pw.exit_on is null or pw.exit_on >= y.first_day)
    join residents r on r.id = pw.person_id
  group by r.geo, y.y
  union all
  select 'SAMEN_PLACEMENTS', r.geo, y.y::text, count(*)::int
  from years y
    join placements p on p.starts_on between y.first_day and y.last_day
      and p.status in ('active', 'completed', 'interrupted')
    join residents r on r.id = p.person_id
  group by r.geo, y.y
  union all
  select 'SAMEN_SERVICES', coalesce(s.municipality_code, o.country || '-UNKNOWN'), p_current_year::text,
    count(*)::int
  from services s join organisations o on o.id = s.org_id
  where s.published and app.scope() = 'system'
  group by 2
$$;
revoke execute on function app.obs_own_record_counts(integer, integer, integer) from public;
grant execute on function app.obs_own_record_counts(integer, integer, integer) to samen_app;
