-- Check-in and attendance at forum events (issue 13), and the counting rules that need attendance.
--
-- Registrations: who marked someone present and from which status (undo puts them back), and a check-in
-- code per registration. The code travels in the registrant's QR code; only its sha256 is kept, and it
-- only lets a signed-in user of the organising organisation find the registration (the check-in page):
-- an anonymous person holding it learns nothing, as no public route takes it.
--
-- Awareness sessions with beneficiaries (any kind of event may use them): attendance recorded without
-- identities, as counts (participants, of whom first time at an awareness session of the programme,
-- optionally by home country) or as pseudonymous participant codes the organiser chooses (never names).
-- Both belong to the organising organisation alone, like the registrations.

alter table forum_registrations
  add column attended_at timestamptz,
  add column attended_from text check (attended_from in ('confirmed', 'waiting')),
  add column checkin_code_hash bytea;
-- Earlier attended rows (the demo's past forum) were confirmed places, present when the event began.
update forum_registrations r set attended_at = e.starts_at, attended_from = 'confirmed'
  from forum_events e where e.id = r.event_id and r.status = 'attended';
alter table forum_registrations add constraint forum_registrations_attended_check
  check ((status = 'attended') = (attended_at is not null and attended_from is not null));
create unique index forum_registrations_checkin on forum_registrations (event_id, checkin_code_hash)
  where checkin_code_hash is not null;
-- The code's hash joins the redacted columns of the audit; the feedback link's columns stay left out of it
-- (migration 0048: its use must not tie an answer to a registrant).
drop trigger forum_registrations_audit on forum_registrations;
create trigger forum_registrations_audit after insert or update or delete on forum_registrations
  for each row execute function audit.on_change('name', 'email', 'organisation', 'accessibility_needs',
    'cancel_token_hash', 'checkin_code_hash', '-feedback_token_hash', '-feedback_answered_at');

create table forum_attendance_counts (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references forum_events (id) on delete cascade,
  -- The event's organiser, copied for RLS.
  org_id uuid not null references organisations (id),
  -- Where the participants live; null when not split.
  home_country text check (home_country in ('FR', 'BE')),
  participants integer not null check (participants between 1 and 5000),
  -- Of whom at their first awareness session of the programme: the unique persons made aware.
  first_time integer not null check (first_time between 0 and participants),
  recorded_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index forum_attendance_counts_one on forum_attendance_counts (event_id, coalesce(home_country, '-'));

create table forum_attendance_codes (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references forum_events (id) on delete cascade,
  org_id uuid not null references organisations (id),
  -- Normalised by the application (src/common/forums/participant-codes.ts): capitals, digits and hyphens,
  -- at least one digit, never nine digits in a row (a national number) nor an e-mail address.
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{1,22}[A-Z0-9]$' and code ~ '[0-9]'
    and code !~ '[0-9]{9}'),
  recorded_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (event_id, code)
);
create index forum_attendance_codes_org on forum_attendance_codes (org_id, code);

create policy forum_attendance_counts_org on forum_attendance_counts for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
    and exists (select 1 from forum_events e where e.id = forum_attendance_counts.event_id
      and e.org_id = forum_attendance_counts.org_id));
select app.secure_table('forum_attendance_counts');
grant select, insert, update, delete on forum_attendance_counts to samen_app;
create trigger forum_attendance_counts_audit after insert or update or delete on forum_attendance_counts
  for each row execute function audit.on_change();

create policy forum_attendance_codes_org on forum_attendance_codes for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
    and exists (select 1 from forum_events e where e.id = forum_attendance_codes.event_id
      and e.org_id = forum_attendance_codes.org_id));
select app.secure_table('forum_attendance_codes');
grant select, insert, update, delete on forum_attendance_codes to samen_app;
create trigger forum_attendance_codes_audit after insert or update or delete on forum_attendance_codes
  for each row execute function audit.on_change();

