-- The events' first counting rule for programme monitoring (issue 13): RCO115, cross-border public events.
-- An event counts when it belongs to the programme, its organiser is a member, it was published (not
-- cancelled) and held within the period, and its organiser and organising partners come from both
-- countries. One row per event (detail: the countries' organisations, e.g. "FR 1 · BE 2"); no person.

create function app.ind_forum_cross_border_events_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select e.title_fr, null::uuid, e.org_id, (e.starts_at at time zone 'Europe/Brussels')::date,
    (e.ends_at at time zone 'Europe/Brussels')::date,
    'FR ' || c.fr || ' · BE ' || c.be
  from forum_events e
    cross join lateral (
      select count(*) filter (where o.country = 'FR')::int as fr, count(*) filter (where o.country = 'BE')::int as be
      from organisations o
      where o.id = e.org_id or o.id in (select p.partner_org_id from forum_event_partners p where p.event_id = e.id)
    ) c
  where e.programme_id = p_programme and e.status = 'published'
    and (e.starts_at at time zone 'Europe/Brussels')::date between p_from and p_to
    and e.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and c.fr > 0 and c.be > 0
$$;

create function app.ind_forum_cross_border_events_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(*)::int
  from app.ind_forum_cross_border_events_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_forum_cross_border_events_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_forum_cross_border_events_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
$$;

revoke execute on function app.ind_forum_cross_border_events_all(uuid, date, date) from public;
grant execute on function app.ind_forum_cross_border_events_count(uuid, date, date),
  app.ind_forum_cross_border_events_records(uuid, date, date) to samen_app;
