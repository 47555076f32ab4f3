-- The outbox no longer takes a job for just any organisation (issue 16; open finding of ADR 0035).
--
-- The events worker acts for a job's organisation, as the user its payload names. With `with check (true)`
-- any transaction could enqueue an event for another organisation naming one of its users, and the worker
-- would then act as that user there: context spoofing from SQL. Now a transaction enqueues only for its own
-- organisation (or for none), naming no user but its own; the worker (scope system) enqueues anything.
drop policy jobs_enqueue on jobs;
create policy jobs_enqueue on jobs for insert to samen_app with check (
  app.scope() = 'system'
  or (
    (org_id is null or org_id = app.current_org_id())
    and (payload ->> 'actorUserId' is null or payload ->> 'actorUserId' = app.current_user_id()::text)
  )
);

-- Two flows record an event in the name of the other party of a shared record, as nobody: the last
-- signature of a placement agreement given by the host in person or by a signer's link (the signed copies
-- go out in the home centre's name), and an immersion agreement signed by link (no one signed in). They go
-- through here: the event names no user, its organisation must be a party of the record, and the caller
-- must be a party or a signer's link (public scope, or system scope once the token has opened the record).
-- What remains possible from SQL is telling a party about its own record again; its handlers read the
-- record itself before they write to anyone.
create function app.enqueue_party_event(p_type text, p_payload jsonb, p_org uuid, p_record text, p_id uuid)
  returns void language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_home uuid;
  v_host uuid;
begin
  if p_record = 'placement' then
    select org_id, host_org_id into v_home, v_host from placements where id = p_id;
  elsif p_record = 'immersion_request' then
    select org_id, host_org_id into v_home, v_host from immersion_requests where id = p_id;
  else
    raise exception 'unknown record kind %', p_record using errcode = '22023';
  end if;
  if v_home is null or p_org is null or p_org not in (v_home, v_host)
    or not (app.scope() in ('public', 'system') or coalesce(app.current_org_id() in (v_home, v_host), false)) then
    raise exception 'not a party of this record' using errcode = '42501';
  end if;
  insert into jobs (queue, payload, org_id, run_at)
    values ('events', jsonb_build_object('type', p_type, 'actorUserId', null, 'payload', p_payload), p_org, now());
end
$$;
revoke execute on function app.enqueue_party_event(text, jsonb, uuid, text, uuid) from public;
grant execute on function app.enqueue_party_event(text, jsonb, uuid, text, uuid) to samen_app;
