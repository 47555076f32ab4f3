-- Solidarity initiatives (issue 13, Action 4, module initiatives): proposals recorded by a forum's
-- organiser, and the initiatives partners run together (some born from a proposal), with their partners,
-- territories, results and the volunteers assigned to them. An initiative is cross-border when its lead
-- and partners come from both countries: SAM indicator 3 counts those that ran in the period.
--
-- Reading: every signed-in member of the network (and the system); anonymous visitors (scope public) read
-- the initiatives their lead organisation published, with their partners, territories and results, never
-- a proposal nor an assignment. Writing: the lead organisation (the creator's) changes the initiative, its
-- partners and territories; the lead and the partners record results (each deletes its own); the forum
-- event's organiser records its proposals. Volunteers are assigned to an initiative by an organisation
-- taking part in it (volunteer_assignments.initiative_id, trigger below).

create table initiative_proposals (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references forum_events (id),
  -- The event's organiser (checked by the write policy).
  org_id uuid not null references organisations (id),
  title text not null check (length(trim(title)) between 2 and 200),
  description text check (description is null or length(description) <= 5000),
  language text not null check (language in ('fr', 'nl')),
  status text not null default 'open' check (status in ('open', 'adopted', 'set_aside')),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index initiative_proposals_event on initiative_proposals (event_id, created_at);

create table initiatives (
  id uuid primary key default gen_random_uuid(),
  -- The lead organisation (the creator's).
  org_id uuid not null references organisations (id),
  title_fr text not null check (length(trim(title_fr)) between 2 and 200),
  title_nl text not null check (length(trim(title_nl)) between 2 and 200),
  description_fr text check (description_fr is null or length(description_fr) <= 5000),
  description_nl text check (description_nl is null or length(description_nl) <= 5000),
  target_public text check (target_public is null or length(trim(target_public)) between 2 and 500),
  programme_id uuid references programmes (id),
  status text not null default 'idea' check (status in ('idea', 'preparing', 'running', 'ended', 'abandoned')),
  -- Set when it starts running and when it ends (or is abandoned), unless given.
  started_on date,
  ended_on date,
  proposal_id uuid unique references initiative_proposals (id),
  published boolean not null default false,
  published_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ended_on is null or started_on is null or ended_on >= started_on),
  check (published = (published_at is not null))
);
create index initiatives_org on initiatives (org_id);
create index initiatives_published on initiatives (created_at) where published;

create table initiative_partners (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  partner_org_id uuid not null references organisations (id),
  -- The lead, copied so that the write policy needs no join.
  org_id uuid not null references organisations (id),
  created_at timestamptz not null default now(),
  primary key (initiative_id, partner_org_id),
  check (partner_org_id <> org_id)
);
create index initiative_partners_partner on initiative_partners (partner_org_id);

create table initiative_territories (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  territory_code text not null references territories (code),
  org_id uuid not null references organisations (id),
  primary key (initiative_id, territory_code)
);
create index initiative_territories_code on initiative_territories (territory_code);

create table initiative_results (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references initiatives (id) on delete cascade,
  -- The recording organisation (the lead or a partner).
  org_id uuid not null references organisations (id),
  entry_on date not null,
  text text not null check (length(trim(text)) between 2 and 2000),
  link_url text check (link_url is null or (length(link_url) <= 500 and link_url ~ '^https://')),
  figure numeric(12, 2) check (figure is null or figure between 0 and 1000000000),
  figure_label text check (figure_label is null or length(trim(figure_label)) between 1 and 120),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (figure_label is null or figure is not null)
);
create index initiative_results_initiative on initiative_results (initiative_id, entry_on);

-- An assignment is to an event, to an initiative, or to neither (a titled activity), never to both.
alter table volunteer_assignments add column initiative_id uuid references initiatives (id);
alter table volunteer_assignments drop constraint volunteer_assignments_check;
alter table volunteer_assignments add constraint volunteer_assignments_subject
  check (event_id is not null or initiative_id is not null or activity_title is not null);
alter table volunteer_assignments add constraint volunteer_assignments_one_subject
  check (event_id is null or initiative_id is null);
create index volunteer_assignments_initiative on volunteer_assignments (initiative_id)
  where initiative_id is not null;

-- ============================================================================ access
-- Definer helpers: policies on one table read the others without recursing through their policies.

-- The current organisation leads the initiative.
create function app.initiative_lead(p_initiative uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.current_org_id() is not null and app.is_authenticated()
    and exists (select 1 from initiatives i where i.id = p_initiative and i.org_id = app.current_org_id())
$$;
-- The organisation leads the initiative or is one of its partners.
create function app.initiative_taking_part(p_initiative uuid, p_org uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select p_org is not null and (
    exists (select 1 from initiatives i where i.id = p_initiative and i.org_id = p_org)
    or exists (select 1 from initiative_partners p
      where p.initiative_id = p_initiative and p.partner_org_id = p_org))
$$;
-- A published initiative (what the public reads).
create function app.initiative_published(p_initiative uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select exists (select 1 from initiatives i where i.id = p_initiative and i.published)
$$;
revoke execute on function app.initiative_lead(uuid), app.initiative_taking_part(uuid, uuid),
  app.initiative_published(uuid) from public;
grant execute on function app.initiative_lead(uuid), app.initiative_taking_part(uuid, uuid),
  app.initiative_published(uuid) to samen_app;

create policy initiative_proposals_read on initiative_proposals for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy initiative_proposals_write on initiative_proposals for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())
      and exists (select 1 from forum_events e
        where e.id = initiative_proposals.event_id and e.org_id = initiative_proposals.org_id)));
select app.secure_table('initiative_proposals');
grant select, insert, update, delete on initiative_proposals to samen_app;
create trigger initiative_proposals_audit after insert or update or delete on initiative_proposals
  for each row execute function audit.on_change();

create policy initiatives_read on initiatives for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or ((select app.scope()) = 'public' and published));
create policy initiatives_write on initiatives for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
select app.secure_table('initiatives');
grant select, insert, update, delete on initiatives to samen_app;
create trigger initiatives_audit after insert or update or delete on initiatives
  for each row execute function audit.on_change();

create policy initiative_partners_read on initiative_partners for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or ((select app.scope()) = 'public' and app.initiative_published(initiative_id)));
create policy initiative_partners_write on initiative_partners for all to samen_app
  using ((select app.scope()) = 'system' or app.initiative_lead(initiative_id))
  with check ((select app.scope()) = 'system'
    or (app.initiative_lead(initiative_id) and org_id = (select app.current_org_id())));
