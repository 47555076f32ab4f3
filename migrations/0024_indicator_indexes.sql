-- Indicator board benchmark (issue 10, bench/indicators.ts): with 200,000 persons, 50,000 placements and
-- 2 million attendance days, counting a programme's indicators spent about as long asking, row after row,
-- whether each counted person had withdrawn their consent for network statistics
-- (app.reporting_withdrawn: a definer function with its own search_path, called once per counted row and
-- never inlined) as counting itself. The counting functions now leave out, in one set-based step, the
-- persons whose latest consent for network statistics is withdrawn: the few withdrawn consents (a partial
-- index) that no later consent of the same person supersedes. Same rows counted, same results; the
-- functions keep their signatures, grants and callers (0017, 0022).

-- ============================================================================ indexes
-- The withdrawn consents for network statistics: few, read by every count.
create index consents_statistics_withdrawn on consents (person_id, given_on, created_at)
  where purpose = 'network_statistics' and withdrawn_on is not null;
-- A programme's pathways and its members' referrals, without reading every other programme's.
create index pathways_programme on pathways (programme_id, entry_on) where programme_id is not null;
create index referrals_org on referrals (org_id, status);

-- ============================================================================ withdrawn persons
-- The persons whose latest consent for network statistics (by date given, then recorded) is withdrawn:
-- app.reporting_withdrawn(person) as a set. Plain SQL (no definer, no search_path of its own) so that the
-- planner inlines it into the definer functions below, which run it with their owner's rights; nobody
-- else may call it.
create function app.reporting_withdrawn_persons() returns table (person_id uuid)
  language sql stable as $$
  select c.person_id from public.consents c
  where c.purpose = 'network_statistics' and c.withdrawn_on is not null
    and not exists (select 1 from public.consents n where n.person_id = c.person_id
      and n.purpose = 'network_statistics'
      and (n.given_on > c.given_on or (n.given_on = c.given_on and n.created_at > c.created_at)))
$$;
revoke execute on function app.reporting_withdrawn_persons() from public, samen_app;

-- ============================================================================ counting rules
-- Placements of the programme in the given statuses that overlap [from, to] and last (planned, or until
-- they ended) at least p_min_days; the partner is the person's home centre.
create or replace function app.ind_placements_all(p_programme uuid, p_from date, p_to date, p_min_days integer,
  p_statuses text[], p_benefits text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select pe.participant_code, pe.id, p.org_id, p.starts_on, coalesce(p.ended_on, p.ends_on), p.status
  from placements p join persons pe on pe.id = p.person_id
  where p.programme_id = p_programme and p.status = any (p_statuses)
    and p.starts_on <= p_to and coalesce(p.ended_on, p.ends_on) >= p_from
    and coalesce(p.ended_on, p.ends_on) - p.starts_on + 1 >= p_min_days
    and (p_benefits is null or cardinality(p_benefits) = 0 or pe.benefit = any (p_benefits))
    and not exists (select 1 from app.reporting_withdrawn_persons() w where w.person_id = pe.id)
$$;

-- Placements of the programme whose outcome of the given kind (6 months after exit) is one of the given
-- situations, observed within [from, to].
create or replace function app.ind_outcomes_all(p_programme uuid, p_from date, p_to date, p_kind text,
  p_situations text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select pe.participant_code, pe.id, p.org_id, p.starts_on, coalesce(p.ended_on, p.ends_on), o.situation
  from placement_outcomes o join placements p on p.id = o.placement_id join persons pe on pe.id = p.person_id
  where p.programme_id = p_programme and o.kind = p_kind and o.situation = any (p_situations)
    and o.observed_on between p_from and p_to
    and not exists (select 1 from app.reporting_withdrawn_persons() w where w.person_id = pe.id)
$$;

-- Pathways of the programme open at some time in [from, to].
create or replace function app.ind_pathways_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select pe.participant_code, pe.id, pw.org_id, pw.entry_on, pw.exit_on, null::text
  from pathways pw join persons pe on pe.id = pw.person_id
  where pw.programme_id = p_programme and pw.entry_on <= p_to and (pw.exit_on is null or pw.exit_on >= p_from)
    and not exists (select 1 from app.reporting_withdrawn_persons() w where w.person_id = pe.id)
$$;

-- Persons who used a service across the border in [from, to]: a referral from a member of the programme
-- to an organisation of the other country (in the given statuses, dated by its decision or its sending),
-- a placement of the programme at a host in the other country (begun), a crossing recorded on a pathway
-- of the programme; p_sources picks among them.
create or replace function app.ind_cross_border_all(p_programme uuid, p_from date, p_to date, p_statuses text[],
  p_sources text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select pe.participant_code, pe.id, r.org_id, coalesce(r.decided_at, r.created_at)::date, null::date,
    'referral'
  from referrals r join persons pe on pe.id = r.person_id
    join organisations so on so.id = r.org_id join organisations ro on ro.id = r.recipient_org_id
  where 'referrals' = any (p_sources) and so.country <> ro.country and r.status = any (p_statuses)
    and r.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and coalesce(r.decided_at, r.created_at)::date between p_from and p_to
    and not exists (select 1 from app.reporting_withdrawn_persons() w where w.person_id = pe.id)
  union all
  select pe.participant_code, pe.id, p.org_id, p.starts_on, coalesce(p.ended_on, p.ends_on), 'placement'
  from placements p join persons pe on pe.id = p.person_id
    join organisations ho on ho.id = p.org_id join organisations hh on hh.id = p.host_org_id
  where 'placements' = any (p_sources) and p.programme_id = p_programme and ho.country <> hh.country
    and p.status in ('active', 'completed', 'interrupted')
    and p.starts_on <= p_to and coalesce(p.ended_on, p.ends_on) >= p_from
    and not exists (select 1 from app.reporting_withdrawn_persons() w where w.person_id = pe.id)
  union all
  select pe.participant_code, pe.id, pw.org_id, m.recorded_on, null::date, 'mobility'
  from pathway_mobility m join pathways pw on pw.id = m.pathway_id join persons pe on pe.id = pw.person_id
  where 'mobility' = any (p_sources) and m.crossed_border and pw.programme_id = p_programme
    and m.recorded_on between p_from and p_to
    and not exists (select 1 from app.reporting_withdrawn_persons() w where w.person_id = pe.id)
$$;
