-- Immersion requests and what follows them (issue 11, Action 2): a professional of one centre asks to
-- spend a few days (or up to a year) with a team of a partner centre, approved by their manager and by
-- the host; the agreement's confidentiality undertaking and the host's observer consents; the visitor's
-- logbook and the report written after it ("rapport d'étonnement").
--
-- One request is one row seen by two parties: the visitor's organisation (`org_id`) reads and writes all
-- of it; the host (`host_org_id`) reads it only once the visitor's manager has sent it on
-- (`sent_to_host_at`), never a draft nor a request its manager declined, and moves only its own steps
-- (the guard below, tested against the workflow's moves). Logbook entries stay with the visitor's
-- organisation unless the visitor shares one; the report reaches the host once submitted. Staff names the
-- other party needs come from a definer function that answers only a party, never from `users`.

-- ============================================================================ the yearly rule per programme
-- Short immersions (2 to 5 days a year per professional and theme by default): a programme may set its own
-- bounds. Read by every signed-in organisation (a warning shown to both sides), written by the lead.
create table immersion_rules (
  programme_id uuid primary key references programmes (id) on delete cascade,
  org_id uuid not null references organisations (id) on delete cascade,
  short_min_days integer not null default 2 check (short_min_days between 1 and 30),
  short_max_days integer not null default 5 check (short_max_days between 1 and 60),
  updated_at timestamptz not null default now(),
  check (short_max_days >= short_min_days)
);
create policy immersion_rules_read on immersion_rules for select to samen_app
  using ((select app.current_org_id()) is not null or (select app.is_platform_admin())
    or (select app.scope()) = 'system');
create policy immersion_rules_write on immersion_rules for all to samen_app
  using ((org_id = (select app.current_org_id()) and exists (select 1 from programmes p
      where p.id = programme_id and p.org_id = (select app.current_org_id())))
    or (select app.is_platform_admin()))
  with check ((org_id = (select app.current_org_id()) and exists (select 1 from programmes p
      where p.id = programme_id and p.org_id = (select app.current_org_id())))
    or (select app.is_platform_admin()));
select app.secure_table('immersion_rules');
grant select, insert, update, delete on immersion_rules to samen_app;
create trigger immersion_rules_audit after insert or update or delete on immersion_rules
  for each row execute function audit.on_change();

-- ============================================================================ requests
create table immersion_requests (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id) on delete cascade,
  host_org_id uuid not null references organisations (id) on delete cascade,
  offer_id uuid not null,
  period_id uuid references immersion_offer_periods (id) on delete set null,
  programme_id uuid references programmes (id) on delete set null,
  -- The professional who goes (a member of org_id, checked by the application) and who asked for it (the
  -- professional, or their manager proposing it).
  visitor_user_id uuid not null references users (id),
  requested_by uuid references users (id) on delete set null,
  status text not null default 'draft' check (status in ('draft', 'awaiting_manager', 'awaiting_host',
    'agreed', 'in_progress', 'completed', 'declined', 'withdrawn', 'cancelled')),
  status_reason text check (status_reason is null or length(status_reason) <= 1000),
  kind text not null check (kind in ('shadowing', 'short', 'long')),
  theme text not null,
  objectives text not null check (length(trim(objectives)) between 10 and 4000),
  schedule text check (schedule is null or length(schedule) <= 2000),
  starts_on date not null,
  ends_on date not null,
  -- Days spent with the host: working days (Mon–Fri) between the dates unless the schedule says otherwise.
  days integer not null check (days between 1 and 366),
  sent_to_host_at timestamptz,
  manager_decided_by uuid references users (id) on delete set null,
  manager_decided_at timestamptz,
  host_decided_by uuid references users (id) on delete set null,
  host_decided_at timestamptz,
  -- The confidentiality undertaking, accepted by the visitor themself.
  confidentiality_accepted_at timestamptz,
  -- The one reminder sent when the report is overdue (the reminder job's, never sent twice).
  report_reminded_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (org_id <> host_org_id),
  check (ends_on >= starts_on and ends_on - starts_on <= 366),
  check (kind <> 'shadowing' or ends_on = starts_on),
  check (status in ('draft', 'awaiting_manager', 'withdrawn') or status = 'declined'
    or sent_to_host_at is not null),
  unique (id, org_id),
  unique (id, host_org_id),
  foreign key (offer_id, host_org_id) references immersion_offers (id, org_id)
);
create index immersion_requests_org on immersion_requests (org_id, status);
create index immersion_requests_host on immersion_requests (host_org_id, status) where sent_to_host_at is not null;
create index immersion_requests_visitor on immersion_requests (visitor_user_id, theme, starts_on);
create index immersion_requests_offer on immersion_requests (offer_id, starts_on, ends_on);
create index immersion_requests_programme on immersion_requests (programme_id, status);

create policy immersion_requests_read on immersion_requests for select to samen_app
  using (org_id = (select app.current_org_id())
    or (host_org_id = (select app.current_org_id()) and sent_to_host_at is not null)
    or (select app.is_platform_admin()) or (select app.scope()) = 'system');
create policy immersion_requests_insert on immersion_requests for insert to samen_app
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
create policy immersion_requests_update on immersion_requests for update to samen_app
  using (org_id = (select app.current_org_id())
    or (host_org_id = (select app.current_org_id()) and sent_to_host_at is not null)
    or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id())
    or (host_org_id = (select app.current_org_id()) and sent_to_host_at is not null)
    or (select app.is_platform_admin()));
