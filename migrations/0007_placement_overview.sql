-- The coordinator's overview of a programme's placements (issue 3): the lead organisation of a programme
-- follows every placement of its partners, which RLS hides from it (a placement is visible to its home
-- centre and its host only). These functions check the condition themselves and answer pseudonymous rows:
-- the participant code, never a name, a birth date or a contact.

-- Whether the current context may see the programme's placements: a member acting for the programme's
-- lead organisation, or a platform admin. The permission (placement.programme_overview) is checked by the
-- API on top; this is the database's own line of defence.
create function app.sees_programme_placements(p_programme uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.is_authenticated() and exists (select 1 from programmes pr where pr.id = p_programme
    and (pr.org_id = app.current_org_id() or app.is_platform_admin()))
$$;

-- One page of the programme's placements, filtered and sorted; the follow-up figures are computed for the
-- page's rows only. p_sort: participant_code, site, home_org, host_org, status, starts_on (default),
-- ends_on; p_language picks the organisations' FR or NL names for sorting. p_limit NULL: every row.
create function app.programme_placements(p_programme uuid, p_status text, p_home uuid, p_host uuid,
  p_from date, p_to date, p_code text, p_sort text, p_desc boolean, p_language text, p_limit integer,
  p_offset integer)
  returns table (id uuid, participant_code text, home_org_id uuid, home_name_fr text, home_name_nl text,
    host_org_id uuid, host_name_fr text, host_name_nl text, site_name text, municipality_code text,
    municipality_name_fr text, municipality_name_nl text, starts_on date, ends_on date, ended_on date,
    status text, version integer, attendance_rate double precision, mid_term_done boolean,
    final_done boolean, exit_situation text, six_month_situation text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with page as (
    select p.id, pe.participant_code, p.org_id, ho.name_fr as home_name_fr, ho.name_nl as home_name_nl,
      p.host_org_id, hh.name_fr as host_name_fr, hh.name_nl as host_name_nl, p.site_name,
      p.municipality_code, t.name_fr as municipality_name_fr, t.name_nl as municipality_name_nl,
      p.starts_on, p.ends_on, p.ended_on, p.status, p.version,
      row_number() over (order by
        case when not p_desc then case p_sort
          when 'participant_code' then pe.participant_code
          when 'site' then p.site_name
          when 'home_org' then case when p_language = 'nl' then ho.name_nl else ho.name_fr end
          when 'host_org' then case when p_language = 'nl' then hh.name_nl else hh.name_fr end end end asc,
        case when p_desc then case p_sort
          when 'participant_code' then pe.participant_code
          when 'site' then p.site_name
          when 'home_org' then case when p_language = 'nl' then ho.name_nl else ho.name_fr end
          when 'host_org' then case when p_language = 'nl' then hh.name_nl else hh.name_fr end end end desc,
        case when p_sort = 'status' and not p_desc then array_position(array['draft', 'awaiting_signatures',
          'home_review', 'host_validation', 'validated', 'active', 'completed', 'interrupted',
          'cancelled'], p.status) end asc,
        case when p_sort = 'status' and p_desc then array_position(array['draft', 'awaiting_signatures',
          'home_review', 'host_validation', 'validated', 'active', 'completed', 'interrupted',
          'cancelled'], p.status) end desc,
        case when p_sort = 'ends_on' and not p_desc then p.ends_on end asc,
        case when p_sort = 'ends_on' and p_desc then p.ends_on end desc,
        case when p_sort = 'starts_on' and not p_desc then p.starts_on end asc,
        -- Default: the latest start first.
        p.starts_on desc, p.id) as ord
    from placements p
    join persons pe on pe.id = p.person_id
    join organisations ho on ho.id = p.org_id
    join organisations hh on hh.id = p.host_org_id
    left join territories t on t.code = p.municipality_code
    where p.programme_id = p_programme and app.sees_programme_placements(p_programme)
      and (p_status is null or p.status = p_status)
      and (p_home is null or p.org_id = p_home)
      and (p_host is null or p.host_org_id = p_host)
      and (p_from is null or coalesce(p.ended_on, p.ends_on) >= p_from)
      and (p_to is null or p.starts_on <= p_to)
      and (p_code is null or pe.participant_code = p_code)
    order by ord
    limit p_limit offset coalesce(p_offset, 0)
  )
  select pg.id, pg.participant_code, pg.org_id, pg.home_name_fr, pg.home_name_nl, pg.host_org_id,
    pg.host_name_fr, pg.host_name_nl, pg.site_name, pg.municipality_code, pg.municipality_name_fr,
    pg.municipality_name_nl, pg.starts_on, pg.ends_on, pg.ended_on, pg.status, pg.version,
    att.rate, coalesce(ev.mid_term, false), coalesce(ev.final, false), oc.exit_situation, oc.six_month_situation
  from page pg
  -- Present hours over planned hours, on the days recorded so far.
  left join lateral (
    select (sum(case when a.status = 'present' then coalesce(a.hours, a.planned_hours) else 0 end)
      / nullif(sum(a.planned_hours), 0))::double precision as rate
    from placement_attendance a where a.placement_id = pg.id
  ) att on true
  left join lateral (
    select bool_or(e.kind = 'mid_term') as mid_term, bool_or(e.kind = 'final') as final
    from placement_evaluations e where e.placement_id = pg.id
  ) ev on true
  left join lateral (
    select max(o.situation) filter (where o.kind = 'exit') as exit_situation,
      max(o.situation) filter (where o.kind = 'six_months') as six_month_situation
    from placement_outcomes o where o.placement_id = pg.id
  ) oc on true
  order by pg.ord
$$;

-- How many of the programme's placements are in each status, under the same filters (the status chips).
create function app.programme_placement_counts(p_programme uuid, p_home uuid, p_host uuid, p_from date,
  p_to date, p_code text)
  returns table (status text, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select p.status, count(*)::int
  from placements p
  where p.programme_id = p_programme and app.sees_programme_placements(p_programme)
    and (p_home is null or p.org_id = p_home)
    and (p_host is null or p.host_org_id = p_host)
    and (p_from is null or coalesce(p.ended_on, p.ends_on) >= p_from)
    and (p_to is null or p.starts_on <= p_to)
    and (p_code is null or exists (select 1 from persons pe where pe.id = p.person_id
      and pe.participant_code = p_code))
  group by p.status
$$;

grant execute on function app.sees_programme_placements(uuid),
  app.programme_placements(uuid, text, uuid, uuid, date, date, text, text, boolean, text, integer, integer),
  app.programme_placement_counts(uuid, uuid, uuid, date, date, text) to samen_app;
