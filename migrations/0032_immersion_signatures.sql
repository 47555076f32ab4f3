-- The immersion agreement's signatures (issue 11): once the manager and the host approved, the agreement
-- is signed by three parties (the visitor, who thereby takes the confidentiality undertaking; their
-- organisation; the host), each for the agreement's current version, as the placement agreements are:
-- in the signer's own session, through a single-use link mailed to them (only its hash is kept), or on
-- paper, recorded by the staff member who witnessed it. Amending an agreed immersion (dates, schedule,
-- objectives) makes a new version: the old version's signatures stay as its history and the new one is
-- signed again. The immersion starts only once its current version is signed by all three.

alter table immersion_requests add column agreement_version integer not null default 1
  check (agreement_version >= 1);

create table immersion_signatures (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null,
  org_id uuid not null references organisations (id),
  host_org_id uuid not null references organisations (id),
  version integer not null check (version >= 1),
  -- The visitor (the professional), the visitor's organisation, the host.
  role text not null check (role in ('visitor', 'visitor_org', 'host')),
  signer_name text not null check (length(trim(signer_name)) between 2 and 200),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  -- For a signature made in the signer's own session: who they are.
  signer_user_id uuid references users (id),
  -- Single-use link: only the hash is kept; cleared once used.
  token_hash bytea unique,
  token_expires_at timestamptz,
  requested_by uuid not null references users (id),
  requested_at timestamptz not null default now(),
  method text check (method in ('account', 'link', 'in_person')),
  signed_at timestamptz,
  -- For a signature made on paper: the staff member who witnessed it, named as they were then (the other
  -- party prints the name without reading that organisation's users).
  recorded_by uuid references users (id),
  witness_name text check (witness_name is null or length(trim(witness_name)) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (request_id, version, role),
  check ((signed_at is null) = (method is null)),
  check (method is distinct from 'in_person' or (recorded_by is not null and witness_name is not null)),
  check (method is distinct from 'account' or signer_user_id is not null),
  foreign key (request_id, org_id) references immersion_requests (id, org_id) on delete cascade,
  foreign key (request_id, host_org_id) references immersion_requests (id, host_org_id) on delete cascade
);
create index immersion_signatures_request on immersion_signatures (request_id, version);

-- Both parties read every signature of the agreement; each side writes only its own signers' rows.
create policy immersion_signatures_read on immersion_signatures for select to samen_app
  using (org_id = (select app.current_org_id()) or host_org_id = (select app.current_org_id())
    or (select app.is_platform_admin()) or (select app.scope()) = 'system');
create policy immersion_signatures_write on immersion_signatures for all to samen_app
  using ((role in ('visitor', 'visitor_org') and org_id = (select app.current_org_id()))
    or (role = 'host' and host_org_id = (select app.current_org_id())) or (select app.scope()) = 'system')
  with check ((role in ('visitor', 'visitor_org') and org_id = (select app.current_org_id()))
    or (role = 'host' and host_org_id = (select app.current_org_id())) or (select app.scope()) = 'system');
select app.secure_table('immersion_signatures');
-- The token's hash is never read back by the application: links are opened by the definer functions below.
grant select (id, request_id, org_id, host_org_id, version, role, signer_name, email, signer_user_id,
  token_expires_at, requested_by, requested_at, method, signed_at, recorded_by, witness_name, created_at,
  updated_at)
  on immersion_signatures to samen_app;
grant insert, update on immersion_signatures to samen_app;
create trigger immersion_signatures_audit after insert or update or delete on immersion_signatures
  for each row execute function audit.on_change('token_hash');

-- A signature is asked for or made only while the agreement awaits its signatures, for its current
-- version; a signature made is final; one made in a session is the session user's own (the visitor's
-- own for the visitor's); a link is signed only through its token (the system scope of the link flow).
create function app.immersion_signatures_guard() returns trigger language plpgsql as $$
declare
  req immersion_requests%rowtype;
begin
  if app.scope() = 'system' then return new; end if;
  if tg_op = 'UPDATE' and old.signed_at is not null then
    raise exception 'a signature made is final' using errcode = '42501';
  end if;
  if tg_op = 'UPDATE' and (new.request_id, new.version, new.role) is distinct from
      (old.request_id, old.version, old.role) then
    raise exception 'a signature keeps its agreement, version and role' using errcode = '42501';
  end if;
  select * into req from immersion_requests where id = new.request_id;
  if req.status is distinct from 'agreed' or new.version is distinct from req.agreement_version then
    raise exception 'the agreement does not await this version''s signatures' using errcode = '42501';
  end if;
  if new.method = 'link' then
    raise exception 'a link is signed only through its token' using errcode = '42501';
  end if;
  if new.method = 'in_person' and new.recorded_by is distinct from app.current_user_id() then
    raise exception 'a paper signature is recorded by its witness' using errcode = '42501';
  end if;
  if new.method = 'account' and (new.signer_user_id is distinct from app.current_user_id()
      or (new.role = 'visitor' and new.signer_user_id is distinct from req.visitor_user_id)) then
    raise exception 'a signature in a session is the session user''s own' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger immersion_signatures_guard before insert or update on immersion_signatures
  for each row execute function app.immersion_signatures_guard();

-- What a signature link opens, for its holder (no session): which agreement and role. NULL when the link is
-- unknown, used, expired, replaced or for an older version, or the agreement no longer awaits signatures.
create function app.immersion_signature_by_token(p_token_hash bytea) returns jsonb
  language sql stable security definer set search_path = pg_catalog, public as $$
  select jsonb_build_object('signatureId', s.id, 'requestId', r.id, 'role', s.role,
    'signerName', s.signer_name, 'version', s.version, 'orgId', r.org_id, 'hostOrgId', r.host_org_id)
  from immersion_signatures s
  join immersion_requests r on r.id = s.request_id
  where s.token_hash = p_token_hash and s.signed_at is null and s.token_expires_at > now()
    and s.version = r.agreement_version and r.status = 'agreed'
$$;

-- Signs through the link: single use, only while the agreement awaits this version's signatures.
create function app.immersion_sign_by_token(p_token_hash bytea) returns uuid
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_id uuid;
begin
  update immersion_signatures s set signed_at = now(), method = 'link', token_hash = null, updated_at = now()
  from immersion_requests r
  where s.token_hash = p_token_hash and s.signed_at is null and s.token_expires_at > now()
    and r.id = s.request_id and s.version = r.agreement_version and r.status = 'agreed'
  returning s.request_id into v_id;
  return v_id;
end
$$;
revoke execute on function app.immersion_signature_by_token(bytea), app.immersion_sign_by_token(bytea)
  from public;
grant execute on function app.immersion_signature_by_token(bytea), app.immersion_sign_by_token(bytea)
  to samen_app;

-- Whether the agreement's current version is signed by all three parties (the start's condition).
create function app.immersion_fully_signed(p_request uuid, p_version integer) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select count(distinct s.role) = 3 from immersion_signatures s
  where s.request_id = p_request and s.version = p_version and s.signed_at is not null
$$;
revoke execute on function app.immersion_fully_signed(uuid, integer) from public;
grant execute on function app.immersion_fully_signed(uuid, integer) to samen_app;

-- The request's guard of 0027, now with the agreement's versions: an agreed immersion not yet started may be
-- amended by either party (objectives, schedule, dates and days; never its kind, theme, period, programme
-- or parties), each amendment making the next version; it starts only once that version is signed.
create or replace function app.immersion_requests_guard() returns trigger language plpgsql as $$
declare
  host_cols text[] := array['status', 'status_reason', 'host_decided_by', 'host_decided_at', 'updated_at'];
  amending boolean := false;
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
        or new.sent_to_host_at is not null or new.agreement_version <> 1 then
      raise exception 'an immersion request starts as a draft or with the manager' using errcode = '42501';
    end if;
    return new;
  end if;
  if (new.org_id, new.host_org_id, new.offer_id, new.visitor_user_id)
      is distinct from (old.org_id, old.host_org_id, old.offer_id, old.visitor_user_id) then
    raise exception 'an immersion request keeps its parties, offer and visitor' using errcode = '42501';
  end if;
  if new.agreement_version is distinct from old.agreement_version then
    if not (old.status = 'agreed' and new.status = 'agreed'
        and new.agreement_version = old.agreement_version + 1) then
      raise exception 'an agreed immersion is amended one version at a time' using errcode = '42501';
    end if;
    amending := true;
    host_cols := host_cols || array['objectives', 'schedule', 'starts_on', 'ends_on', 'days',
      'agreement_version'];
  end if;
  if old.status = 'agreed' and new.status = 'in_progress'
      and not app.immersion_fully_signed(old.id, old.agreement_version) then
    raise exception 'an immersion starts once its agreement is signed' using errcode = '42501';
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
      raise exception 'the host may only approve, decline, amend or cancel an immersion' using errcode = '42501';
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
  elsif old.status <> 'draft' and (new.kind, new.theme, coalesce(new.period_id, old.period_id),
      new.programme_id) is distinct from (old.kind, old.theme, old.period_id, old.programme_id) then
    raise exception 'an immersion request is changed only as a draft' using errcode = '42501';
  elsif old.status <> 'draft' and not amending and (new.objectives, new.schedule, new.starts_on,
      new.ends_on, new.days) is distinct from (old.objectives, old.schedule, old.starts_on, old.ends_on,
        old.days) then
    -- What the manager and the host approved is what takes place: changed as a draft, or by an amendment
    -- that all three sign again.
    raise exception 'an immersion request is changed only as a draft' using errcode = '42501';
  end if;
  return new;
end
$$;
