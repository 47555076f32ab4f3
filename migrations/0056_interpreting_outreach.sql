-- Interpreter bookings and outreach contacts (issue 14, module accompaniment, parts interpreting and
-- outreach).
--
-- Bookings: an organisation books an interpreter (language or dialect, modality, slot, place or number,
-- domain, gender preference) from a samen organisation that offers interpreting (one with members in the
-- role interpreter, e.g. SeTIS wallon) or from an external service it names (the Flemish social
-- interpreting service, ISM Interprétariat). The booking organisation and the provider organisation read
-- it; the provider confirms (with the interpreter's name) or cancels; the booker records the outcome and
-- the feedback. A person of the booker's caseload may be named on the booking for the booker's own
-- follow-up; the interpreter never receives the name (the briefing says what they need to know).
-- An external interpreter gets a random token (kept as its sha256 only) that opens that booking only, from
-- 24 hours before its start to its end, through app.interpreting_external_booking (audited in the booking
-- organisation's chain).
--
-- Outreach contacts: an anonymous or pseudonymous log kept by the organisation (RLS: own organisation),
-- linked later to a person of the same organisation who has a consent in force (checked here). Counted by
-- accompaniment.outreach_contacts without double counting once linked.

create table interpreter_bookings (
  id uuid primary key default gen_random_uuid(),
  -- The booking organisation (the creator's).
  org_id uuid not null references organisations (id),
  language text not null check (language ~ '^[a-z]{3}$'),
  dialect text check (dialect is null or length(trim(dialect)) between 1 and 100),
  modality text not null check (modality in ('on_site', 'phone', 'video')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text check (place is null or length(trim(place)) between 2 and 300),
  phone text check (phone is null or phone ~ '^\+?[0-9 ./()-]{6,30}$'),
  video_url text check (video_url is null or (length(video_url) <= 500 and video_url ~ '^https://')),
  domain text not null check (domain in ('health', 'social', 'legal', 'administrative', 'education')),
  gender_preference text not null default 'none' check (gender_preference in ('none', 'female', 'male')),
  -- A person of the booker's caseload (never shown to the provider nor to the interpreter).
  person_id uuid references persons (id),
  -- What the interpreter needs to know (no name).
  briefing text check (briefing is null or length(briefing) <= 1000),
  provider_org_id uuid references organisations (id),
  external_service text check (external_service is null or length(trim(external_service)) between 2 and 200),
  provider_reference text check (provider_reference is null or length(trim(provider_reference)) between 1 and 100),
  cost_centre text check (cost_centre is null or length(trim(cost_centre)) between 1 and 100),
  status text not null default 'requested'
    check (status in ('requested', 'confirmed', 'done', 'cancelled', 'no_show')),
  interpreter_name text check (interpreter_name is null or length(trim(interpreter_name)) between 2 and 200),
  interpreter_email text check (interpreter_email is null
    or (length(interpreter_email) <= 254 and interpreter_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')),
  confirmed_at timestamptz,
  confirmed_by uuid references users (id),
  cancelled_at timestamptz,
  cancel_reason text check (cancel_reason is null or length(cancel_reason) <= 500),
  -- The external interpreter's access token (sha256), set when confirmed with an external interpreter.
  external_token_hash bytea unique,
  feedback_rating smallint check (feedback_rating is null or feedback_rating between 1 and 5),
  feedback_comment text check (feedback_comment is null or length(feedback_comment) <= 2000),
  feedback_flags text[] not null default '{}' check (feedback_flags <@ array['late', 'absent', 'language_mismatch',
    'quality', 'confidentiality', 'technical', 'other']),
  feedback_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at and ends_at <= starts_at + interval '12 hours'),
  check ((provider_org_id is null) <> (external_service is null)),
  check (provider_org_id is null or provider_org_id <> org_id),
  check (modality <> 'on_site' or place is not null),
  check (modality <> 'phone' or phone is not null),
  check (modality <> 'video' or video_url is not null),
  check (status not in ('confirmed', 'done', 'no_show') or interpreter_name is not null)
);
create index interpreter_bookings_org on interpreter_bookings (org_id, starts_at);
create index interpreter_bookings_provider on interpreter_bookings (provider_org_id, starts_at)
  where provider_org_id is not null;

create table outreach_contacts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  contact_on date not null,
  place text not null check (length(trim(place)) between 2 and 200),
  municipality_code text references territories (code),
  country text not null check (country in ('FR', 'BE')),
  -- A pseudonym or nickname, never an e-mail, a phone or a national number (checked by the API too).
  pseudonym text check (pseudonym is null or (length(trim(pseudonym)) between 1 and 60
    and pseudonym !~ '@' and pseudonym !~ '[0-9].*[0-9].*[0-9].*[0-9]')),
  age_band text not null default 'unknown'
    check (age_band in ('under_18', '18_25', '26_35', '36_50', '51_64', '65_plus', 'unknown')),
  language text check (language is null or language ~ '^[a-z]{3}$'),
  needs text[] not null default '{}' check (needs <@ array['food', 'shelter', 'health', 'legal_information',
    'administrative', 'language', 'psychosocial', 'other']),
  referral text check (referral is null or length(trim(referral)) between 2 and 200),
  note text check (note is null or length(note) <= 500),
  person_id uuid references persons (id),
  consent_id uuid references consents (id),
  linked_at timestamptz,
  linked_by uuid references users (id),
  recorded_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((person_id is null) = (consent_id is null) and (person_id is null) = (linked_at is null))
);
create index outreach_contacts_org on outreach_contacts (org_id, contact_on);
create index outreach_contacts_person on outreach_contacts (person_id) where person_id is not null;

-- ============================================================================ access

-- Organisations that offer interpreting: those with a member in the role interpreter.
create function app.interpreting_providers() returns table (id uuid, name_fr text, name_nl text, short_name text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select o.id, o.name_fr, o.name_nl, o.short_name from organisations o
  where app.is_authenticated() and o.status = 'active'
    and exists (select 1 from memberships m where m.org_id = o.id and 'interpreter' = any (m.roles))
  order by o.name_fr
$$;
revoke execute on function app.interpreting_providers() from public;
grant execute on function app.interpreting_providers() to samen_app;

create policy interpreter_bookings_read on interpreter_bookings for select to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated())
      and (org_id = (select app.current_org_id()) or provider_org_id = (select app.current_org_id()))));
create policy interpreter_bookings_insert on interpreter_bookings for insert to samen_app
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
create policy interpreter_bookings_update on interpreter_bookings for update to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated())
      and (org_id = (select app.current_org_id()) or provider_org_id = (select app.current_org_id()))))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated())
      and (org_id = (select app.current_org_id()) or provider_org_id = (select app.current_org_id()))));
