-- Platform foundation: extensions, the application role, request-context helpers, the audit log,
-- organisations, users, memberships, sessions, password resets, mail outbox and the job queue.
-- Runs as the owner. The application only ever works as samen_app (NOSUPERUSER, NOBYPASSRLS), which is
-- granted the minimum on each table; every tenant table has FORCE ROW LEVEL SECURITY.

create extension if not exists citext;
create extension if not exists unaccent;
create extension if not exists pg_trgm;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'samen_app') then
    create role samen_app nologin nosuperuser nobypassrls noinherit;
  end if;
end
$$;

grant usage on schema public to samen_app;

-- Request context. Unset or empty settings read as NULL, so a policy comparing with them matches nothing.
create schema if not exists app;
grant usage on schema app to samen_app;

create function app.current_user_id() returns uuid language sql stable
  as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;
create function app.current_org_id() returns uuid language sql stable
  as $$ select nullif(current_setting('app.org_id', true), '')::uuid $$;
create function app.is_platform_admin() returns boolean language sql stable
  as $$ select coalesce(current_setting('app.platform_admin', true), '') = 'on' $$;
-- 'public' for anonymous requests (directory), 'system' for jobs and pre-authentication flows.
create function app.scope() returns text language sql stable
  as $$ select coalesce(nullif(current_setting('app.scope', true), ''), 'none') $$;
create function app.is_authenticated() returns boolean language sql stable
  as $$ select app.current_user_id() is not null $$;

-- Accent-insensitive helper usable in indexes (unaccent itself is only STABLE).
create function app.fold(t text) returns text language sql immutable parallel safe
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, ''))) $$;

grant execute on all functions in schema app to samen_app;

-- ============================================================================ audit
-- Append-only, hash-chained per organisation. samen_app has no INSERT/UPDATE/DELETE on it: rows come
-- only from audit.append() and the change trigger, both SECURITY DEFINER; verify with `npm run audit:verify`.
create schema audit;
grant usage on schema audit to samen_app;

create table audit.log (
  id bigint generated always as identity primary key,
  chain text not null,
  seq bigint not null,
  at timestamptz not null default clock_timestamp(),
  org_id uuid,
  actor_user_id uuid,
  actor_org_id uuid,
  request_id text,
  action text not null,
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  detail jsonb,
  prev_hash bytea,
  hash bytea not null,
  unique (chain, seq)
);
create index audit_log_org_at on audit.log (org_id, at desc);
create index audit_log_entity on audit.log (entity, entity_id);

create table audit.chain_head (
  chain text primary key,
  seq bigint not null,
  hash bytea not null
);

alter table audit.log enable row level security;
alter table audit.log force row level security;
create policy audit_read on audit.log for select to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin());
grant select on audit.log to samen_app;

-- The canonical text hashed for an entry. The Node verifier rebuilds the same string independently.
create function audit.canonical(
  p_chain text, p_seq bigint, p_at timestamptz, p_org uuid, p_actor uuid, p_actor_org uuid,
  p_request text, p_action text, p_entity text, p_entity_id text, p_before jsonb, p_after jsonb, p_detail jsonb
) returns text language sql immutable as $$
  select concat_ws('|', p_chain, p_seq::text,
    to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(p_org::text, ''), coalesce(p_actor::text, ''), coalesce(p_actor_org::text, ''),
    coalesce(p_request, ''), p_action, p_entity, coalesce(p_entity_id, ''),
    coalesce(p_before::text, ''), coalesce(p_after::text, ''), coalesce(p_detail::text, ''))
$$;

