-- Immersion calendars (issue 11, Action 2): the secret iCalendar feed a user subscribes to in their
-- calendar application, and the programme's calendar its members read.
--
-- A feed is a user's own, in one organisation: the URL carries a random token of which only the SHA-256
-- hash is kept (a database leak gives no working feed). A calendar application has no session, so the feed
-- is opened by a definer function that answers only for a live token of an active member; the request then
-- acts as that user in that organisation and reads under the ordinary policies. Renewing revokes the live
-- feed and creates another; at most one is live per user and organisation.

-- ============================================================================ feeds
create table immersion_calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  org_id uuid not null references organisations (id) on delete cascade,
  token_hash bytea not null unique check (length(token_hash) = 32),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create unique index immersion_calendar_feeds_live on immersion_calendar_feeds (user_id, org_id)
  where revoked_at is null;

-- The user's own rows in the organisation they act for; nobody else's, not even their organisation's
-- administrators (a feed is a personal secret) and no other organisation.
create policy immersion_calendar_feeds_own on immersion_calendar_feeds for all to samen_app
  using (user_id = (select app.current_user_id()) and org_id = (select app.current_org_id()))
  with check (user_id = (select app.current_user_id()) and org_id = (select app.current_org_id()));
select app.secure_table('immersion_calendar_feeds');
-- The hash is written, compared by the definer function below, never read back by the application.
grant select (id, user_id, org_id, created_at, revoked_at), insert, update (revoked_at)
  on immersion_calendar_feeds to samen_app;
-- Creation and revocation are audited, without the hash.
create trigger immersion_calendar_feeds_audit after insert or update or delete on immersion_calendar_feeds
  for each row execute function audit.on_change('token_hash');

-- Who a live feed token acts for: its user, organisation, roles there and language, while the user is
-- active and still an accepted, active member. Nothing for an unknown or revoked token.
create function app.immersion_calendar_feed(p_token_hash bytea)
  returns table (user_id uuid, org_id uuid, roles text[], locale text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select f.user_id, f.org_id, m.roles, u.locale
  from immersion_calendar_feeds f
  join users u on u.id = f.user_id and u.status = 'active'
  join memberships m on m.user_id = f.user_id and m.org_id = f.org_id and m.active
    and m.accepted_at is not null
  where f.token_hash = p_token_hash and f.revoked_at is null
$$;

-- ============================================================================ the programme's calendar
-- Immersions of a programme that are agreed, under way or completed, overlapping [from, to], to the
-- programme's lead and partners: organisations, team, dates, kind, status and how many professionals,
-- never who (a partner is not a party to other partners' immersions; see the calendar service).
create function app.immersion_programme_calendar(p_programme uuid, p_from date, p_to date)
  returns table (org_id uuid, host_org_id uuid, unit_id uuid, kind text, status text, starts_on date,
    ends_on date, visitors integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.org_id, r.host_org_id, o.unit_id, r.kind, r.status, r.starts_on, r.ends_on,
    count(distinct r.visitor_user_id)::int
  from immersion_requests r
  join immersion_offers o on o.id = r.offer_id
  where r.programme_id = p_programme and r.status in ('agreed', 'in_progress', 'completed')
    and r.starts_on <= p_to and r.ends_on >= p_from
    and app.is_authenticated() and (app.is_platform_admin() or exists (
      select 1 from app.programme_members(p_programme, null) m where m.org_id = app.current_org_id()))
  group by r.org_id, r.host_org_id, o.unit_id, r.kind, r.status, r.starts_on, r.ends_on
$$;

revoke execute on function app.immersion_calendar_feed(bytea),
  app.immersion_programme_calendar(uuid, date, date) from public;
grant execute on function app.immersion_calendar_feed(bytea),
  app.immersion_programme_calendar(uuid, date, date) to samen_app;
