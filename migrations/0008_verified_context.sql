-- Defence in depth in the database (issue 7): what holds even against a connection that runs arbitrary SQL
-- as the application's login role.
--
-- 1. The request context (user, organisation, platform admin, scope) is no longer a setting anyone may
--    write with set_config(): app.begin_request() accepts it only when the application signed it with
--    the context key, which lives in a table only the owner can read, and records it for this backend
--    and transaction. The policies read it back through app.current_*(). ADR 0011.
-- 2. Definer functions run as the owner; FORCE ROW LEVEL SECURITY applies to the owner too, so each tenant
--    table gets an owner policy: the functions work for a plain owner, no BYPASSRLS needed.
-- 3. Audit entries go to the chain of the verified organisation (audit.record); reads of persons go to
--    the person's home chain (audit.person_read). audit.append is internal.
-- 4. Sign-in is decided in the database: the application gets the salt of a password hash, never the hash,
--    and the lock-out settings are the platform's, not the caller's.
-- 5. Accounts: columns that only their holder (or a platform admin) may change are guarded; an existing
--    account joins an organisation only when its holder accepts; a platform administrator belongs to none.
-- 6. A host reads the name and e-mail of the person's signature only when the person's identity (contact)
--    was granted to it.

-- ============================================================================ verified request context
create table app.context_key (
  singleton boolean primary key default true check (singleton),
  key bytea not null check (length(key) >= 32),
  created_at timestamptz not null default now()
);
revoke all on app.context_key from public;
-- 366 random bits from the server's strong random source.
insert into app.context_key (key)
  values (uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));

-- One row per backend: the context of the transaction that runs there now. Unlogged: it never needs to
-- survive a crash, and writing it costs a read-only request no WAL flush.
create unlogged table app.request_context (
  backend_pid integer primary key,
  xact xid8 not null,
  user_id uuid,
  org_id uuid,
  platform_admin boolean not null default false,
  scope text check (scope in ('public', 'system')),
  request_id text
);
revoke all on app.request_context from public;

-- Platform settings the database enforces itself (written at start by the owner from the configuration).
create table app.settings (
  singleton boolean primary key default true check (singleton),
  login_max_failures integer not null default 5 check (login_max_failures between 1 and 100),
  login_lock_minutes integer not null default 15 check (login_lock_minutes between 1 and 1440)
);
revoke all on app.settings from public;
insert into app.settings default values;

create function app.configure(p_login_max_failures integer, p_login_lock_minutes integer) returns void
  language sql volatile set search_path = pg_catalog, public as $$
  update app.settings set login_max_failures = p_login_max_failures, login_lock_minutes = p_login_lock_minutes
$$;
revoke execute on function app.configure(integer, integer) from public;

-- Sets the context of the current transaction. p_context is the JSON the application signed:
-- {"user","org","admin","scope","req","iat"}; p_mac = sha256(key || sha256(key || p_context)).
create function app.begin_request(p_context text, p_mac bytea) returns void
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_key bytea;
  v jsonb;
  v_iat double precision;
begin
  select k.key into v_key from app.context_key k;
  -- Compared through one more hash, so the comparison's timing says nothing about the expected value.
  if v_key is null or p_context is null or p_mac is null
    or sha256(p_mac) <> sha256(sha256(v_key || sha256(v_key || convert_to(p_context, 'UTF8')))) then
    raise exception 'request context refused: not signed by the application' using errcode = '42501';
  end if;
  v := p_context::jsonb;
  v_iat := (v ->> 'iat')::double precision;
  if v_iat is null or abs(extract(epoch from clock_timestamp()) - v_iat) > 300 then
    raise exception 'request context refused: stale signature' using errcode = '42501';
  end if;
  insert into app.request_context as c (backend_pid, xact, user_id, org_id, platform_admin, scope, request_id)
  values (pg_backend_pid(), pg_current_xact_id(), nullif(v ->> 'user', '')::uuid, nullif(v ->> 'org', '')::uuid,
    coalesce((v ->> 'admin')::boolean, false), nullif(v ->> 'scope', ''), nullif(v ->> 'req', ''))
  on conflict (backend_pid) do update set xact = excluded.xact, user_id = excluded.user_id,
    org_id = excluded.org_id, platform_admin = excluded.platform_admin, scope = excluded.scope,
    request_id = excluded.request_id;
end
$$;