create function audit.append(
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
  v_req text := nullif(current_setting('app.request_id', true), '');
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
grant execute on function audit.append(text, text, text, uuid, jsonb, jsonb, jsonb) to samen_app;

-- Generic change trigger. TG_ARGV: columns whose values are never written to the log (only that they changed);
-- a name prefixed with '-' is bookkeeping that is left out entirely (login counters, timestamps).
create function audit.on_change() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  v_row jsonb := coalesce(v_new, v_old);
  v_before jsonb := '{}';
  v_after jsonb := '{}';
  v_key text;
  v_org uuid;
  v_redacted text[] := array(select a from unnest(coalesce(tg_argv::text[], '{}')) a where a not like '-%');
  v_ignored text[] := array(select substr(a, 2) from unnest(coalesce(tg_argv::text[], '{}')) a where a like '-%');
begin
  v_org := coalesce(
    (v_row ->> 'org_id')::uuid,
    case when tg_table_name = 'organisations' then (v_row ->> 'id')::uuid end,
    app.current_org_id());
  if tg_op = 'UPDATE' then
    for v_key in select k from jsonb_object_keys(v_new) k loop
      if v_key <> 'updated_at' and not v_key = any (v_ignored) and (v_old -> v_key) is distinct from (v_new -> v_key) then
        v_before := v_before || jsonb_build_object(v_key,
          case when v_key = any (v_redacted) then to_jsonb('[redacted]'::text) else v_old -> v_key end);
        v_after := v_after || jsonb_build_object(v_key,
          case when v_key = any (v_redacted) then to_jsonb('[redacted]'::text) else v_new -> v_key end);
      end if;
    end loop;
    if v_after = '{}'::jsonb then
      return null;
    end if;
  elsif tg_op = 'INSERT' then
    v_after := v_new - v_ignored;
    foreach v_key in array v_redacted loop
      if v_after ? v_key then v_after := jsonb_set(v_after, array[v_key], to_jsonb('[redacted]'::text)); end if;
    end loop;
    v_before := null;
  else
    v_before := v_old - v_ignored;
    foreach v_key in array v_redacted loop
      if v_before ? v_key then v_before := jsonb_set(v_before, array[v_key], to_jsonb('[redacted]'::text)); end if;
    end loop;
    v_after := null;
  end if;
  perform audit.append(
    case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
    tg_table_name, coalesce(v_row ->> 'id', v_row ->> 'code'), v_org, v_before, v_after, null);
  return null;
end
$$;

-- ============================================================================ organisations
create table organisations (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('ccas', 'cpas', 'ocmw', 'public_authority', 'association', 'host_site',
    'service_provider')),
  country text not null check (country in ('FR', 'BE')),
  region text not null check (region in ('FR-HDF', 'BE-WAL', 'BE-VLG', 'BE-BRU')),
  name_fr text not null check (length(trim(name_fr)) between 2 and 200),
  name_nl text not null check (length(trim(name_nl)) between 2 and 200),
  short_name text,
  service_languages text[] not null default '{}',
  street text,
  postal_code text,
  municipality_code text check (municipality_code ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$'),
  business_id_type text check (business_id_type in ('siret', 'kbo')),
  business_id text,
  email text,
  phone text,
  website text,
  status text not null default 'active' check (status in ('active', 'closed')),
  closed_on date,
  mfa_required boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((business_id is null) = (business_id_type is null)),
  check (region like country || '-%')
);
create index organisations_fold_name on organisations using gin ((app.fold(name_fr) || ' ' || app.fold(name_nl)) gin_trgm_ops);

alter table organisations enable row level security;
alter table organisations force row level security;
-- The partner network is visible to every signed-in member; names of active partners are public.
create policy organisations_read on organisations for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() in ('public', 'system'));
create policy organisations_insert on organisations for insert to samen_app
  with check (app.is_platform_admin());
create policy organisations_update on organisations for update to samen_app
  using (id = app.current_org_id() or app.is_platform_admin())
  with check (id = app.current_org_id() or app.is_platform_admin());
grant select, insert, update on organisations to samen_app;
create trigger organisations_audit after insert or update or delete on organisations
  for each row execute function audit.on_change();