-- ============================================================================ counting rules
-- SAM indicator 5, unique persons made aware of the cross-border identity: the persons present at the
-- programme's published awareness and information sessions held in the period (the sessions that inform
-- people about the other side of the border; forums, trainings and network meetings are participations,
-- RCO81). A person is one key: a registration's e-mail (across organisers), a participant code within
-- its organisation; a count row contributes its "first time" number. Mirrored by uniquePersonsAware in
-- src/common/forums/attendance-rules.ts. Each row: the person's key, the organiser, the session's day, and
-- n (null for a person, the first-timers of a count row).
create function app.ind_forum_persons_aware_all(p_programme uuid, p_from date, p_to date)
  returns table (person_key text, ref text, partner_org_id uuid, held_on date, n integer, title text,
    home_country text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with ev as (
    select e.id, e.org_id, e.title_fr, (e.starts_at at time zone 'Europe/Brussels')::date as day
    from forum_events e
    where e.programme_id = p_programme and e.status = 'published'
      and e.kind in ('awareness_session', 'information_session')
      and (e.starts_at at time zone 'Europe/Brussels')::date between p_from and p_to
      and e.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
  )
  select 'e:' || lower(trim(r.email)), r.id::text, ev.org_id, ev.day, null::integer, ev.title_fr, null::text
  from ev join forum_registrations r on r.event_id = ev.id where r.status = 'attended'
  union all
  select 'c:' || c.org_id || ':' || c.code, c.code, ev.org_id, ev.day, null::integer, ev.title_fr, null::text
  from ev join forum_attendance_codes c on c.event_id = ev.id
  union all
  select 'n:' || n.id, n.id::text, ev.org_id, ev.day, n.first_time, ev.title_fr, n.home_country
  from ev join forum_attendance_counts n on n.event_id = ev.id
$$;
revoke execute on function app.ind_forum_persons_aware_all(uuid, date, date) from public;

create function app.ind_forum_persons_aware_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id,
    (count(distinct r.person_key) filter (where r.n is null) + coalesce(sum(r.n), 0))::int
  from app.ind_forum_persons_aware_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;

-- One row per person and organiser (a registrant as "R-" and the start of their first registration's id,
-- never the address; a code as itself) with the sessions' first and last day and how many; one row per
-- count. The lead sees every row, a partner its own.
create function app.ind_forum_persons_aware_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select case when left(r.person_key, 2) = 'e:' then 'R-' || upper(left(replace(min(r.ref), '-', ''), 8))
      else min(r.ref) end,
    null::uuid, r.partner_org_id, min(r.held_on), max(r.held_on), count(*)::text || ' ×'
  from app.ind_forum_persons_aware_all(p_programme, p_from, p_to) r
  where r.n is null and app.indicator_row_visible(p_programme, r.partner_org_id)
  group by r.person_key, r.partner_org_id
  union all
  select r.title, null::uuid, r.partner_org_id, r.held_on, r.held_on,
    coalesce(r.home_country || ' ', '') || r.n::text
  from app.ind_forum_persons_aware_all(p_programme, p_from, p_to) r
  where r.n is not null and app.indicator_row_visible(p_programme, r.partner_org_id)
$$;

-- RCO81, participations in joint actions across borders: every attendance (a registration marked present,
-- a participant code, a counted participant) at the programme's published events of any kind held in the
-- period whose organiser and organising partners come from both countries. Three sessions are three
-- participations. One row per event with its participations (n).
create function app.ind_forum_participations_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text,
    n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select e.title_fr, null::uuid, e.org_id, (e.starts_at at time zone 'Europe/Brussels')::date,
    (e.ends_at at time zone 'Europe/Brussels')::date,
    'R ' || a.registrations || ' · C ' || a.codes || ' · N ' || a.counted,
    a.registrations + a.codes + a.counted
  from forum_events e
    cross join lateral (
      select count(*) filter (where o.country = 'FR')::int as fr, count(*) filter (where o.country = 'BE')::int as be
      from organisations o
      where o.id = e.org_id or o.id in (select p.partner_org_id from forum_event_partners p where p.event_id = e.id)
    ) c
    cross join lateral (
      select (select count(*) from forum_registrations r where r.event_id = e.id and r.status = 'attended')::int
          as registrations,
        (select count(*) from forum_attendance_codes k where k.event_id = e.id)::int as codes,
        (select coalesce(sum(n.participants), 0) from forum_attendance_counts n where n.event_id = e.id)::int
          as counted
    ) a
  where e.programme_id = p_programme and e.status = 'published'
    and (e.starts_at at time zone 'Europe/Brussels')::date between p_from and p_to
    and e.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and c.fr > 0 and c.be > 0 and a.registrations + a.codes + a.counted > 0
$$;
revoke execute on function app.ind_forum_participations_all(uuid, date, date) from public;

create function app.ind_forum_participations_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, coalesce(sum(r.n), 0)::int
  from app.ind_forum_participations_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_forum_participations_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.subject, r.person_id, r.partner_org_id, r.starts_on, r.ends_on, r.detail
  from app.ind_forum_participations_all(p_programme, p_from, p_to) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;

grant execute on function app.ind_forum_persons_aware_count(uuid, date, date),
  app.ind_forum_persons_aware_records(uuid, date, date),
  app.ind_forum_participations_count(uuid, date, date),
  app.ind_forum_participations_records(uuid, date, date) to samen_app;