-- The readers keep their names and signatures, so every existing policy and function now reads the verified
-- context. A row of an earlier transaction on this backend does not match this transaction's id.
create or replace function app.current_user_id() returns uuid
  language sql stable security definer set search_path = pg_catalog as $$
  select c.user_id from app.request_context c
  where c.backend_pid = pg_backend_pid() and c.xact = pg_current_xact_id_if_assigned()
$$;
create or replace function app.current_org_id() returns uuid
  language sql stable security definer set search_path = pg_catalog as $$
  select c.org_id from app.request_context c
  where c.backend_pid = pg_backend_pid() and c.xact = pg_current_xact_id_if_assigned()
$$;
create or replace function app.is_platform_admin() returns boolean
  language sql stable security definer set search_path = pg_catalog as $$
  select coalesce((select c.platform_admin from app.request_context c
    where c.backend_pid = pg_backend_pid() and c.xact = pg_current_xact_id_if_assigned()), false)
$$;
create or replace function app.scope() returns text
  language sql stable security definer set search_path = pg_catalog as $$
  select coalesce((select c.scope from app.request_context c
    where c.backend_pid = pg_backend_pid() and c.xact = pg_current_xact_id_if_assigned()), 'none')
$$;
create function app.current_request_id() returns text
  language sql stable security definer set search_path = pg_catalog as $$
  select c.request_id from app.request_context c
  where c.backend_pid = pg_backend_pid() and c.xact = pg_current_xact_id_if_assigned()
$$;
grant execute on function app.begin_request(text, bytea), app.current_request_id() to samen_app;

-- ============================================================================ owner access for definer functions
-- Enables and forces RLS on a tenant table and lets the owner (the definer functions, which check their own
-- conditions) through. Every later migration that creates a tenant table calls it.
create function app.secure_table(p_table regclass) returns void
  language plpgsql volatile set search_path = pg_catalog, public as $$
begin
  execute format('alter table %s enable row level security', p_table);
  execute format('alter table %s force row level security', p_table);
  if not exists (select 1 from pg_policy where polrelid = p_table and polname = 'owner_definer') then
    execute format('create policy owner_definer on %s for all to %I using (true) with check (true)',
      p_table, current_user);
  end if;
end
$$;
revoke execute on function app.secure_table(regclass) from public;

do $$
declare
  r record;
begin
  for r in select c.oid::regclass as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relrowsecurity and n.nspname = 'public' loop
    perform app.secure_table(r.t);
  end loop;
end
$$;
-- The audit log: the owner appends and reads (audit:verify), never rewrites.
do $$
begin
  execute format('create policy owner_append on audit.log for insert to %I with check (true)', current_user);
  execute format('create policy owner_read on audit.log for select to %I using (true)', current_user);
end $$;

-- ============================================================================ audit
-- Internal: only definer functions and triggers call it. The request id comes from the verified context.
create or replace function audit.append(
  p_action text, p_entity text, p_entity_id text, p_org uuid,
  p_before jsonb default null, p_after jsonb default null, p_detail jsonb default null
) returns void language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  v_chain text := coalesce(p_org::text, 'platform');
  v_prev bytea;
  v_seq bigint;
  v_at timestamptz := clock_timestamp();
  v_actor uuid := app.current_user_id();
  v_actor_org uuid := app.current_org_id();
  v_req text := app.current_request_id();
  v_hash bytea;
begin
  -- One writer per chain at a time, held to commit, so the chain follows commit order.
  perform pg_advisory_xact_lock(hashtext('samen.audit:' || v_chain));
  select h.seq, h.hash into v_seq, v_prev from audit.chain_head h where h.chain = v_chain;
  v_seq := coalesce(v_seq, 0) + 1;
  v_hash := sha256(coalesce(v_prev, ''::bytea) || convert_to(audit.canonical(v_chain, v_seq, v_at, p_org, v_actor,
    v_actor_org, v_req, p_action, p_entity, p_entity_id, p_before, p_after, p_detail), 'UTF8'));
  insert into audit.log (chain, seq, at, org_id, actor_user_id, actor_org_id, request_id, action, entity, entity_id,
    before, after, detail, prev_hash, hash)
  values (v_chain, v_seq, v_at, p_org, v_actor, v_actor_org, v_req, p_action, p_entity, p_entity_id,
    p_before, p_after, p_detail, v_prev, v_hash);
  insert into audit.chain_head (chain, seq, hash) values (v_chain, v_seq, v_hash)
    on conflict (chain) do update set seq = excluded.seq, hash = excluded.hash;