select app.secure_table('initiative_partners');
grant select, insert, delete on initiative_partners to samen_app;
create trigger initiative_partners_audit after insert or update or delete on initiative_partners
  for each row execute function audit.on_change();

create policy initiative_territories_read on initiative_territories for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or ((select app.scope()) = 'public' and app.initiative_published(initiative_id)));
create policy initiative_territories_write on initiative_territories for all to samen_app
  using ((select app.scope()) = 'system' or app.initiative_lead(initiative_id))
  with check ((select app.scope()) = 'system'
    or (app.initiative_lead(initiative_id) and org_id = (select app.current_org_id())));
select app.secure_table('initiative_territories');
grant select, insert, delete on initiative_territories to samen_app;
create trigger initiative_territories_audit after insert or update or delete on initiative_territories
  for each row execute function audit.on_change();

create policy initiative_results_read on initiative_results for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or ((select app.scope()) = 'public' and app.initiative_published(initiative_id)));
-- The lead and the partners record results; each organisation changes and deletes its own.
create policy initiative_results_write on initiative_results for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())
      and app.initiative_taking_part(initiative_id, org_id)));
select app.secure_table('initiative_results');
grant select, insert, update, delete on initiative_results to samen_app;
create trigger initiative_results_audit after insert or update or delete on initiative_results
  for each row execute function audit.on_change();

-- ============================================================================ rules