select app.secure_table('immersion_requests');
grant select, insert, update on immersion_requests to samen_app;
create trigger immersion_requests_audit after insert or update or delete on immersion_requests
  for each row execute function audit.on_change();

-- Each party makes its own moves of the workflow (src/common/immersions/request-workflow.ts) and no other:
-- the host approves, declines or cancels, changing only its decision; the visitor's organisation makes
-- every other move and never the host's, and changes the request's content only as a draft. Nobody moves a
-- request to other parties, another offer or another visitor. A new request starts as a draft or with the
-- manager. The platform administrator and the system (demo, jobs) are not a party.
-- The confidentiality undertaking is the visitor's own: accepted by the visitor themself, once, at the time
-- it is recorded, never withdrawn, not even by the platform administrator (the system's demo writes it).
create function app.immersion_requests_guard() returns trigger language plpgsql as $$
declare
  host_cols text[] := array['status', 'status_reason', 'host_decided_by', 'host_decided_at', 'updated_at'];
begin
  if app.scope() is distinct from 'system' then
    if tg_op = 'INSERT' and new.confidentiality_accepted_at is not null then
      raise exception 'only the visitor accepts the confidentiality undertaking' using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' and new.confidentiality_accepted_at is distinct from old.confidentiality_accepted_at then
      if old.confidentiality_accepted_at is not null or new.confidentiality_accepted_at is null
          or app.current_user_id() is distinct from old.visitor_user_id then
        raise exception 'only the visitor accepts the confidentiality undertaking, once' using errcode = '42501';
      end if;
      new.confidentiality_accepted_at := now();
    end if;
  end if;
  if app.is_platform_admin() or app.scope() = 'system' then return new; end if;
  if tg_op = 'INSERT' then
    if new.status not in ('draft', 'awaiting_manager') or new.host_decided_at is not null
        or new.sent_to_host_at is not null then
      raise exception 'an immersion request starts as a draft or with the manager' using errcode = '42501';
    end if;
    return new;
  end if;
  if (new.org_id, new.host_org_id, new.offer_id, new.visitor_user_id)
      is distinct from (old.org_id, old.host_org_id, old.offer_id, old.visitor_user_id) then
    raise exception 'an immersion request keeps its parties, offer and visitor' using errcode = '42501';
  end if;
  -- A period the host deletes leaves its requests without one (the foreign key's `set null`): allowed to
  -- both sides, the offer's capacity then applies.
  if new.period_id is null and old.period_id is not null then
    host_cols := array_append(host_cols, 'period_id');
  end if;
  if old.host_org_id = app.current_org_id() then
    if (to_jsonb(new) - host_cols) <> (to_jsonb(old) - host_cols)
      or not (new.status = old.status
        or (old.status = 'awaiting_host' and new.status in ('agreed', 'declined'))
        or (old.status in ('agreed', 'in_progress') and new.status = 'cancelled')) then
      raise exception 'the host may only approve, decline or cancel an immersion' using errcode = '42501';
    end if;
  elsif new.status <> old.status and not (
      (old.status = 'draft' and new.status in ('awaiting_manager', 'withdrawn'))
      or (old.status = 'awaiting_manager' and new.status in ('awaiting_host', 'declined', 'draft', 'withdrawn'))
      or (old.status = 'awaiting_host' and new.status = 'withdrawn')
      or (old.status = 'agreed' and new.status in ('in_progress', 'cancelled'))
      or (old.status = 'in_progress' and new.status in ('completed', 'cancelled'))) then
    raise exception 'the visitor''s organisation may not make this move' using errcode = '42501';
  elsif (new.host_decided_by, new.host_decided_at) is distinct from (old.host_decided_by, old.host_decided_at)
      or (new.sent_to_host_at is distinct from old.sent_to_host_at
        and not (old.status = 'awaiting_manager' and new.status = 'awaiting_host')) then
    raise exception 'the visitor''s organisation may not make this move' using errcode = '42501';
  elsif old.status <> 'draft' and (new.kind, new.theme, new.objectives, new.schedule, new.starts_on,
      new.ends_on, new.days, coalesce(new.period_id, old.period_id), new.programme_id)
      is distinct from (old.kind, old.theme, old.objectives, old.schedule, old.starts_on, old.ends_on,
        old.days, old.period_id, old.programme_id) then
    -- What the manager and the host approved is what takes place: changed only as a draft.
    raise exception 'an immersion request is changed only as a draft' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger immersion_requests_guard before insert or update on immersion_requests
  for each row execute function app.immersion_requests_guard();

-- ============================================================================ observer consents
-- The host's confirmation, per interview or activity, that the beneficiaries met agreed to an observer:
-- what and when, never who. Written by the host, read by both parties.
create table immersion_observer_consents (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null,
  org_id uuid not null,
  visitor_org_id uuid not null,
  held_on date not null,
  activity text not null check (length(trim(activity)) between 3 and 300),
  recorded_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (request_id, org_id) references immersion_requests (id, host_org_id) on delete cascade
);
create index immersion_observer_consents_request on immersion_observer_consents (request_id, held_on);

create policy immersion_observer_consents_read on immersion_observer_consents for select to samen_app
  using (org_id = (select app.current_org_id()) or visitor_org_id = (select app.current_org_id())
    or (select app.is_platform_admin()) or (select app.scope()) = 'system');
-- The host writes only on a request it sees (sent to it) whose visitor organisation is the one named.
create policy immersion_observer_consents_write on immersion_observer_consents for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check ((org_id = (select app.current_org_id()) and exists (select 1 from immersion_requests r
      where r.id = request_id and r.org_id = visitor_org_id and r.sent_to_host_at is not null
        and r.status in ('agreed', 'in_progress', 'completed')))
    or (select app.is_platform_admin()));
select app.secure_table('immersion_observer_consents');
grant select, insert, delete on immersion_observer_consents to samen_app;
create trigger immersion_observer_consents_audit after insert or update or delete on immersion_observer_consents
  for each row execute function audit.on_change();

-- ============================================================================ logbook
-- Dated entries the visitor writes; the host team reads only those the visitor shares.
create table immersion_logbook_entries (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null,
  org_id uuid not null,
  host_org_id uuid not null,
  entry_on date not null,
  body text not null check (length(trim(body)) between 3 and 8000),
  shared_with_host boolean not null default false,
  written_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (request_id, org_id) references immersion_requests (id, org_id) on delete cascade,
  foreign key (request_id, host_org_id) references immersion_requests (id, host_org_id) on delete cascade
);
create index immersion_logbook_entries_request on immersion_logbook_entries (request_id, entry_on);

create policy immersion_logbook_entries_read on immersion_logbook_entries for select to samen_app
  using (org_id = (select app.current_org_id())
    or (host_org_id = (select app.current_org_id()) and shared_with_host)
    or (select app.is_platform_admin()) or (select app.scope()) = 'system');
create policy immersion_logbook_entries_write on immersion_logbook_entries for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('immersion_logbook_entries');
grant select, insert, update, delete on immersion_logbook_entries to samen_app;
create trigger immersion_logbook_entries_audit after insert or update or delete on immersion_logbook_entries
  for each row execute function audit.on_change();

-- ============================================================================ report
-- The "rapport d'étonnement" / "verwonderingsverslag", due 14 days after the end; the host reads it once
-- submitted.
create table immersion_reports (
  request_id uuid primary key,
  org_id uuid not null,
  host_org_id uuid not null,
  surprised text not null default '' check (length(surprised) <= 8000),
  works_differently text not null default '' check (length(works_differently) <= 8000),
  to_transfer text not null default '' check (length(to_transfer) <= 8000),
  submitted_at timestamptz,
  written_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  check (submitted_at is null or (length(trim(surprised)) >= 3 and length(trim(works_differently)) >= 3
    and length(trim(to_transfer)) >= 3)),
  foreign key (request_id, org_id) references immersion_requests (id, org_id) on delete cascade,
  foreign key (request_id, host_org_id) references immersion_requests (id, host_org_id) on delete cascade
);

create policy immersion_reports_read on immersion_reports for select to samen_app
  using (org_id = (select app.current_org_id())
    or (host_org_id = (select app.current_org_id()) and submitted_at is not null)
    or (select app.is_platform_admin()) or (select app.scope()) = 'system');
create policy immersion_reports_write on immersion_reports for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('immersion_reports');
grant select, insert, update on immersion_reports to samen_app;
create trigger immersion_reports_audit after insert or update or delete on immersion_reports
  for each row execute function audit.on_change();

-- Once submitted, the report is what the host read: its content and submission never change and it is
-- never deleted, for anyone (like a submitted progress report version, migration 0025). Only its author
-- may go (a deleted user's `set null`).
create function app.immersion_reports_guard() returns trigger language plpgsql as $$
begin
  if old.submitted_at is not null then
    if tg_op = 'DELETE' then
      raise exception 'immersion report: kept once submitted' using errcode = '23514';
    end if;
    if (new.request_id, new.org_id, new.host_org_id, new.surprised, new.works_differently, new.to_transfer,
        new.submitted_at, new.updated_at, coalesce(new.written_by, old.written_by))
        is distinct from (old.request_id, old.org_id, old.host_org_id, old.surprised, old.works_differently,
          old.to_transfer, old.submitted_at, old.updated_at, old.written_by) then
      raise exception 'immersion report: frozen once submitted' using errcode = '23514';
    end if;
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end
$$;
create trigger immersion_reports_guard before update or delete on immersion_reports
  for each row execute function app.immersion_reports_guard();

-- ============================================================================ what one party needs of the other
-- Whether the caller's organisation is a party that sees the request (the visitor's always, the host's
-- once it was sent on).
create function app.immersion_party(p_request uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.is_authenticated() and exists (select 1 from immersion_requests r where r.id = p_request
    and (r.org_id = app.current_org_id()
      or (r.host_org_id = app.current_org_id() and r.sent_to_host_at is not null)))
$$;

-- The names of the people of a request (the visitor, who asked, who decided on each side): to a party only.
create function app.immersion_request_people(p_request uuid)
  returns table (role text, user_id uuid, display_name text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select x.role, u.id, u.display_name
  from immersion_requests r
  cross join lateral (values ('visitor', r.visitor_user_id), ('requested_by', r.requested_by),
    ('manager', r.manager_decided_by), ('host', r.host_decided_by)) as x(role, uid)
  join users u on u.id = x.uid
  where r.id = p_request and app.immersion_party(p_request)
$$;

-- Visitors already agreed on an offer whose dates overlap [from, to] (the request itself excepted): a count,
-- for the requester's warning and the host's capacity check.
create function app.immersion_offer_taken(p_offer uuid, p_from date, p_to date, p_except uuid)
  returns integer language sql stable security definer set search_path = pg_catalog, public as $$
  select count(*)::int from immersion_requests r
  where app.is_authenticated() and r.offer_id = p_offer and r.id is distinct from p_except
    and r.status in ('agreed', 'in_progress', 'completed')
    and r.starts_on <= p_to and r.ends_on >= p_from
$$;

-- Days of the professional's other short immersions on the theme starting in the calendar year (requests
-- that are neither drafts nor ended without taking place): to a party of the request only, a number.
create function app.immersion_year_days(p_request uuid) returns integer
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce(sum(o.days), 0)::int
  from immersion_requests r
  join immersion_requests o on o.visitor_user_id = r.visitor_user_id and o.theme = r.theme
    and o.id <> r.id and o.kind = 'short'
    and extract(year from o.starts_on) = extract(year from r.starts_on)
    and o.status in ('awaiting_manager', 'awaiting_host', 'agreed', 'in_progress', 'completed')
  where r.id = p_request and app.immersion_party(p_request)
$$;

-- The same before a request exists (the form's warning): the caller's own organisation's professional only.
create function app.immersion_year_days_for(p_user uuid, p_theme text, p_year integer) returns integer
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce(sum(o.days), 0)::int from immersion_requests o
  where app.is_authenticated() and o.visitor_user_id = p_user and o.theme = p_theme and o.kind = 'short'
    and extract(year from o.starts_on) = p_year
    and o.status in ('awaiting_manager', 'awaiting_host', 'agreed', 'in_progress', 'completed')
    and exists (select 1 from memberships m where m.user_id = p_user and m.org_id = app.current_org_id()
      and m.active)
$$;

-- ============================================================================ the partners' year
-- For each organisation of a programme: professionals it sent and received on immersions of the programme
-- completed (ended) in the year. To the programme's lead and partners (counts only).
create function app.immersion_partner_year(p_programme uuid, p_year integer)
  returns table (org_id uuid, sent integer, received integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with members as (select m.org_id from app.programme_members(p_programme, null) m),
  done as (
    select r.org_id, r.host_org_id, r.visitor_user_id from immersion_requests r
    where r.programme_id = p_programme and r.status = 'completed' and extract(year from r.ends_on) = p_year)
  select m.org_id,
    (select count(distinct d.visitor_user_id) from done d where d.org_id = m.org_id)::int,
    (select count(distinct d.visitor_user_id) from done d where d.host_org_id = m.org_id)::int
  from members m
  where app.is_authenticated() and (app.is_platform_admin()
    or exists (select 1 from members x where x.org_id = app.current_org_id()))
$$;

-- ============================================================================ indicator rules
-- Immersions of the programme, in the given statuses and of the given days, overlapping [from, to], whose
-- host is another partner of the programme. The subject is the professional, pseudonymous (a short hash of
-- the user id, never a name); the partner is the sending organisation.
create function app.ind_immersions_all(p_programme uuid, p_from date, p_to date, p_statuses text[],
  p_kinds text[], p_min_days integer, p_max_days integer)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select 'PRO-' || upper(substr(encode(sha256(convert_to('immersion:' || r.visitor_user_id::text, 'UTF8')),
      'hex'), 1, 10)), null::uuid, r.org_id, r.starts_on, r.ends_on, r.status
  from immersion_requests r
  where r.programme_id = p_programme and r.status = any (p_statuses)
    and (p_kinds is null or cardinality(p_kinds) = 0 or r.kind = any (p_kinds))
    and r.days between p_min_days and p_max_days
    and r.starts_on <= p_to and r.ends_on >= p_from
    and r.host_org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and r.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
$$;
create function app.ind_immersions_count(p_programme uuid, p_from date, p_to date, p_statuses text[],
  p_kinds text[], p_min_days integer, p_max_days integer, p_distinct boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, (case when p_distinct then count(distinct r.subject) else count(*) end)::int
  from app.ind_immersions_all(p_programme, p_from, p_to, p_statuses, p_kinds, p_min_days, p_max_days) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_immersions_records(p_programme uuid, p_from date, p_to date, p_statuses text[],
  p_kinds text[], p_min_days integer, p_max_days integer)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_immersions_all(p_programme, p_from, p_to, p_statuses, p_kinds, p_min_days, p_max_days) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;

revoke execute on function app.immersion_party(uuid), app.immersion_request_people(uuid),
  app.immersion_offer_taken(uuid, date, date, uuid), app.immersion_year_days(uuid),
  app.immersion_year_days_for(uuid, text, integer), app.immersion_partner_year(uuid, integer),
  app.ind_immersions_all(uuid, date, date, text[], text[], integer, integer),
  app.ind_immersions_count(uuid, date, date, text[], text[], integer, integer, boolean),
  app.ind_immersions_records(uuid, date, date, text[], text[], integer, integer) from public;
grant execute on function app.immersion_party(uuid), app.immersion_request_people(uuid),
  app.immersion_offer_taken(uuid, date, date, uuid), app.immersion_year_days(uuid),
  app.immersion_year_days_for(uuid, text, integer), app.immersion_partner_year(uuid, integer),
  app.ind_immersions_count(uuid, date, date, text[], text[], integer, integer, boolean),
  app.ind_immersions_records(uuid, date, date, text[], text[], integer, integer) to samen_app;
