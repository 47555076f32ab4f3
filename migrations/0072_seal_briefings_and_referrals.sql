-- The two other health-related texts a second organisation reads are sealed (issue 16, ADR 0037), with
-- the key of the organisation that writes them, released per record to the reader:
-- - interpreter_bookings.briefing (the booker's): to the provider organisation through
--   app.booking_party_keys(), to the external interpreter through app.interpreting_external_keys() (the
--   link's token, within its window, as app.interpreting_external_booking() checks it);
-- - newcomer_profiles.psychosocial_referred_to (the home organisation's): to an organisation holding a live
--   grant of the 'psychosocial' group through app.newcomer_keys(), as app.shared_newcomer() decides.
-- As in 0071, the checks are NOT VALID (the clear rows written before are sealed by the application at
-- start) and the audit log no longer receives the values.

alter table interpreter_bookings drop constraint interpreter_bookings_briefing_check;
alter table interpreter_bookings add constraint interpreter_bookings_briefing_sealed
  check (briefing is null or briefing like 'v2.%') not valid;
drop trigger interpreter_bookings_audit on interpreter_bookings;
create trigger interpreter_bookings_audit after insert or update or delete on interpreter_bookings
  for each row execute function audit.on_change('external_token_hash', 'interpreter_email', 'briefing');

alter table newcomer_profiles drop constraint newcomer_profiles_psychosocial_referred_to_check;
alter table newcomer_profiles add constraint newcomer_profiles_psychosocial_referred_to_sealed
  check (psychosocial_referred_to is null or psychosocial_referred_to like 'v2.%') not valid;
drop trigger newcomer_profiles_audit on newcomer_profiles;
create trigger newcomer_profiles_audit after insert or update or delete on newcomer_profiles
  for each row execute function audit.on_change('psychosocial_referred_to');

-- The re-encryption runs as the schema owner without a request context: the provider's guard and the
-- restriction's refusal must let that one change through (and nothing else).
create or replace function app.interpreter_bookings_guard() returns trigger language plpgsql
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
  -- Without any request context (no scope, user nor organisation) only the schema owner writes (row-level
  -- security lets no one else through): the start-up re-encryption and `npm run keys:rotate` reseal the
  -- briefing. A signed-in request has scope 'none' too: the user or the organisation tells it apart.
  if app.scope() is distinct from 'system' and old.org_id is distinct from app.current_org_id()
      and not (app.scope() = 'none' and app.current_user_id() is null and app.current_org_id() is null)
      and (to_jsonb(new) - array['status', 'interpreter_name', 'provider_reference', 'confirmed_at',
        'confirmed_by', 'cancelled_at', 'cancel_reason', 'updated_at'])
        <> (to_jsonb(old) - array['status', 'interpreter_name', 'provider_reference', 'confirmed_at',
        'confirmed_by', 'cancelled_at', 'cancel_reason', 'updated_at']) then
    raise exception 'interpreting: the provider only answers the booking' using errcode = '42501';
  end if;
  if app.scope() is distinct from 'system' and old.org_id is distinct from app.current_org_id()
      and not (app.scope() = 'none' and app.current_user_id() is null and app.current_org_id() is null)
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

create or replace function app.refuse_restricted() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
declare
  v_row jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  v_person uuid;
begin
  -- The re-encryption of a sealed column (the schema owner, without any request context) is not a
  -- processing of the person: it changes the ciphertext of the one sealed column and nothing else.
  -- (Through jsonb: the trigger serves tables without that column, and plpgsql does not short-circuit.)
  if tg_op = 'UPDATE' and tg_table_name = 'newcomer_profiles' and app.scope() = 'none'
      and app.current_user_id() is null and app.current_org_id() is null then
    if (to_jsonb(new) ->> 'psychosocial_referred_to') like 'v2.%'
        and (to_jsonb(new) - array['psychosocial_referred_to', 'updated_at'])
          = (to_jsonb(old) - array['psychosocial_referred_to', 'updated_at']) then
      return new;
    end if;
  end if;
  case tg_argv[0]
    when 'person_id' then v_person := (v_row ->> 'person_id')::uuid;
    when 'pathway' then select w.person_id into v_person from pathways w where w.id = (v_row ->> 'pathway_id')::uuid;
    when 'objective' then
      select w.person_id into v_person from pathway_objectives o join pathways w on w.id = o.pathway_id
      where o.id = (v_row ->> 'objective_id')::uuid;
    when 'placement' then
      select p.person_id into v_person from placements p where p.id = (v_row ->> 'placement_id')::uuid;
    else raise exception 'refuse_restricted: unknown link %', tg_argv[0];
  end case;
  if v_person is not null and app.person_restricted(v_person) then
    raise exception 'person_restricted' using errcode = 'SR001';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

-- The booking organisation's data keys, to the booking's two organisations (booker, provider) only.
create function app.booking_party_keys(p_booking uuid) returns table (org_id uuid, purpose text,
  version integer, master_id text, wrapped text)
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
  b interpreter_bookings%rowtype;
begin
  if v_org is null or not app.is_authenticated() then
    return;
  end if;
  select * into b from interpreter_bookings x where x.id = p_booking;
  if not found or v_org is distinct from b.org_id and v_org is distinct from b.provider_org_id then
    return;
  end if;
  return query select k.org_id, k.purpose, k.version, k.master_id, k.wrapped from app.org_keys k
    where k.org_id = b.org_id and k.purpose = 'data' order by k.version desc;
end
$$;

-- The same keys to the holder of an external interpreter's link, on exactly the conditions under which
-- app.interpreting_external_booking() opens the booking (confirmed, within the window, the token's hash).
create function app.interpreting_external_keys(p_booking uuid, p_hash bytea, p_now timestamptz,
    p_lead interval)
  returns table (org_id uuid, purpose text, version integer, master_id text, wrapped text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select k.org_id, k.purpose, k.version, k.master_id, k.wrapped
  from interpreter_bookings x join app.org_keys k on k.org_id = x.org_id and k.purpose = 'data'
  where x.id = p_booking and x.external_token_hash = p_hash and x.status = 'confirmed'
    and p_now >= x.starts_at - p_lead and p_now < x.ends_at
  order by k.version desc
$$;

-- The home organisation's data keys for a newcomer record: to the home organisation, and to an
-- organisation that holds the 'psychosocial' group of the person through a grant in force.
create function app.newcomer_keys(p_person uuid) returns table (org_id uuid, purpose text, version integer,
  master_id text, wrapped text)
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
  v_home uuid;
begin
  if v_org is null or not app.is_authenticated() then
    return;
  end if;
  select n.org_id into v_home from newcomer_profiles n where n.person_id = p_person;
  if v_home is null or (v_home <> v_org and not ('psychosocial' = any (app.granted_fields(p_person)))) then
    return;
  end if;
  return query select k.org_id, k.purpose, k.version, k.master_id, k.wrapped from app.org_keys k
    where k.org_id = v_home and k.purpose = 'data' order by k.version desc;
end
$$;

revoke execute on function app.booking_party_keys(uuid), app.newcomer_keys(uuid),
  app.interpreting_external_keys(uuid, bytea, timestamptz, interval) from public;
grant execute on function app.booking_party_keys(uuid), app.newcomer_keys(uuid),
  app.interpreting_external_keys(uuid, bytea, timestamptz, interval) to samen_app;
