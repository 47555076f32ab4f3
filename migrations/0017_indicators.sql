-- Programme indicators (issue 10, "Indicators"): what a programme is judged on, each counted by a rule
-- from the partners' records (or, where no record exists yet, typed by hand with evidence). Like the
-- programme, an indicator belongs to the lead organisation; every signed-in member reads it.
--
-- Counting crosses organisations (the lead counts its partners' placements, which RLS hides from it), so
-- each rule is three definer functions: `_all` (every counted row; granted to nobody), `_count` (counts per
-- partner and the total, nothing else, for any signed-in member) and `_records` (the pseudonymous rows: the
-- lead organisation sees all, a partner only its own). Small-number suppression is applied by the API to
-- those who see aggregates only.

-- ============================================================================ indicators
create table programme_indicators (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  -- The programme's lead organisation, copied so that RLS needs no join.
  org_id uuid not null references organisations (id),
  action_id uuid references programme_actions (id) on delete set null,
  position integer not null default 1 check (position between 1 and 999),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$'),
  eu_code text check (eu_code in ('RCO81', 'RCO82', 'RCO84', 'RCO85', 'RCO87', 'RCO115', 'RCO116', 'RCR79',
    'RCR81', 'RCR84', 'RCR85', 'RCR104')),
  kind text not null check (kind in ('output', 'result')),
  unit text not null check (unit in ('persons', 'participations', 'organisations', 'services', 'events',
    'initiatives', 'hours')),
  label_fr text not null check (length(trim(label_fr)) between 2 and 500),
  label_nl text not null check (length(trim(label_nl)) between 2 and 500),
  label_en text not null check (length(trim(label_en)) between 2 and 500),
  definition_fr text check (definition_fr is null or length(definition_fr) <= 4000),
  definition_nl text check (definition_nl is null or length(definition_nl) <= 4000),
  definition_en text check (definition_en is null or length(definition_en) <= 4000),
  baseline integer not null default 0 check (baseline >= 0),
  target integer not null check (target > 0),
  -- A rule from a module's manifest with its parameters; null: a manual indicator (values typed by hand).
  rule_code text check (rule_code is null or rule_code ~ '^[a-z_]+\.[a-z0-9_]+$'),
  rule_params jsonb not null default '{}' check (jsonb_typeof(rule_params) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (programme_id, code),
  check (rule_code is not null or rule_params = '{}'::jsonb)
);
create index programme_indicators_programme on programme_indicators (programme_id, position);

-- ============================================================================ milestones
create table programme_indicator_milestones (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references programme_indicators (id) on delete cascade,
  org_id uuid not null references organisations (id),
  due_on date not null,
  target integer not null check (target >= 0),
  created_at timestamptz not null default now(),
  unique (indicator_id, due_on)
);

-- ============================================================================ manual values
-- Only for manual indicators (trigger below): a dated value, its evidence (a link or a note naming the
-- document) and its author. Never changed: a correction is a newer value.
create table programme_indicator_values (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references programme_indicators (id) on delete cascade,
  org_id uuid not null references organisations (id),
  value integer not null check (value >= 0),
  as_of date not null,
  evidence_url text check (evidence_url is null or (evidence_url ~ '^https?://[^\s]+$'
    and length(evidence_url) <= 1000)),
  evidence_note text check (evidence_note is null or length(trim(evidence_note)) between 2 and 2000),
  author_user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (evidence_url is not null or evidence_note is not null)
);
create index programme_indicator_values_indicator on programme_indicator_values (indicator_id, as_of desc);

create function app.indicator_values_manual_only() returns trigger language plpgsql
  security definer set search_path = pg_catalog, public as $$
begin
  if exists (select 1 from programme_indicators i where i.id = new.indicator_id and i.rule_code is not null) then
    raise exception 'values are typed only for manual indicators' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger programme_indicator_values_manual_only before insert or update on programme_indicator_values
  for each row execute function app.indicator_values_manual_only();

-- ============================================================================ RLS
create policy programme_indicators_read on programme_indicators for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy programme_indicators_write on programme_indicators for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and org_id = (select p.org_id from programmes p where p.id = programme_id)
    and (action_id is null or exists (select 1 from programme_actions a where a.id = action_id
      and a.programme_id = programme_indicators.programme_id)));

create policy programme_indicator_milestones_read on programme_indicator_milestones for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy programme_indicator_milestones_write on programme_indicator_milestones for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and org_id = (select i.org_id from programme_indicators i where i.id = indicator_id));

