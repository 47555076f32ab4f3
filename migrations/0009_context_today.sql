-- One "today" (issue 8): the day as the staff live it in Europe/Brussels, given by the application's clock
-- with the request context (signed with it), so rules in SQL and in TypeScript agree, also between midnight
-- and 02:00 when the server's UTC date is still yesterday, and tests can fix the day. app.today() replaces
-- current_date in the functions that decide whether a grant or a consent holds.

alter table app.request_context add column today date;

create or replace function app.begin_request(p_context text, p_mac bytea) returns void
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
  insert into app.request_context as c (backend_pid, xact, user_id, org_id, platform_admin, scope, request_id,
    today)
  values (pg_backend_pid(), pg_current_xact_id(), nullif(v ->> 'user', '')::uuid, nullif(v ->> 'org', '')::uuid,
    coalesce((v ->> 'admin')::boolean, false), nullif(v ->> 'scope', ''), nullif(v ->> 'req', ''),
    coalesce(nullif(v ->> 'today', '')::date, (now() at time zone 'Europe/Brussels')::date))
  on conflict (backend_pid) do update set xact = excluded.xact, user_id = excluded.user_id,
    org_id = excluded.org_id, platform_admin = excluded.platform_admin, scope = excluded.scope,
    request_id = excluded.request_id, today = excluded.today;
end
$$;

-- The transaction's day; without a context (a DBA's session), the day in Brussels now.
create function app.today() returns date
  language sql stable security definer set search_path = pg_catalog as $$
  select coalesce((select c.today from app.request_context c
    where c.backend_pid = pg_backend_pid() and c.xact = pg_current_xact_id_if_assigned()),
    (now() at time zone 'Europe/Brussels')::date)
$$;
grant execute on function app.today() to samen_app;

create or replace function app.current_grants(p_person uuid) returns table (fields text[], until date)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select g.fields, least(g.expires_on, c.expires_on)
  from person_grants g
  left join consents c on c.id = g.consent_id
  where g.person_id = p_person and g.recipient_org_id = app.current_org_id() and app.is_authenticated()
    and g.revoked_at is null and (g.expires_on is null or g.expires_on >= app.today())
    and (g.override_reason is not null or (c.person_id = g.person_id and c.purpose = g.purpose
      and c.withdrawn_on is null and c.given_on <= app.today()
      and (c.expires_on is null or c.expires_on >= app.today())
      and g.recipient_org_id = any (c.recipient_org_ids) and g.fields <@ c.data_categories))
$$;

create or replace function app.shared_person_ids() returns table (person_id uuid, home_org_id uuid, fields text[])
  language sql stable security definer set search_path = pg_catalog, public as $$
  select g.person_id, g.org_id, app.granted_fields(g.person_id)
  from (select distinct person_id, org_id from person_grants
        where recipient_org_id = app.current_org_id() and revoked_at is null
          and (expires_on is null or expires_on >= app.today())) g
  where cardinality(app.granted_fields(g.person_id)) > 0
$$;
