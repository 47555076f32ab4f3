-- Why a mobile team declines a request ("the person's situation calls for the psychiatric emergency service",
-- "no Arabic-speaking psychologist before May") is sealed with the TEAM's key, the organisation that writes it
-- into the requester's row (issue 16, ADR 0042): app.request_party_keys() already releases both parties' keys
-- to both parties of the request (migration 0071). The check admits the erasure marker '--' beside a sealed
-- value (a declined request keeps a reason). As in 0071–0078, the check is NOT VALID and the audit log no
-- longer receives the reason.

alter table accompaniment_requests drop constraint accompaniment_requests_decline_reason_check;
alter table accompaniment_requests add constraint accompaniment_requests_decline_reason_sealed
  check (decline_reason is null or decline_reason like 'v2.%' or decline_reason = '--') not valid;
drop trigger accompaniment_requests_audit on accompaniment_requests;
create trigger accompaniment_requests_audit after insert or update or delete on accompaniment_requests
  for each row execute function audit.on_change('message', 'decline_reason');