create policy programme_indicator_values_read on programme_indicator_values for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy programme_indicator_values_write on programme_indicator_values for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and org_id = (select i.org_id from programme_indicators i where i.id = indicator_id)
    and author_user_id = (select app.current_user_id()));

select app.secure_table('programme_indicators');
select app.secure_table('programme_indicator_milestones');
select app.secure_table('programme_indicator_values');
grant select, insert, update, delete on programme_indicators, programme_indicator_milestones to samen_app;
grant select, insert on programme_indicator_values to samen_app;
create trigger programme_indicators_audit after insert or update or delete on programme_indicators
  for each row execute function audit.on_change();
create trigger programme_indicator_milestones_audit after insert or update or delete
  on programme_indicator_milestones for each row execute function audit.on_change();
create trigger programme_indicator_values_audit after insert or update or delete on programme_indicator_values
  for each row execute function audit.on_change();

-- ============================================================================ counting helpers
-- A person whose latest consent for network statistics is withdrawn is left out of every count and list.
create function app.reporting_withdrawn(p_person uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce((select c.withdrawn_on is not null from consents c
    where c.person_id = p_person and c.purpose = 'network_statistics'
    order by c.given_on desc, c.created_at desc limit 1), false)
$$;

-- The organisations of a programme: its lead and every partner, whatever their role(s).
create function app.programme_members(p_programme uuid, p_roles text[]) returns table (org_id uuid)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select pr.org_id from programmes pr where pr.id = p_programme
    and (p_roles is null or cardinality(p_roles) = 0 or 'lead' = any (p_roles))
  union
  select pp.partner_org_id from programme_partners pp where pp.programme_id = p_programme
    and (p_roles is null or cardinality(p_roles) = 0 or pp.role = any (p_roles))
$$;

-- Who may read which counted rows: the lead organisation (and a platform admin) all; a partner its own.
create function app.indicator_row_visible(p_programme uuid, p_partner uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.sees_programme_placements(p_programme)
    or (app.is_authenticated() and p_partner = app.current_org_id())
$$;

-- ============================================================================ rule: placements
-- Placements of the programme in the given statuses that overlap [from, to] and last (planned, or until
-- they ended) at least p_min_days; the partner is the person's home centre.
create function app.ind_placements_all(p_programme uuid, p_from date, p_to date, p_min_days integer,
  p_statuses text[], p_benefits text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select pe.participant_code, pe.id, p.org_id, p.starts_on, coalesce(p.ended_on, p.ends_on), p.status
  from placements p join persons pe on pe.id = p.person_id
  where p.programme_id = p_programme and p.status = any (p_statuses)
    and p.starts_on <= p_to and coalesce(p.ended_on, p.ends_on) >= p_from
    and coalesce(p.ended_on, p.ends_on) - p.starts_on + 1 >= p_min_days
    and (p_benefits is null or cardinality(p_benefits) = 0 or pe.benefit = any (p_benefits))
    and not app.reporting_withdrawn(pe.id)
$$;

-- Placements of the programme whose outcome of the given kind (6 months after exit) is one of the given
-- situations, observed within [from, to].
create function app.ind_outcomes_all(p_programme uuid, p_from date, p_to date, p_kind text,
  p_situations text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select pe.participant_code, pe.id, p.org_id, p.starts_on, coalesce(p.ended_on, p.ends_on), o.situation
  from placement_outcomes o join placements p on p.id = o.placement_id join persons pe on pe.id = p.person_id
  where p.programme_id = p_programme and o.kind = p_kind and o.situation = any (p_situations)
    and o.observed_on between p_from and p_to
    and not app.reporting_withdrawn(pe.id)
$$;

-- ============================================================================ rules: people
-- Pathways of the programme open at some time in [from, to].
create function app.ind_pathways_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select pe.participant_code, pe.id, pw.org_id, pw.entry_on, pw.exit_on, null::text
  from pathways pw join persons pe on pe.id = pw.person_id
  where pw.programme_id = p_programme and pw.entry_on <= p_to and (pw.exit_on is null or pw.exit_on >= p_from)
    and not app.reporting_withdrawn(pe.id)
$$;

-- Persons who used a service across the border in [from, to]: a referral from a member of the programme
-- to an organisation of the other country (in the given statuses, dated by its decision or its sending),
-- a placement of the programme at a host in the other country (begun), a crossing recorded on a pathway
-- of the programme; p_sources picks among them.
create function app.ind_cross_border_all(p_programme uuid, p_from date, p_to date, p_statuses text[],
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
    and not app.reporting_withdrawn(pe.id)
  union all
  select pe.participant_code, pe.id, p.org_id, p.starts_on, coalesce(p.ended_on, p.ends_on), 'placement'
  from placements p join persons pe on pe.id = p.person_id
    join organisations ho on ho.id = p.org_id join organisations hh on hh.id = p.host_org_id
  where 'placements' = any (p_sources) and p.programme_id = p_programme and ho.country <> hh.country
    and p.status in ('active', 'completed', 'interrupted')
    and p.starts_on <= p_to and coalesce(p.ended_on, p.ends_on) >= p_from
    and not app.reporting_withdrawn(pe.id)
  union all
  select pe.participant_code, pe.id, pw.org_id, m.recorded_on, null::date, 'mobility'
  from pathway_mobility m join pathways pw on pw.id = m.pathway_id join persons pe on pe.id = pw.person_id
  where 'mobility' = any (p_sources) and m.crossed_border and pw.programme_id = p_programme
    and m.recorded_on between p_from and p_to
    and not app.reporting_withdrawn(pe.id)
$$;

-- ============================================================================ rules: network
-- Members of the programme (in the given roles) cooperating across the border; with p_active, only those
-- with a placement (home or host) or a pathway of the programme in [from, to].
create function app.ind_organisations_all(p_programme uuid, p_from date, p_to date, p_roles text[],
  p_active boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select m.org_id::text, null::uuid, m.org_id, null::date, null::date, o.country
  from app.programme_members(p_programme, p_roles) m join organisations o on o.id = m.org_id
  where not p_active
    or exists (select 1 from placements p where p.programme_id = p_programme
      and (p.org_id = m.org_id or p.host_org_id = m.org_id)
      and p.status in ('validated', 'active', 'completed', 'interrupted')
      and p.starts_on <= p_to and coalesce(p.ended_on, p.ends_on) >= p_from)
    or exists (select 1 from pathways pw where pw.programme_id = p_programme and pw.org_id = m.org_id
      and pw.entry_on <= p_to and (pw.exit_on is null or pw.exit_on >= p_from))
$$;

-- Published services of the programme's members open across the border (not to residents only) that
-- existed by the end of the period.
create function app.ind_services_all(p_programme uuid, p_from date, p_to date, p_access text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select s.id::text, null::uuid, s.org_id, s.created_at::date, null::date, s.theme
  from services s
  where s.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and s.published and s.cross_border_access = any (p_access) and s.created_at::date <= p_to
$$;

-- ============================================================================ counts and records
-- For each rule: the counts by partner (partner_org_id null: the total), unique subjects or every row;
-- and the rows the caller may see. Written out per rule: a set-returning function cannot be passed on.
create function app.ind_placements_count(p_programme uuid, p_from date, p_to date, p_min_days integer,
  p_statuses text[], p_benefits text[], p_distinct boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, (case when p_distinct then count(distinct r.subject) else count(*) end)::int
  from app.ind_placements_all(p_programme, p_from, p_to, p_min_days, p_statuses, p_benefits) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_placements_records(p_programme uuid, p_from date, p_to date, p_min_days integer,
  p_statuses text[], p_benefits text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_placements_all(p_programme, p_from, p_to, p_min_days, p_statuses, p_benefits) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;

create function app.ind_outcomes_count(p_programme uuid, p_from date, p_to date, p_kind text,
  p_situations text[], p_distinct boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, (case when p_distinct then count(distinct r.subject) else count(*) end)::int
  from app.ind_outcomes_all(p_programme, p_from, p_to, p_kind, p_situations) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_outcomes_records(p_programme uuid, p_from date, p_to date, p_kind text,
  p_situations text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_outcomes_all(p_programme, p_from, p_to, p_kind, p_situations) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;

create function app.ind_pathways_count(p_programme uuid, p_from date, p_to date, p_distinct boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, (case when p_distinct then count(distinct r.subject) else count(*) end)::int
  from app.ind_pathways_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_pathways_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_pathways_all(p_programme, p_from, p_to) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;

create function app.ind_cross_border_count(p_programme uuid, p_from date, p_to date, p_statuses text[],
  p_sources text[], p_distinct boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, (case when p_distinct then count(distinct r.subject) else count(*) end)::int
  from app.ind_cross_border_all(p_programme, p_from, p_to, p_statuses, p_sources) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_cross_border_records(p_programme uuid, p_from date, p_to date, p_statuses text[],
  p_sources text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_cross_border_all(p_programme, p_from, p_to, p_statuses, p_sources) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;

-- Organisations and services are no persons: their rows are public within the network.
create function app.ind_organisations_rows(p_programme uuid, p_from date, p_to date, p_roles text[],
  p_active boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_organisations_all(p_programme, p_from, p_to, p_roles, p_active) r
  where app.is_authenticated() or app.is_platform_admin()
$$;
create function app.ind_services_rows(p_programme uuid, p_from date, p_to date, p_access text[])
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_services_all(p_programme, p_from, p_to, p_access) r
  where app.is_authenticated() or app.is_platform_admin()
$$;

-- ============================================================================ audit of drill-downs
-- A drill-down names persons: one entry in each person's home organisation's chain, naming the reading
-- organisation, user and indicator. Only persons the caller may see in the programme's records are named.
create function audit.indicator_records_read(p_programme uuid, p_ids uuid[], p_indicator uuid)
  returns void language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  r record;
  v_org uuid := app.current_org_id();
begin
  if app.current_user_id() is null then return; end if;
  for r in
    select p.org_id, array_agg(p.id order by p.id) as ids
    from persons p
    where p.id = any (p_ids) and app.indicator_row_visible(p_programme, p.org_id)
    group by p.org_id
  loop
    perform audit.append('read', 'persons', case when cardinality(r.ids) = 1 then r.ids[1]::text end, r.org_id,
      null, null, jsonb_build_object('what', 'indicator_records', 'programme', p_programme,
        'indicator', p_indicator, 'ids', to_jsonb(r.ids), 'count', cardinality(r.ids), 'by_org', v_org,
        'by_user', app.current_user_id()));
  end loop;
end
$$;

revoke execute on function app.reporting_withdrawn(uuid), app.programme_members(uuid, text[]),
  app.ind_placements_all(uuid, date, date, integer, text[], text[]),
  app.ind_outcomes_all(uuid, date, date, text, text[]), app.ind_pathways_all(uuid, date, date),
  app.ind_cross_border_all(uuid, date, date, text[], text[]),
  app.ind_organisations_all(uuid, date, date, text[], boolean),
  app.ind_services_all(uuid, date, date, text[]) from public;
grant execute on function app.indicator_row_visible(uuid, uuid),
  app.ind_placements_count(uuid, date, date, integer, text[], text[], boolean),
  app.ind_placements_records(uuid, date, date, integer, text[], text[]),
  app.ind_outcomes_count(uuid, date, date, text, text[], boolean),
  app.ind_outcomes_records(uuid, date, date, text, text[]),
  app.ind_pathways_count(uuid, date, date, boolean), app.ind_pathways_records(uuid, date, date),
  app.ind_cross_border_count(uuid, date, date, text[], text[], boolean),
  app.ind_cross_border_records(uuid, date, date, text[], text[]),
  app.ind_organisations_rows(uuid, date, date, text[], boolean),
  app.ind_services_rows(uuid, date, date, text[]),
  audit.indicator_records_read(uuid, uuid[], uuid) to samen_app;