end
$$;
revoke execute on function audit.append(text, text, text, uuid, jsonb, jsonb, jsonb) from samen_app, public;

-- An event of the current request, in the chain of the verified organisation (the platform chain without
-- one). Only a transaction with a verified context may write.
create function audit.record(p_action text, p_entity text, p_entity_id text, p_detail jsonb)
  returns void language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  if app.current_user_id() is null and app.current_org_id() is null and not app.is_platform_admin()
      and app.scope() = 'none' then
    raise exception 'no request context' using errcode = '42501';
  end if;
  if p_action is null or p_action !~ '^[a-z_]{2,40}$' or p_entity is null or length(p_entity) > 80 then
    raise exception 'invalid audit event' using errcode = '22023';
  end if;
  perform audit.append(p_action, p_entity, p_entity_id, app.current_org_id(), null, null, p_detail);
end
$$;

-- A read of persons' records: one entry per home organisation, in that organisation's chain, for the
-- persons the caller is entitled to see (its own, a placement's, a grant's); other ids are ignored.
create function audit.person_read(p_ids uuid[], p_what text, p_detail jsonb)
  returns void language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  r record;
  v_org uuid := app.current_org_id();
begin
  if app.current_user_id() is null or v_org is null then return; end if;
  for r in
    select p.org_id, array_agg(p.id order by p.id) as ids
    from persons p
    where p.id = any (p_ids) and (p.org_id = v_org
      or exists (select 1 from placements x where x.person_id = p.id and x.host_org_id = v_org)
      or exists (select 1 from person_grants g where g.person_id = p.id and g.recipient_org_id = v_org))
    group by p.org_id
  loop
    perform audit.append('read', 'persons', case when cardinality(r.ids) = 1 then r.ids[1]::text end, r.org_id,
      null, null, coalesce(p_detail, '{}'::jsonb) || jsonb_build_object('what', left(p_what, 60),
        'ids', to_jsonb(r.ids), 'count', cardinality(r.ids), 'by_org', v_org, 'by_user', app.current_user_id()));
  end loop;
end
$$;
grant execute on function audit.record(text, text, text, jsonb), audit.person_read(uuid[], text, jsonb)
  to samen_app;

-- ============================================================================ accounts
-- Memberships: an organisation admin invites; the holder accepts. Until then the membership is pending:
-- it gives no access, and the inviting organisation sees only what it typed (address and name).
alter table memberships add column accepted_at timestamptz default now();
alter table memberships add column invited_by uuid references users (id);
alter table memberships add column invited_email citext;
alter table memberships add column invited_name text check (invited_name is null or length(invited_name) <= 120);
alter table memberships add column invited_locale text check (invited_locale in ('fr', 'nl', 'en'));

-- The account guards bind the application's roles; the schema owner (the definer functions, a DBA's
-- maintenance) and a superuser are trusted.
create function app.trusted_invoker() returns boolean language sql stable set search_path = pg_catalog as $$
  select coalesce((select r.rolsuper or pg_has_role(current_user, c.relowner, 'USAGE')
    from pg_roles r, pg_class c where r.rolname = current_user and c.oid = 'public.users'::regclass), false)
