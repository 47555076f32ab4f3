-- The free text two organisations share about persons in accompaniment is sealed like a clinical note
-- (issue 16, ADR 0037): the message of a request to a mobile team (written by the requesting organisation:
-- often why the family needs psychological support) and the outcome of an intervention (written by the
-- team: what was seen and proposed). Each is sealed with the data key of the organisation that writes it
-- (the row's org_id); the other party of the request opens it with a key released for that request only.
-- Rows written before this migration are clear text until the start-up re-encryption moves them, hence the
-- checks are NOT VALID: every new write must be sealed, the old rows are sealed by the application at start.

alter table accompaniment_requests drop constraint accompaniment_requests_message_check;
alter table accompaniment_requests add constraint accompaniment_requests_message_sealed
  check (message is null or message like 'v2.%') not valid;
alter table accompaniment_interventions drop constraint accompaniment_interventions_outcome_check;
alter table accompaniment_interventions add constraint accompaniment_interventions_outcome_sealed
  check (outcome is null or outcome like 'v2.%') not valid;

-- The ciphertext never enters the audit log (the entries before this migration hold the clear text: an
-- append-only chain is not rewritten; the retention of the log ages them out).
drop trigger accompaniment_requests_audit on accompaniment_requests;
create trigger accompaniment_requests_audit after insert or update or delete on accompaniment_requests
  for each row execute function audit.on_change('message');
drop trigger accompaniment_interventions_audit on accompaniment_interventions;
create trigger accompaniment_interventions_audit after insert or update or delete on accompaniment_interventions
  for each row execute function audit.on_change('outcome');

-- The data keys of the two parties of a request, to the two parties only (the verified request context,
-- ADR 0011): the requesting organisation opens the team's outcomes, the team the requester's message.
-- Nothing for anyone else, nor without a signed-in context. The keys leave wrapped with the master key,
-- which only the application holds; the index keys never leave their organisation. Reading needs no lock
-- (a writer seals with its own keys through app.org_keys(), which takes it).
create function app.request_party_keys(p_request uuid) returns table (org_id uuid, purpose text,
  version integer, master_id text, wrapped text)
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
  r accompaniment_requests%rowtype;
begin
  if v_org is null or not app.is_authenticated() then
    return;
  end if;
  select * into r from accompaniment_requests x where x.id = p_request;
  if not found or v_org not in (r.org_id, r.team_org_id) then
    return;
  end if;
  return query select k.org_id, k.purpose, k.version, k.master_id, k.wrapped from app.org_keys k
    where k.org_id in (r.org_id, r.team_org_id) and k.purpose = 'data' order by k.org_id, k.version desc;
end
$$;
revoke execute on function app.request_party_keys(uuid) from public;
grant execute on function app.request_party_keys(uuid) to samen_app;