select app.secure_table('interpreter_bookings');
grant select, insert, update on interpreter_bookings to samen_app;
create trigger interpreter_bookings_audit after insert or update or delete on interpreter_bookings
  for each row execute function audit.on_change('external_token_hash', 'interpreter_email');

create policy outreach_contacts_own on outreach_contacts for all to samen_app
  using ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())))
  with check ((select app.scope()) = 'system'
    or ((select app.is_authenticated()) and org_id = (select app.current_org_id())));
select app.secure_table('outreach_contacts');
grant select, insert, update, delete on outreach_contacts to samen_app;
create trigger outreach_contacts_audit after insert or update or delete on outreach_contacts
  for each row execute function audit.on_change();

-- ============================================================================ rules

-- The booking's workflow (src/common/accompaniment/interpreting-rules.ts): requested → confirmed →
-- done / no_show, cancelled from requested or confirmed. The provider organisation changes only the
-- answer (status, interpreter, its reference); the booker and the person named are fixed; the person is
-- of the booking organisation.
create function app.interpreter_bookings_guard() returns trigger language plpgsql
  security definer set search_path = pg_catalog, public as $$
begin
  if new.person_id is not null and (tg_op = 'INSERT' or new.person_id is distinct from old.person_id)
      and not exists (select 1 from persons p where p.id = new.person_id and p.org_id = new.org_id) then
    raise exception 'interpreting: the person is not of the booking organisation' using errcode = '23514';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'requested' then
      raise exception 'interpreting: a booking is created as requested' using errcode = '23514';
    end if;
    return new;
  end if;
  if (new.org_id, new.created_at, new.created_by) is distinct from (old.org_id, old.created_at, old.created_by)
      or new.provider_org_id is distinct from old.provider_org_id then
    raise exception 'interpreting: booker and provider are fixed' using errcode = '23514';
  end if;
  if new.status is distinct from old.status
      and (old.status, new.status) not in (('requested', 'confirmed'), ('requested', 'cancelled'),
        ('confirmed', 'cancelled'), ('confirmed', 'done'), ('confirmed', 'no_show')) then
    raise exception 'interpreting: % to % is not a move of the workflow', old.status, new.status
      using errcode = '23514';
  end if;
  -- The provider organisation (not the booker) answers: nothing but the answer may change.
  if app.scope() is distinct from 'system' and old.org_id is distinct from app.current_org_id()
      and (to_jsonb(new) - array['status', 'interpreter_name', 'provider_reference', 'confirmed_at',
        'confirmed_by', 'cancelled_at', 'cancel_reason', 'updated_at'])
        <> (to_jsonb(old) - array['status', 'interpreter_name', 'provider_reference', 'confirmed_at',
        'confirmed_by', 'cancelled_at', 'cancel_reason', 'updated_at']) then
    raise exception 'interpreting: the provider only answers the booking' using errcode = '42501';
  end if;
  if app.scope() is distinct from 'system' and old.org_id is distinct from app.current_org_id()
      and new.status not in ('requested', 'confirmed', 'cancelled') then
    raise exception 'interpreting: the provider only confirms or cancels' using errcode = '42501';
  end if;
  if new.status in ('cancelled', 'done', 'no_show') then
    -- The external access ends with the booking.
    if new.status = 'cancelled' then new.external_token_hash := null; end if;
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger interpreter_bookings_guard before insert or update on interpreter_bookings
  for each row execute function app.interpreter_bookings_guard();