-- The workflow (src/common/initiatives/workflow.ts, tested against moves('lead')): created as an idea;
-- idea → preparing → running → ended, and abandoned from any open status. Starting sets started_on,
-- ending or abandoning sets ended_on (unless given); an abandoned initiative is no longer published.
-- The lead, the proposal it came from and the creation are fixed.
create function app.initiatives_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status <> 'idea' then
      raise exception 'initiative: created as an idea' using errcode = '23514';
    end if;
    if new.proposal_id is not null and not exists (select 1 from initiative_proposals p
        where p.id = new.proposal_id and p.org_id = new.org_id) then
      raise exception 'initiative: only the forum''s organiser turns its proposal into an initiative'
        using errcode = '23514';
    end if;
  else
    if (new.org_id, new.created_at) is distinct from (old.org_id, old.created_at)
        or (old.proposal_id is not null and new.proposal_id is distinct from old.proposal_id) then
      raise exception 'initiative: lead, proposal and creation are fixed' using errcode = '23514';
    end if;
    if new.status is distinct from old.status then
      if (old.status, new.status) not in (('idea', 'preparing'), ('preparing', 'running'), ('running', 'ended'),
          ('idea', 'abandoned'), ('preparing', 'abandoned'), ('running', 'abandoned')) then
        raise exception 'initiative: % to % is not a move of the workflow', old.status, new.status
          using errcode = '23514';
      end if;
      if new.status = 'running' and new.started_on is null then
        new.started_on := app.today();
      end if;
      if new.status in ('ended', 'abandoned') and new.ended_on is null then
        new.ended_on := greatest(app.today(), new.started_on);
      end if;
    end if;
    new.updated_at := now();
  end if;
  if new.status = 'abandoned' then
    new.published := false;
    new.published_at := null;
  end if;
  return new;
end $$;
create trigger initiatives_guard before insert or update on initiatives
  for each row execute function app.initiatives_guard();

-- A volunteer is assigned to an initiative by an organisation taking part in it (0045's guard checks the
-- volunteer, the organisation and the Belgian declaration; this one only the initiative).
create function app.volunteer_assignments_initiative_guard() returns trigger language plpgsql
  security definer set search_path = pg_catalog, public as $$
begin
  if new.initiative_id is not null and not app.initiative_taking_part(new.initiative_id, new.org_id) then
    raise exception 'initiative_not_partner: the organisation does not take part in the initiative'
      using errcode = '23514';
  end if;
  return new;
end $$;
create trigger volunteer_assignments_initiative_guard before insert or update on volunteer_assignments
  for each row execute function app.volunteer_assignments_initiative_guard();

-- What the network (and, for a published initiative, the public) may know of its volunteers: how many
-- took part and for how many hours, across every organisation's assignments; never who.
create function app.initiative_volunteer_totals(p_initiative uuid)
  returns table (volunteers integer, hours numeric)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select count(distinct a.volunteer_id)::int, coalesce(sum(a.hours), 0)
  from volunteer_assignments a
  where a.initiative_id = p_initiative
    and (app.is_authenticated() or app.scope() = 'system'
      or (app.scope() = 'public' and app.initiative_published(p_initiative)))
$$;
revoke execute on function app.initiative_volunteer_totals(uuid) from public;
grant execute on function app.initiative_volunteer_totals(uuid) to samen_app;

-- ============================================================================ indicator
-- SAM indicator 3, cross-border initiatives in social matters: the programme's initiatives, led by a
-- member, whose lead and partners come from both countries, and that ran in the period (started on or
-- before its end, not ended before its start). One row per initiative (detail "FR 1 · BE 2"); no person.
create function app.ind_initiatives_cross_border_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select i.title_fr, null::uuid, i.org_id, i.started_on, i.ended_on, 'FR ' || c.fr || ' · BE ' || c.be
  from initiatives i
    cross join lateral (
      select count(*) filter (where o.country = 'FR')::int as fr, count(*) filter (where o.country = 'BE')::int as be
      from organisations o
      where o.id = i.org_id or o.id in (select p.partner_org_id from initiative_partners p where p.initiative_id = i.id)
    ) c
  where i.programme_id = p_programme and i.started_on is not null
    and i.started_on <= p_to and (i.ended_on is null or i.ended_on >= p_from)
    and i.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and c.fr > 0 and c.be > 0
$$;
create function app.ind_initiatives_cross_border_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(*)::int
  from app.ind_initiatives_cross_border_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_initiatives_cross_border_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_initiatives_cross_border_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
$$;
revoke execute on function app.ind_initiatives_cross_border_all(uuid, date, date),
  app.ind_initiatives_cross_border_count(uuid, date, date),
  app.ind_initiatives_cross_border_records(uuid, date, date) from public;
grant execute on function app.ind_initiatives_cross_border_count(uuid, date, date),
  app.ind_initiatives_cross_border_records(uuid, date, date) to samen_app;