$$;
create function app.account_is_platform_admin(p_user uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce((select u.platform_admin from users u where u.id = p_user), false)
$$;
grant execute on function app.trusted_invoker(), app.account_is_platform_admin(uuid) to samen_app;

create function app.memberships_guard() returns trigger language plpgsql
  set search_path = pg_catalog, public as $$
begin
  if app.trusted_invoker() then return new; end if;
  if app.account_is_platform_admin(new.user_id) then
    -- An invitation to a platform administrator is dropped without a word: the inviter learns nothing.
    if tg_op = 'INSERT' and not app.is_platform_admin() then return null; end if;
    raise exception 'a platform administrator belongs to no organisation' using errcode = '42501';
  end if;
  if tg_op = 'INSERT' then
    -- Only the holder (or a platform admin appointing the first admin) makes a membership effective.
    if not app.is_platform_admin() and new.user_id is distinct from app.current_user_id() then
      new.accepted_at := null;
    end if;
    return new;
  end if;
  if new.user_id <> old.user_id or new.org_id <> old.org_id then
    raise exception 'a membership cannot be moved' using errcode = '42501';
  end if;
  if new.accepted_at is distinct from old.accepted_at and not (old.accepted_at is null
      and new.accepted_at is not null and (new.user_id = app.current_user_id() or app.is_platform_admin())) then
    raise exception 'only the holder accepts a membership' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger memberships_guard before insert or update on memberships
  for each row execute function app.memberships_guard();

-- The holder accepts or declines an invitation to another organisation than the one they act for.
create function app.accept_invitation(p_org uuid) returns boolean
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare v_n integer;
begin
  update memberships set accepted_at = now(), updated_at = now()
  where org_id = p_org and user_id = app.current_user_id() and accepted_at is null and active
    and not app.account_is_platform_admin(user_id);
  get diagnostics v_n = row_count;
  return v_n > 0;
end
$$;
create function app.decline_invitation(p_org uuid) returns boolean
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare v_n integer;
begin
  delete from memberships where org_id = p_org and user_id = app.current_user_id() and accepted_at is null;
  get diagnostics v_n = row_count;
  return v_n > 0;
end
$$;
grant execute on function app.accept_invitation(uuid), app.decline_invitation(uuid) to samen_app;

-- Users: members of the current organisation are visible once they accepted.
drop policy users_read on users;
create policy users_read on users for select to samen_app
  using (id = app.current_user_id() or app.is_platform_admin()
    or exists (select 1 from memberships m where m.user_id = users.id and m.org_id = app.current_org_id()
      and m.accepted_at is not null));
drop policy users_update on users;
create policy users_update on users for update to samen_app
  using (id = app.current_user_id() or app.is_platform_admin()
    or exists (select 1 from memberships m where m.user_id = users.id and m.org_id = app.current_org_id()
      and m.accepted_at is not null))
  with check (true);

-- No one changes an e-mail address or the platform-admin flag through the application role.
revoke update on users from samen_app;
grant update (display_name, locale, status, password_hash, password_changed_at, totp_secret_enc, totp_enabled,
  totp_last_step, failed_login_count, locked_until, last_login_at, updated_at) on users to samen_app;

-- Nobody reads a password hash or a second-factor secret through the application role, not even a member
-- of the same organisation: the holder's own are checked through the definer functions below.
revoke select on users from samen_app;
grant select (id, email, display_name, locale, platform_admin, status, failed_login_count, locked_until,
  totp_enabled, password_changed_at, last_login_at, created_at, updated_at) on users to samen_app;

-- The salt of the signed-in user's own password hash, to check their current password (change, second
-- factor switched off); and the comparison.
create function app.own_password_salt() returns text
  language sql stable security definer set search_path = pg_catalog, public as $$
  select regexp_replace(u.password_hash, '\$[^$]+$', '') from users u
  where u.id = app.current_user_id() and u.password_hash is not null
$$;
create function app.own_password_matches(p_candidate text) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce((select sha256(convert_to(coalesce(p_candidate, ''), 'UTF8')) = sha256(convert_to(u.password_hash,
    'UTF8')) from users u where u.id = app.current_user_id()), false)
$$;
-- The signed-in user's own encrypted second-factor secret and last used step (replay protection).
create function app.own_totp() returns table (secret_enc text, last_step bigint)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select u.totp_secret_enc, u.totp_last_step from users u where u.id = app.current_user_id()
$$;
grant execute on function app.own_password_salt(), app.own_password_matches(text), app.own_totp() to samen_app;

-- Credentials and second factor are the holder's own; an organisation may only lift a lock-out, and never
-- touches a platform administrator's account.
create function app.users_guard() returns trigger language plpgsql set search_path = pg_catalog, public as $$
declare
  v_self boolean := coalesce(new.id = app.current_user_id(), false);
  v_admin boolean := app.is_platform_admin();