-- ============================================================================ users and memberships
create table users (
  id uuid primary key default gen_random_uuid(),
  email citext not null unique check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  display_name text not null check (length(trim(display_name)) between 1 and 120),
  password_hash text,
  locale text not null default 'fr' check (locale in ('fr', 'nl', 'en')),
  platform_admin boolean not null default false,
  status text not null default 'active' check (status in ('active', 'disabled')),
  failed_login_count integer not null default 0,
  locked_until timestamptz,
  totp_secret_enc text,
  totp_enabled boolean not null default false,
  totp_last_step bigint,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table memberships (
  org_id uuid not null references organisations (id),
  user_id uuid not null references users (id),
  roles text[] not null check (cardinality(roles) > 0 and roles <@ array['coordinator', 'org_admin', 'referent',
    'tutor', 'volunteer_coordinator', 'analyst', 'interpreter']),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create index memberships_user on memberships (user_id);

alter table users enable row level security;
alter table users force row level security;
-- A user sees themself and the members of their current organisation; platform admins see everyone.
create policy users_read on users for select to samen_app
  using (id = app.current_user_id() or app.is_platform_admin()
    or exists (select 1 from memberships m where m.user_id = users.id and m.org_id = app.current_org_id()));
create policy users_insert on users for insert to samen_app
  with check (app.is_platform_admin() or app.current_org_id() is not null);
create policy users_update on users for update to samen_app
  using (id = app.current_user_id() or app.is_platform_admin()
    or exists (select 1 from memberships m where m.user_id = users.id and m.org_id = app.current_org_id()))
  with check (true);
grant select, insert, update on users to samen_app;
create trigger users_audit after insert or update or delete on users
  for each row execute function audit.on_change('password_hash', 'totp_secret_enc', '-failed_login_count',
    '-locked_until', '-last_login_at', '-totp_last_step');

alter table memberships enable row level security;
alter table memberships force row level security;
create policy memberships_read on memberships for select to samen_app
  using (org_id = app.current_org_id() or user_id = app.current_user_id() or app.is_platform_admin());
create policy memberships_write on memberships for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check (org_id = app.current_org_id() or app.is_platform_admin());
grant select, insert, update, delete on memberships to samen_app;
create trigger memberships_audit after insert or update or delete on memberships
  for each row execute function audit.on_change();

-- ============================================================================ sessions
create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  user_id uuid not null references users (id),
  active_org_id uuid references organisations (id),
  csrf_token text not null,
  mfa_pending boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

alter table sessions enable row level security;
alter table sessions force row level security;
create policy sessions_own on sessions for all to samen_app
  using (user_id = app.current_user_id()) with check (user_id = app.current_user_id());
grant select, insert, update on sessions to samen_app;

create table password_resets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
alter table password_resets enable row level security;
alter table password_resets force row level security;
create policy password_resets_own on password_resets for all to samen_app
  using (user_id = app.current_user_id()) with check (user_id = app.current_user_id());
grant select, insert, update on password_resets to samen_app;

-- Pre-authentication look-ups. They return only what the login and session checks need, by exact key.
create function app.login_lookup(p_email text) returns table (
  user_id uuid, password_hash text, status text, locked_until timestamptz, failed_login_count integer,
  totp_enabled boolean, locale text
) language sql stable security definer set search_path = pg_catalog, public as $$
  select u.id, u.password_hash, u.status, u.locked_until, u.failed_login_count, u.totp_enabled, u.locale
  from users u where u.email = p_email::citext
$$;

create function app.session_lookup(p_token_hash bytea) returns table (
  session_id uuid, user_id uuid, active_org_id uuid, csrf_token text, mfa_pending boolean,
  created_at timestamptz, last_seen_at timestamptz, expires_at timestamptz
) language sql stable security definer set search_path = pg_catalog, public as $$
  select s.id, s.user_id, s.active_org_id, s.csrf_token, s.mfa_pending, s.created_at, s.last_seen_at, s.expires_at
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = p_token_hash and s.revoked_at is null and u.status = 'active'
$$;

-- Counts a failed password; locks the account for p_lock_minutes after p_max failures in a row.
create function app.login_failed(p_user uuid, p_max integer, p_lock_minutes integer) returns timestamptz
  language plpgsql security definer set search_path = pg_catalog, public as $$
declare v_locked timestamptz;
begin
  update users set failed_login_count = failed_login_count + 1,
    locked_until = case when failed_login_count + 1 >= p_max
      then now() + make_interval(mins => p_lock_minutes) else locked_until end
  where id = p_user returning locked_until into v_locked;
  return v_locked;
end
$$;

create function app.reset_token_user(p_token_hash bytea) returns uuid
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.user_id from password_resets r join users u on u.id = r.user_id
  where r.token_hash = p_token_hash and r.used_at is null and r.expires_at > now() and u.status = 'active'
$$;

grant execute on function app.login_lookup(text), app.session_lookup(bytea), app.login_failed(uuid, integer, integer),
  app.reset_token_user(bytea) to samen_app;

-- ============================================================================ mail outbox and jobs
create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references organisations (id),
  to_address text not null,
  locale text not null check (locale in ('fr', 'nl', 'en')),
  template text not null,
  subject text not null,
  body_text text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'kept')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_outbox_org on mail_outbox (org_id, created_at desc);
alter table mail_outbox enable row level security;
alter table mail_outbox force row level security;
create policy mail_outbox_read on mail_outbox for select to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin() or app.scope() = 'system');
create policy mail_outbox_insert on mail_outbox for insert to samen_app
  with check (org_id is null or org_id = app.current_org_id() or app.scope() = 'system');
create policy mail_outbox_update on mail_outbox for update to samen_app
  using (app.scope() = 'system') with check (app.scope() = 'system');
grant select, insert, update on mail_outbox to samen_app;

create table jobs (
  id bigint generated always as identity primary key,
  queue text not null,
  payload jsonb not null default '{}',
  org_id uuid,
  singleton_key text,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  locked_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_ready on jobs (run_at) where status = 'queued';
create unique index jobs_singleton on jobs (queue, singleton_key) where singleton_key is not null and status in ('queued', 'running');
alter table jobs enable row level security;
alter table jobs force row level security;
-- Any transaction may enqueue (outbox pattern); only the worker (scope system) reads and updates.
create policy jobs_enqueue on jobs for insert to samen_app with check (true);
create policy jobs_worker on jobs for select to samen_app using (app.scope() = 'system');
create policy jobs_worker_update on jobs for update to samen_app
  using (app.scope() = 'system') with check (app.scope() = 'system');
grant select, insert, update on jobs to samen_app;