-- Whether a person has a consent in force today (not withdrawn, not expired, not superseded).
create function app.person_has_active_consent(p_person uuid) returns uuid
  language sql stable security definer set search_path = pg_catalog, public as $$
  select c.id from consents c
  where c.person_id = p_person and c.withdrawn_on is null and c.given_on <= app.today()
    and (c.expires_on is null or c.expires_on >= app.today())
    and not exists (select 1 from consents s where s.supersedes_id = c.id)
  order by c.given_on desc, c.created_at desc limit 1
$$;
revoke execute on function app.person_has_active_consent(uuid) from public;

-- An outreach contact is linked to a person of its organisation who has a consent in force, named on
-- the link; the link is kept (no unlinking), the contact itself stays as recorded.
create function app.outreach_contacts_guard() returns trigger language plpgsql
  security definer set search_path = pg_catalog, public as $$
begin
  if tg_op = 'UPDATE' and (new.org_id, new.created_at) is distinct from (old.org_id, old.created_at) then
    raise exception 'outreach: organisation and creation are fixed' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and old.person_id is not null and new.person_id is distinct from old.person_id then
    raise exception 'outreach: a linked contact stays linked' using errcode = '23514';
  end if;
  if new.person_id is not null and (tg_op = 'INSERT' or old.person_id is null) then
    if not exists (select 1 from persons p where p.id = new.person_id and p.org_id = new.org_id) then
      raise exception 'outreach: the person is not of the organisation' using errcode = '23514';
    end if;
    if not exists (select 1 from consents c where c.id = new.consent_id and c.person_id = new.person_id
        and c.org_id = new.org_id and c.id = app.person_has_active_consent(new.person_id)) then
      raise exception 'outreach_no_consent: the person has no consent in force' using errcode = '23514';
    end if;
  end if;
  if tg_op = 'UPDATE' then new.updated_at := now(); end if;
  return new;
end $$;
create trigger outreach_contacts_guard before insert or update on outreach_contacts
  for each row execute function app.outreach_contacts_guard();

