-- Participant characteristics for indicator breakdowns (issue 10, "Indicators"): an indicator may be
-- broken down by partner, by sex and by age band, as the ESF+ common indicators require.
--
-- Legal basis. Regulation (EU) 2021/1057 (ESF+), Annex I, asks for the common indicators on participants
-- broken down by sex and by age (under 18, 18–29, 30–54, 55 and over); the programmes' partners record
-- these data to fulfil that legal obligation and their public-interest task (GDPR art. 6(1)(c) and (e)).
-- Sex is not a special category of data (GDPR art. 9 is not involved). Recording it is optional: NULL
-- ("not recorded") is always allowed and is counted as such. The birth date is already recorded (0003).
--
-- Sex is never shared with another organisation: it is in no field group of app.shareable_fields(), and
-- app.shared_person() names each field it returns, so it needs no change. Only counts leave the home
-- organisation, through the definer functions below, and the API suppresses small numbers in them.

-- ============================================================================ persons
alter table persons add column sex text check (sex is null or sex in ('female', 'male', 'non_binary'));

-- ============================================================================ indicators
-- The breakdowns an indicator is published with (partner: the one there was until now).
alter table programme_indicators add column breakdowns text[] not null default '{partner}'
  check (breakdowns <@ array['partner', 'sex', 'age_band']::text[]);

-- ============================================================================ profiles
-- For each rule about persons: the counted rows by sex and by age in whole years at the row's start date
-- (or at the period's end when the row has none); a unique count takes each subject (participant code)
-- once, at its earliest row, so that the parts add up to the total. Counts only, for any signed-in member
-- (like `_count`); the age is binned into bands by the API (src/common/monitoring/characteristics.ts).
create function app.ind_profile_of(p_rows jsonb, p_to date, p_distinct boolean)
  returns table (sex text, age integer, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with r as (
    select x.subject, x.person_id, coalesce(x.starts_on, p_to) as at
    from jsonb_to_recordset(p_rows) as x(subject text, person_id uuid, starts_on date)
    where x.person_id is not null
  ), picked as (
    select * from r where not p_distinct
    union all
    select d.* from (select distinct on (r.subject) r.* from r order by r.subject, r.at, r.person_id) d where p_distinct
  )
  select pe.sex, extract(year from age(k.at, pe.birth_date))::int, count(*)::int
  from picked k join persons pe on pe.id = k.person_id
  group by 1, 2
$$;

create function app.ind_placements_profile(p_programme uuid, p_from date, p_to date, p_min_days integer,
  p_statuses text[], p_benefits text[], p_distinct boolean)
  returns table (sex text, age integer, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select f.* from app.ind_profile_of((select coalesce(jsonb_agg(jsonb_build_object('subject', r.subject,
      'person_id', r.person_id, 'starts_on', r.starts_on)), '[]')
    from app.ind_placements_all(p_programme, p_from, p_to, p_min_days, p_statuses, p_benefits) r),
    p_to, p_distinct) f
  where app.is_authenticated() or app.is_platform_admin()
$$;

create function app.ind_outcomes_profile(p_programme uuid, p_from date, p_to date, p_kind text,
  p_situations text[], p_distinct boolean)
  returns table (sex text, age integer, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select f.* from app.ind_profile_of((select coalesce(jsonb_agg(jsonb_build_object('subject', r.subject,
      'person_id', r.person_id, 'starts_on', r.starts_on)), '[]')
    from app.ind_outcomes_all(p_programme, p_from, p_to, p_kind, p_situations) r),
    p_to, p_distinct) f
  where app.is_authenticated() or app.is_platform_admin()
$$;

create function app.ind_pathways_profile(p_programme uuid, p_from date, p_to date, p_distinct boolean)
  returns table (sex text, age integer, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select f.* from app.ind_profile_of((select coalesce(jsonb_agg(jsonb_build_object('subject', r.subject,
      'person_id', r.person_id, 'starts_on', r.starts_on)), '[]')
    from app.ind_pathways_all(p_programme, p_from, p_to) r),
    p_to, p_distinct) f
  where app.is_authenticated() or app.is_platform_admin()
$$;

create function app.ind_cross_border_profile(p_programme uuid, p_from date, p_to date, p_statuses text[],
  p_sources text[], p_distinct boolean)
  returns table (sex text, age integer, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select f.* from app.ind_profile_of((select coalesce(jsonb_agg(jsonb_build_object('subject', r.subject,
      'person_id', r.person_id, 'starts_on', r.starts_on)), '[]')
    from app.ind_cross_border_all(p_programme, p_from, p_to, p_statuses, p_sources) r),
    p_to, p_distinct) f
  where app.is_authenticated() or app.is_platform_admin()
$$;

revoke execute on function app.ind_profile_of(jsonb, date, boolean) from public;
grant execute on function
  app.ind_placements_profile(uuid, date, date, integer, text[], text[], boolean),
  app.ind_outcomes_profile(uuid, date, date, text, text[], boolean),
  app.ind_pathways_profile(uuid, date, date, boolean),
  app.ind_cross_border_profile(uuid, date, date, text[], text[], boolean) to samen_app;
