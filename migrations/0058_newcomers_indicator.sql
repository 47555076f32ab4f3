-- AB Réfugiés (issue 14): "newcomers accompanied", unique persons the programme's partners accompanied in a
-- period, whatever part of samen recorded it (src/common/accompaniment/newcomers-counted.ts counts the same
-- way, on the same cases). An activity is a status event of a person with a newcomer record, a request to a
-- mobile team naming the person, a done intervention concerning them, a confirmed or done interpreter
-- booking for a person with a newcomer record, or an outreach contact. A person counts once, by participant
-- code, across partners — a family referred to the other side's team, or an outreach contact later linked
-- to a record, is not counted twice — credited to the partner of their first activity in the period.
-- Outreach contacts not linked to a record count (by pseudonym within their organisation, else each) only
-- when p_include_outreach.
create function app.ind_newcomers_accompanied_all(p_programme uuid, p_from date, p_to date,
    p_include_outreach boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with members as (select m.org_id from app.programme_members(p_programme, null) m),
  activity as (
    select 'status_event'::text as kind, e.person_id, null::text as outreach_key, e.org_id, e.occurred_on as d
    from newcomer_status_events e
    where e.occurred_on between p_from and p_to
    union all
    select 'request', rp.person_id, null, r.org_id, (r.created_at at time zone 'Europe/Brussels')::date
    from accompaniment_request_persons rp join accompaniment_requests r on r.id = rp.request_id
    where (r.created_at at time zone 'Europe/Brussels')::date between p_from and p_to
    union all
    select 'intervention', x.pid, null, i.org_id, (i.starts_at at time zone 'Europe/Brussels')::date
    from accompaniment_interventions i cross join lateral unnest(i.person_ids) as x(pid)
    where i.status = 'done' and (i.starts_at at time zone 'Europe/Brussels')::date between p_from and p_to
    union all
    select 'interpreting', b.person_id, null, b.org_id, (b.starts_at at time zone 'Europe/Brussels')::date
    from interpreter_bookings b
    where b.person_id is not null and b.status in ('confirmed', 'done')
      and exists (select 1 from newcomer_profiles np where np.person_id = b.person_id)
      and (b.starts_at at time zone 'Europe/Brussels')::date between p_from and p_to
    union all
    select 'outreach', c.person_id,
      case when c.person_id is not null then null
        when c.pseudonym is not null and length(trim(c.pseudonym)) > 0
          then c.org_id || ':' || lower(trim(c.pseudonym))
        else c.id::text end,
      c.org_id, c.contact_on
    from outreach_contacts c
    where c.contact_on between p_from and p_to and (c.person_id is not null or p_include_outreach)
  ),
  keyed as (
    select case when a.person_id is not null then 'person:' || p.participant_code
      else 'outreach:' || a.outreach_key end as key,
      a.kind, a.person_id, a.org_id, a.d
    from activity a left join persons p on p.id = a.person_id
    where a.org_id in (select org_id from members)
  )
  select distinct on (k.key)
    case when k.key like 'person:%' then substr(k.key, 8) else 'outreach' end,
    k.person_id, k.org_id, k.d, max(k.d) over (partition by k.key), k.kind
  from keyed k
  order by k.key, k.d, k.org_id
$$;
create function app.ind_newcomers_accompanied_count(p_programme uuid, p_from date, p_to date,
    p_include_outreach boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(*)::int
  from app.ind_newcomers_accompanied_all(p_programme, p_from, p_to, p_include_outreach) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_newcomers_accompanied_records(p_programme uuid, p_from date, p_to date,
    p_include_outreach boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_newcomers_accompanied_all(p_programme, p_from, p_to, p_include_outreach) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;
revoke execute on function app.ind_newcomers_accompanied_all(uuid, date, date, boolean),
  app.ind_newcomers_accompanied_count(uuid, date, date, boolean),
  app.ind_newcomers_accompanied_records(uuid, date, date, boolean) from public;
grant execute on function app.ind_newcomers_accompanied_count(uuid, date, date, boolean),
  app.ind_newcomers_accompanied_records(uuid, date, date, boolean) to samen_app;