begin
  if app.trusted_invoker() then return new; end if;
  if tg_op = 'INSERT' then
    if (new.platform_admin or new.password_hash is not null or new.totp_enabled or new.totp_secret_enc is not null)
      and not v_admin then
      raise exception 'a new account starts without credentials' using errcode = '42501';
    end if;
    return new;
  end if;
  if new.platform_admin is distinct from old.platform_admin then
    if not v_admin then raise exception 'only a platform administrator' using errcode = '42501'; end if;
    if new.platform_admin and exists (select 1 from memberships m where m.user_id = new.id) then
      raise exception 'a platform administrator belongs to no organisation' using errcode = '42501';
    end if;
  end if;
  if not v_self and (new.email is distinct from old.email or new.password_hash is distinct from old.password_hash
      or new.password_changed_at is distinct from old.password_changed_at
      or new.totp_secret_enc is distinct from old.totp_secret_enc or new.totp_enabled is distinct from old.totp_enabled
      or new.totp_last_step is distinct from old.totp_last_step or new.display_name is distinct from old.display_name
      or new.locale is distinct from old.locale or new.last_login_at is distinct from old.last_login_at) then
    raise exception 'only the holder changes their credentials and profile' using errcode = '42501';
  end if;
  if not v_self and not v_admin and old.platform_admin then
    raise exception 'an organisation cannot manage a platform administrator' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger users_guard before insert or update on users for each row execute function app.users_guard();

-- Reset and invitation links: an invitation also makes the inviting organisation's membership effective.
alter table password_resets add column purpose text not null default 'reset'
  check (purpose in ('reset', 'invitation'));
alter table password_resets add column org_id uuid references organisations (id);

create function app.reset_token(p_token_hash bytea) returns table (user_id uuid, purpose text, org_id uuid)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.user_id, r.purpose, r.org_id from password_resets r join users u on u.id = r.user_id
  where r.token_hash = p_token_hash and r.used_at is null and r.expires_at > now() and u.status = 'active'
$$;
grant execute on function app.reset_token(bytea) to samen_app;

-- ============================================================================ sign-in
-- The salt and parameters of the account's password hash, never the hash itself; for an unknown address,
-- or an account without a password, a salt derived from the address, so the answer never tells.
create function app.login_salt(p_email text) returns text
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_hash text;
  v_key bytea;
begin
  if app.scope() <> 'system' then raise exception 'sign-in only' using errcode = '42501'; end if;
  select u.password_hash into v_hash from users u where u.email = p_email::citext;
  if v_hash ~ '^\$argon2(id|i|d)\$v=[0-9]+\$[^$]+\$[^$]+\$[^$]+$' then
    return regexp_replace(v_hash, '\$[^$]+$', '');
  end if;
  select k.key into v_key from app.context_key k;
  return '$argon2id$v=19$m=19456,t=2,p=1$' || rtrim(encode(substring(sha256(v_key || convert_to(lower(coalesce(p_email,
    '')), 'UTF8')) from 1 for 16), 'base64'), '=');
end
$$;

-- Checks a candidate hash (computed by the application with that salt) and counts failures toward the
-- lock-out with the platform's settings. outcome: ok | invalid | locked. locked_now: this failure locked it.
create function app.login_attempt(p_email text, p_candidate text)
  returns table (outcome text, user_id uuid, totp_enabled boolean, locale text, locked_now boolean)
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  u users;
  s app.settings;
  v_locked timestamptz;
begin
  if app.scope() <> 'system' then raise exception 'sign-in only' using errcode = '42501'; end if;
  select * into u from users x where x.email = p_email::citext for update;
  if not found or u.status <> 'active' or u.password_hash is null then
    return query select 'invalid'::text, u.id, false, u.locale, false;
    return;
  end if;
  if u.locked_until is not null and u.locked_until > now() then
    return query select 'locked'::text, u.id, false, u.locale, false;
    return;
  end if;
  if sha256(convert_to(coalesce(p_candidate, ''), 'UTF8')) = sha256(convert_to(u.password_hash, 'UTF8')) then
    -- With a second factor, the count is forgiven only once the code is right too: otherwise whoever knows
    -- the password could try codes forever.
    if not u.totp_enabled then
      update users set failed_login_count = 0, locked_until = null where id = u.id;
    end if;
    return query select 'ok'::text, u.id, u.totp_enabled, u.locale, false;
    return;
  end if;
  select * into s from app.settings;
  update users x set failed_login_count = x.failed_login_count + 1,
    locked_until = case when x.failed_login_count + 1 >= s.login_max_failures
      then now() + make_interval(mins => s.login_lock_minutes) else null end
  where x.id = u.id returning x.locked_until into v_locked;
  return query select 'invalid'::text, u.id, false, u.locale, v_locked is not null;
end
$$;

-- A wrong second-factor code of the signed-in (or half signed-in) user counts like a wrong password.
create function app.second_factor_failed() returns boolean
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  s app.settings;
  v_locked timestamptz;