-- Whom a booking's mails go to: the provider organisation's interpreters and coordinators, and the user
-- who booked; for a transaction of the booking or the provider organisation only.
create function app.interpreting_addresses(p_booking uuid)
  returns table (side text, email text, locale text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select 'provider', u.email::text, u.locale
  from interpreter_bookings b join memberships m on m.org_id = b.provider_org_id
    join users u on u.id = m.user_id
  where b.id = p_booking and u.status = 'active'
    and ('interpreter' = any (m.roles) or 'coordinator' = any (m.roles))
    and app.current_org_id() in (b.org_id, b.provider_org_id)
  union all
  select 'booker', u.email::text, u.locale
  from interpreter_bookings b join users u on u.id = b.created_by
  where b.id = p_booking and u.status = 'active' and app.current_org_id() in (b.org_id, b.provider_org_id)
$$;
revoke execute on function app.interpreting_addresses(uuid) from public;
grant execute on function app.interpreting_addresses(uuid) to samen_app;

-- ============================================================================ external interpreter

-- The one booking a token opens, from p_lead before its start until its end, confirmed only; nothing
-- otherwise (the same empty answer for an unknown, a wrong, an expired or another booking's token).
-- p_now is the server's clock (tests fix it). Each opening is audited in the booking organisation's chain.
create function app.interpreting_external_booking(p_booking uuid, p_hash bytea, p_now timestamptz,
    p_lead interval)
  returns table (id uuid, language text, dialect text, modality text, starts_at timestamptz,
    ends_at timestamptz, place text, phone text, video_url text, domain text, briefing text,
    interpreter_name text, booker_name_fr text, booker_name_nl text)
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  b interpreter_bookings%rowtype;
begin
  select * into b from interpreter_bookings x
  where x.id = p_booking and x.external_token_hash = p_hash and x.status = 'confirmed'
    and p_now >= x.starts_at - p_lead and p_now < x.ends_at;
  if not found then return; end if;
  perform audit.append('read', 'interpreter_bookings', b.id::text, b.org_id, null, null,
    jsonb_build_object('what', 'external_interpreter'));
  return query select b.id, b.language, b.dialect, b.modality, b.starts_at, b.ends_at, b.place, b.phone,
    b.video_url, b.domain, b.briefing, b.interpreter_name, o.name_fr, o.name_nl
    from organisations o where o.id = b.org_id;
end $$;
revoke execute on function app.interpreting_external_booking(uuid, bytea, timestamptz, interval) from public;
grant execute on function app.interpreting_external_booking(uuid, bytea, timestamptz, interval) to samen_app;

-- ============================================================================ counting

-- accompaniment.outreach_contacts: persons reached by outreach in the period, without double counting once
-- linked (src/common/accompaniment/outreach-rules.ts reachedKey, tested on the same cases): a linked
-- contact counts once per participant code; an unlinked one once per pseudonym within its organisation,
-- else once. Members of the programme only.
create function app.ind_outreach_contacts_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select k.key, min(k.person_id::text)::uuid, k.org_id, min(k.contact_on), max(k.contact_on),
    count(*)::text
  from (
    select c.org_id, c.contact_on, c.person_id,
      case when c.person_id is not null then 'person:' || p.participant_code
        when c.pseudonym is not null then 'pseudonym:' || c.org_id || ':' || lower(trim(c.pseudonym))
        else 'contact:' || c.id end as key
    from outreach_contacts c left join persons p on p.id = c.person_id
    where c.contact_on between p_from and p_to
      and c.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
  ) k
  group by k.key, k.org_id
$$;
create function app.ind_outreach_contacts_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(distinct r.subject)::int
  from app.ind_outreach_contacts_all(p_programme, p_from, p_to) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_outreach_contacts_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select case when r.subject like 'person:%' then r.subject else 'outreach' end, r.person_id,
    r.partner_org_id, r.starts_on, r.ends_on, r.detail
  from app.ind_outreach_contacts_all(p_programme, p_from, p_to) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;
revoke execute on function app.ind_outreach_contacts_all(uuid, date, date),
  app.ind_outreach_contacts_count(uuid, date, date),
  app.ind_outreach_contacts_records(uuid, date, date) from public;
grant execute on function app.ind_outreach_contacts_count(uuid, date, date),
  app.ind_outreach_contacts_records(uuid, date, date) to samen_app;
