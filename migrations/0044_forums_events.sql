-- Forums and events (issue 13, module forums): thematic forums, awareness sessions, information sessions,
-- trainings and network meetings an organisation organises (with partner organisations), and the public
-- registrations to them: without an account, with a waiting list when the event is full and a
-- cancellation link whose token is kept only as a hash.
--
-- Reading events: every signed-in user of the network, the system, and anonymous visitors (scope public)
-- and the registration use cases (scope forum_registration) for a published or cancelled event only.
-- Writing events: the organising organisation only (partners are named, they do not edit).
-- Registrations: the organising organisation's users and the system; the anonymous registration use cases
-- run in their own scope 'forum_registration', which sees registrations and the events they are for and
-- no other tenant table (it has no organisation). The public scope sees no registration.

-- The new scope, next to 'public' and 'system' (the signed context's table accepts only known scopes).
alter table app.request_context drop constraint request_context_scope_check;
alter table app.request_context add constraint request_context_scope_check
  check (scope in ('public', 'system', 'forum_registration'));

create table forum_events (
  id uuid primary key default gen_random_uuid(),
  -- The organiser.
  org_id uuid not null references organisations (id),
  kind text not null check (kind in ('thematic_forum', 'awareness_session', 'information_session', 'training',
    'network_meeting')),
  title_fr text not null check (length(trim(title_fr)) between 2 and 200),
  title_nl text not null check (length(trim(title_nl)) between 2 and 200),
  description_fr text check (description_fr is null or length(description_fr) <= 5000),
  description_nl text check (description_nl is null or length(description_nl) <= 5000),
  theme text check (theme is null or length(trim(theme)) between 1 and 120),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  venue text check (venue is null or length(trim(venue)) between 2 and 500),
  online_url text check (online_url is null or (length(online_url) <= 500 and online_url ~ '^https://')),
  languages text[] not null check (cardinality(languages) between 1 and 2 and languages <@ array['fr', 'nl']),
  interpreting boolean not null default false,
  capacity integer not null check (capacity between 1 and 5000),
  audiences text[] not null check (cardinality(audiences) > 0
    and audiences <@ array['professionals', 'volunteers', 'associations', 'residents']),
  programme_id uuid references programmes (id),
  status text not null default 'draft' check (status in ('draft', 'published', 'cancelled')),
  published_at timestamptz,
  cancelled_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (venue is not null or online_url is not null)
);
create index forum_events_org on forum_events (org_id, starts_at desc);
create index forum_events_starts on forum_events (starts_at) where status = 'published';

create table forum_event_partners (
  event_id uuid not null references forum_events (id) on delete cascade,
  partner_org_id uuid not null references organisations (id),
  -- The organiser, copied so that the write policy needs no join.
  org_id uuid not null references organisations (id),
  created_at timestamptz not null default now(),
  primary key (event_id, partner_org_id),
  check (partner_org_id <> org_id)
);
create index forum_event_partners_partner on forum_event_partners (partner_org_id);

create table forum_registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references forum_events (id) on delete cascade,
  -- The event's organiser, copied for RLS.
  org_id uuid not null references organisations (id),
  name text not null check (length(trim(name)) between 2 and 200),
  email text not null check (length(email) between 3 and 254 and email = lower(email)),
  organisation text check (organisation is null or length(trim(organisation)) between 1 and 200),
  language text not null check (language in ('fr', 'nl', 'en')),
  accessibility_needs text check (accessibility_needs is null or length(accessibility_needs) <= 1000),
  consent_contact boolean not null default false,
  status text not null check (status in ('confirmed', 'waiting', 'cancelled', 'attended')),
  -- Order of arrival within the event; the waiting list is the waiting rows in this order.
  position integer not null check (position > 0),
  -- sha256 of the single-use cancellation token; cleared once used.
  cancel_token_hash bytea unique,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  cancelled_at timestamptz,
  promoted_at timestamptz,
  unique (event_id, position),
  check ((status = 'cancelled') = (cancelled_at is not null))
);
create index forum_registrations_event on forum_registrations (event_id, status, position);
-- One live registration per address and event (a cancelled one may register again).
create unique index forum_registrations_one_live on forum_registrations (event_id, email) where status <> 'cancelled';

create policy forum_events_read on forum_events for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or ((select app.scope()) in ('public', 'forum_registration') and status in ('published', 'cancelled')));
create policy forum_events_write on forum_events for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or (select app.scope()) = 'system');
select app.secure_table('forum_events');
grant select, insert, update, delete on forum_events to samen_app;
create trigger forum_events_audit after insert or update or delete on forum_events
  for each row execute function audit.on_change();

create policy forum_event_partners_read on forum_event_partners for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or ((select app.scope()) = 'public' and exists (select 1 from forum_events e
      where e.id = forum_event_partners.event_id and e.status in ('published', 'cancelled'))));
create policy forum_event_partners_write on forum_event_partners for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
    and exists (select 1 from forum_events e where e.id = forum_event_partners.event_id
      and e.org_id = forum_event_partners.org_id));
select app.secure_table('forum_event_partners');
grant select, insert, delete on forum_event_partners to samen_app;
create trigger forum_event_partners_audit after insert or update or delete on forum_event_partners
  for each row execute function audit.on_change();

create policy forum_registrations_org on forum_registrations for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
    and exists (select 1 from forum_events e where e.id = forum_registrations.event_id
      and e.org_id = forum_registrations.org_id));
-- The anonymous registration use cases: registrations of published (or cancelled) events only, never deleted.
create policy forum_registrations_public_read on forum_registrations for select to samen_app
  using ((select app.scope()) = 'forum_registration');
create policy forum_registrations_public_insert on forum_registrations for insert to samen_app
  with check ((select app.scope()) = 'forum_registration' and exists (select 1 from forum_events e
    where e.id = forum_registrations.event_id and e.org_id = forum_registrations.org_id
      and e.status = 'published'));
create policy forum_registrations_public_update on forum_registrations for update to samen_app
  using ((select app.scope()) = 'forum_registration')
  with check ((select app.scope()) = 'forum_registration');
select app.secure_table('forum_registrations');
grant select, insert, update, delete on forum_registrations to samen_app;
create trigger forum_registrations_audit after insert or update or delete on forum_registrations
  for each row execute function audit.on_change('name', 'email', 'organisation', 'accessibility_needs',
    'cancel_token_hash');
