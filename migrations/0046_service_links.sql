-- The cross-border services network (issue 13, indicators 4 and 6). A directory service joins the network
-- by a link with a partner service on the other side of the border: proposed by one organisation, accepted
-- by the partner's → active; ended by either. Each side says what its own service accepts from the other
-- (orientations, a shared desk, the other side's residents). The providing service records, per month, how
-- many persons from the other country it served (counts, optionally pseudonymous participant codes when the
-- person is followed in samen; never a name).
--
-- Reading links: every signed-in member of the network. Writing a link: the organisations of its two
-- services, each for its side (a trigger guards who may do which move). Use counts: the providing
-- service's organisation only; the programme monitoring reads their sums through definer functions.

create table service_links (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references services (id) on delete cascade,
  partner_service_id uuid not null references services (id) on delete cascade,
  -- The two services' organisations, copied by the trigger (never trusted from the caller), so that the
  -- policies need no join.
  org_id uuid not null references organisations (id),
  partner_org_id uuid not null references organisations (id),
  proposed_by_org_id uuid not null references organisations (id),
  status text not null default 'proposed' check (status in ('proposed', 'active', 'ended')),
  since date not null,
  until date check (until is null or until >= since),
  -- What each side's service accepts from the other side.
  service_accepts text[] not null default '{}'
    check (service_accepts <@ array['orientation', 'shared_desk', 'residents']::text[]),
  partner_accepts text[] not null default '{}'
    check (partner_accepts <@ array['orientation', 'shared_desk', 'residents']::text[]),
  note text check (note is null or length(note) <= 1000),
  proposed_by uuid references users (id),
  accepted_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (service_id <> partner_service_id),
  check (proposed_by_org_id in (org_id, partner_org_id)),
  check ((status = 'proposed') = (accepted_at is null and ended_at is null) or status = 'ended'),
  check ((status = 'ended') = (ended_at is not null))
);
create index service_links_service on service_links (service_id);
create index service_links_partner on service_links (partner_service_id);
-- One open link per pair of services, whichever side proposed it.
create unique index service_links_open_pair on service_links
  (least(service_id, partner_service_id), greatest(service_id, partner_service_id)) where status <> 'ended';

-- The organisation and country of a service, whatever the caller may read (a partner's draft included).
create function app.service_org_country(p_service uuid, out org_id uuid, out country text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select s.org_id, o.country from services s join organisations o on o.id = s.org_id where s.id = p_service
$$;
revoke execute on function app.service_org_country(uuid) from public;
-- The guards run as the caller: they need it (a service's organisation is public in the directory).
grant execute on function app.service_org_country(uuid) to samen_app;

-- Copies the organisations, refuses two services of one country, and lets each side make only its moves:
-- the proposing organisation creates, the other accepts, either ends; each writes its own side's terms.
create function app.service_links_guard() returns trigger
  language plpgsql set search_path = pg_catalog, public as $$
declare
  a record;
  b record;
  v_org uuid := app.current_org_id();
  v_system boolean := app.scope() = 'system';
begin
  if tg_op = 'UPDATE' and (new.service_id <> old.service_id or new.partner_service_id <> old.partner_service_id
      or new.proposed_by_org_id <> old.proposed_by_org_id or new.since <> old.since
      or new.created_at <> old.created_at) then
    raise exception 'a link''s services, proposer and start do not change' using errcode = '23514';
  end if;
  select * into a from app.service_org_country(new.service_id);
  select * into b from app.service_org_country(new.partner_service_id);
  if a.org_id is null or b.org_id is null then
    raise exception 'unknown service' using errcode = '23503';
  end if;
  if a.country = b.country then
    raise exception 'a cross-border link joins services of two countries' using errcode = '23514';
  end if;
  new.org_id := a.org_id;
  new.partner_org_id := b.org_id;
  if tg_op = 'INSERT' then
    if new.status <> 'proposed' and not v_system then
      raise exception 'a link starts as a proposal' using errcode = '42501';
    end if;
    if not v_system and new.proposed_by_org_id is distinct from v_org then
      raise exception 'a link is proposed by the caller''s organisation' using errcode = '42501';
    end if;
    return new;
  end if;
  if v_system then
    new.updated_at := now();
    return new;
  end if;
  if old.status = 'ended' then
    raise exception 'an ended link does not change' using errcode = '42501';
  end if;
  if new.status <> old.status and not (
      (old.status = 'proposed' and new.status = 'active' and v_org <> old.proposed_by_org_id)
      or (new.status = 'ended')) then
    raise exception 'move not allowed for this side' using errcode = '42501';
  end if;
  if new.service_accepts is distinct from old.service_accepts and v_org <> old.org_id then
    raise exception 'each side writes its own terms' using errcode = '42501';
  end if;
  if new.partner_accepts is distinct from old.partner_accepts and v_org <> old.partner_org_id then
    raise exception 'each side writes its own terms' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger service_links_guard before insert or update on service_links
  for each row execute function app.service_links_guard();

create policy service_links_read on service_links for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy service_links_insert on service_links for insert to samen_app
  with check (proposed_by_org_id = (select app.current_org_id()) or (select app.scope()) = 'system');
create policy service_links_update on service_links for update to samen_app
  using (org_id = (select app.current_org_id()) or partner_org_id = (select app.current_org_id())
    or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or partner_org_id = (select app.current_org_id())
    or (select app.scope()) = 'system');
select app.secure_table('service_links');
-- No delete: a link ends, and its history stays for the indicators.
grant select, insert, update on service_links to samen_app;
create trigger service_links_audit after insert or update or delete on service_links
  for each row execute function audit.on_change();

create table service_cross_border_use (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references services (id) on delete cascade,
  -- The providing service's organisation, copied by the trigger.
  org_id uuid not null references organisations (id),
  month date not null check (extract(day from month) = 1),
  -- Where the persons live: the other country than the service's (checked by the trigger).
  home_country text not null check (home_country in ('FR', 'BE')),
  persons integer not null check (persons between 0 and 100000),
  -- Pseudonymous codes of persons followed in samen (the people module's participant codes), never names.
  participant_codes text[] not null default '{}'
    check (cardinality(participant_codes) <= persons
      and array_to_string(participant_codes, ',') ~ '^([0-9A-Z]{4}(-[0-9A-Z]{4}){3}(,|$))*$'),
  recorded_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (service_id, month, home_country)
);
create index service_cross_border_use_org on service_cross_border_use (org_id, month);

create function app.service_cross_border_use_guard() returns trigger
  language plpgsql set search_path = pg_catalog, public as $$
declare
  a record;
begin
  select * into a from app.service_org_country(new.service_id);
  if a.org_id is null then
    raise exception 'unknown service' using errcode = '23503';
  end if;
  if a.country = new.home_country then
    raise exception 'persons from the other country only' using errcode = '23514';
  end if;
  new.org_id := a.org_id;
  if tg_op = 'UPDATE' then new.updated_at := now(); end if;
  return new;
end
$$;
create trigger service_cross_border_use_guard before insert or update on service_cross_border_use
  for each row execute function app.service_cross_border_use_guard();

create policy service_cross_border_use_rw on service_cross_border_use for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or (select app.scope()) = 'system');
select app.secure_table('service_cross_border_use');
grant select, insert, update, delete on service_cross_border_use to samen_app;
create trigger service_cross_border_use_audit after insert or update or delete on service_cross_border_use
  for each row execute function audit.on_change();

-- ============================================================================ counting rules
-- Indicator "services integrated in a cross-border network": the programme members' services with a link
-- accepted (active, or ended since) that was in force at some point of [from, to]. Services are public
-- within the network: the rows go to every signed-in caller, as for app.ind_services_rows.
create function app.ind_service_links_rows(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select side.service_id::text, null::uuid, side.org_id, min(l.since), max(l.until), s.theme
  from service_links l
  cross join lateral (values (l.service_id, l.org_id), (l.partner_service_id, l.partner_org_id))
    as side (service_id, org_id)
  join services s on s.id = side.service_id
  where (app.is_authenticated() or app.is_platform_admin())
    and l.accepted_at is not null and l.since <= p_to and (l.until is null or l.until >= p_from)
    and side.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
  group by side.service_id, side.org_id, s.theme
$$;

-- Indicator "persons using the cross-border services offer": the sum of the monthly counts recorded by the
-- programme members' services for the months of [from, to] (participations: a person served in two months
-- is counted twice). Counts by partner and in total to every signed-in caller; the monthly rows to the
-- lead and to each partner for its own.
create function app.ind_cross_border_use_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text,
    persons integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select u.service_id::text || ':' || to_char(u.month, 'YYYY-MM') || ':' || u.home_country, null::uuid,
    u.org_id, u.month, (u.month + interval '1 month' - interval '1 day')::date,
    u.home_country || ' ' || u.persons, u.persons
  from service_cross_border_use u
  where u.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and u.month <= p_to and u.month >= date_trunc('month', p_from)::date
$$;
revoke execute on function app.ind_cross_border_use_all(uuid, date, date) from public;
create function app.ind_cross_border_use_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, coalesce(sum(r.persons), 0)::int
  from app.ind_cross_border_use_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_cross_border_use_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.subject, r.person_id, r.partner_org_id, r.starts_on, r.ends_on, r.detail
  from app.ind_cross_border_use_all(p_programme, p_from, p_to) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;
grant execute on function app.ind_service_links_rows(uuid, date, date),
  app.ind_cross_border_use_count(uuid, date, date), app.ind_cross_border_use_records(uuid, date, date)
  to samen_app;