begin
  select * into s from app.settings;
  update users x set failed_login_count = x.failed_login_count + 1,
    locked_until = case when x.failed_login_count + 1 >= s.login_max_failures
      then now() + make_interval(mins => s.login_lock_minutes) else x.locked_until end
  where x.id = app.current_user_id() returning x.locked_until into v_locked;
  return v_locked is not null and v_locked > now();
end
$$;

-- Whether the signed-in user is locked out now (a session waiting for its code must not outlast a lock).
create function app.current_user_locked() returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce((select u.locked_until > now() from users u where u.id = app.current_user_id()), false)
$$;

-- For a reset request (pre-authentication, scope system): the account and its language, nothing else.
create function app.account_for_reset(p_email text) returns table (user_id uuid, locale text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select u.id, u.locale from users u
  where u.email = p_email::citext and u.status = 'active'
    and app.scope() = 'system'
$$;

-- For an organisation admin adding a member: whether the address has an account (its id only).
create function app.account_by_email(p_email text) returns uuid
  language sql stable security definer set search_path = pg_catalog, public as $$
  select u.id from users u where u.email = p_email::citext and app.current_org_id() is not null
$$;

grant execute on function app.login_salt(text), app.login_attempt(text, text), app.second_factor_failed(),
  app.current_user_locked(), app.account_for_reset(text), app.account_by_email(text) to samen_app;
revoke execute on function app.login_lookup(text), app.login_failed(uuid, integer, integer) from samen_app, public;

-- ============================================================================ mail
-- What a mail must carry but nobody may read in the outbox (single-use links): encrypted with the platform
-- key, read only by the sender, and cleared once the mail has left.
alter table mail_outbox add column secret_enc text;

-- ============================================================================ signatures
-- The person's signature row names the person (or their representative) and an address: the host reads
-- them only with the identity (name) or contact (e-mail) field groups granted.
revoke select on placement_signatures from samen_app;
grant select (id, org_id, host_org_id, placement_id, version, role, token_expires_at, requested_by,
  requested_at, reminded_at, method, signed_at, recorded_by, created_at, updated_at) on placement_signatures
  to samen_app;
-- token_hash is compared, never read back, by the application.
grant select (token_hash) on placement_signatures to samen_app;

create function app.placement_signers(p_placement uuid)
  returns table (signature_id uuid, signer_name text, email text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select s.id,
    case when s.role <> 'person' or s.org_id = app.current_org_id() or app.scope() = 'system'
      or 'identity' = any (app.granted_fields(p.person_id)) then s.signer_name end,
    case when s.role <> 'person' or s.org_id = app.current_org_id() or app.scope() = 'system'
      or 'contact' = any (app.granted_fields(p.person_id)) then s.email end
  from placement_signatures s join placements p on p.id = s.placement_id
  where s.placement_id = p_placement
    and (app.current_org_id() in (s.org_id, s.host_org_id) or app.scope() = 'system')
$$;
grant execute on function app.placement_signers(uuid) to samen_app;

-- Tutors are members who accepted.
create or replace function app.organisation_tutors(p_org uuid)
  returns table (user_id uuid, display_name text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select u.id, u.display_name
  from memberships m
  join users u on u.id = m.user_id
  where m.org_id = p_org and m.active and m.accepted_at is not null and u.status = 'active'
    and m.roles && array['tutor', 'coordinator'] and app.is_authenticated()
  order by u.display_name, u.id
$$;

-- ============================================================================ shared persons, a page at a time
-- A list of shared persons (a referral inbox, the shared-persons page) is one audited read naming them all,
-- not one entry per row. app.shared_person_data is the unaudited body, callable only by these two.
create function app.shared_person_data(p_person uuid) returns jsonb
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_fields text[] := app.granted_fields(p_person);
  p persons;
  v jsonb;
begin
  if cardinality(v_fields) = 0 then return null; end if;
  select * into p from persons where id = p_person;
  if not found then return null; end if;
  v := jsonb_build_object('id', p.id, 'homeOrgId', p.org_id, 'participantCode', p.participant_code,
    'fields', to_jsonb(v_fields), 'grantedUntil', (select case when bool_or(g.until is null) then null
      else max(g.until) end from app.current_grants(p_person) g));
  if 'identity' = any (v_fields) then
    v := v || jsonb_build_object('firstName', p.first_name, 'lastName', p.last_name,
      'preferredLanguage', p.preferred_language);
  end if;
  if 'birth_date' = any (v_fields) then v := v || jsonb_build_object('birthDate', p.birth_date); end if;
  if 'contact' = any (v_fields) then v := v || jsonb_build_object('email', p.email, 'phone', p.phone); end if;
  if 'address' = any (v_fields) then
    v := v || jsonb_build_object('street', p.street, 'postalCode', p.postal_code,
      'municipalityCode', p.municipality_code);
  end if;
  if 'languages' = any (v_fields) then v := v || jsonb_build_object('languages', p.languages); end if;
  if 'benefit' = any (v_fields) then
    v := v || jsonb_build_object('benefit', p.benefit, 'benefitSince', p.benefit_since,
      'benefitUntil', p.benefit_until);
  end if;
  if 'contract' = any (v_fields) then
    v := v || jsonb_build_object('contractType', p.contract_type, 'contractSignedOn', p.contract_signed_on,
      'contractNextEvaluationOn', p.contract_next_evaluation_on);
  end if;
  if 'mobility' = any (v_fields) then
    v := v || jsonb_build_object('mobility', (select jsonb_build_object('radiusKm', m.radius_km,
      'crossedBorder', m.crossed_border, 'recordedOn', m.recorded_on)
      from pathway_mobility m join pathways w on w.id = m.pathway_id
      where w.person_id = p.id order by m.recorded_on desc, m.created_at desc limit 1));
  end if;
  if 'pathway' = any (v_fields) then
    v := v || jsonb_build_object('pathways', coalesce((select jsonb_agg(jsonb_build_object('id', w.id,
      'modules', w.modules, 'entryOn', w.entry_on, 'exitOn', w.exit_on,
      'notes', coalesce((select jsonb_agg(jsonb_build_object('notedOn', n.noted_on, 'body', n.body)
        order by n.noted_on desc) from pathway_notes n where n.pathway_id = w.id and not n.confidential), '[]')))
      from pathways w where w.person_id = p.id), '[]'));
  end if;
  return v;
end
$$;
revoke execute on function app.shared_person_data(uuid) from public;

create or replace function app.shared_person(p_person uuid) returns jsonb
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v jsonb := app.shared_person_data(p_person);
begin
  if v is null then return null; end if;
  perform audit.append('read', 'persons', p_person::text, (v ->> 'homeOrgId')::uuid, null, null,
    jsonb_build_object('fields', v -> 'fields', 'by_org', app.current_org_id(), 'by_user', app.current_user_id()));
  return v;
end
$$;

create function app.shared_persons(p_ids uuid[], p_what text) returns table (person_id uuid, person jsonb)
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_seen uuid[] := '{}';
  v jsonb;
  v_id uuid;
begin
  foreach v_id in array coalesce(p_ids, '{}') loop
    v := app.shared_person_data(v_id);
    if v is not null and not v_id = any (v_seen) then
      v_seen := v_seen || v_id;
      person_id := v_id;
      person := v;
      return next;
    end if;
  end loop;
  perform audit.person_read(v_seen, p_what, '{}'::jsonb);
end
$$;
grant execute on function app.shared_persons(uuid[], text) to samen_app;

-- ============================================================================ policies read the context once
-- Wrapped in a scalar sub-select, a context function is evaluated once per statement (an InitPlan) instead
-- of once per row: the verified context is a table look-up, not a setting.
do $$
declare
  r record;
  v_using text;
  v_check text;
  re constant text := 'app\.(current_org_id|current_user_id|is_platform_admin|scope|is_authenticated)\(\)';
begin
  for r in select p.polname, n.nspname, c.relname, pg_get_expr(p.polqual, p.polrelid) as q,
      pg_get_expr(p.polwithcheck, p.polrelid) as w
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace loop
    v_using := regexp_replace(r.q, re, '(select app.\1())', 'g');
    v_check := regexp_replace(r.w, re, '(select app.\1())', 'g');
    if v_using is distinct from r.q then
      execute format('alter policy %I on %I.%I using (%s)', r.polname, r.nspname, r.relname, v_using);
    end if;
    if v_check is distinct from r.w then
      execute format('alter policy %I on %I.%I with check (%s)', r.polname, r.nspname, r.relname, v_check);
    end if;
  end loop;
end
$$;
