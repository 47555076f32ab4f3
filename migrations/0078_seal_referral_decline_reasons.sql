-- Why a recipient declines a referral ("no place before March", "the person's health does not allow the
-- site") is sealed with the RECIPIENT's key, the organisation that writes it (issue 16, ADR 0042): the
-- recipient opens its own, the sender gets the recipient's data key for the referrals it sent, from
-- app.referral_keys(), which now releases both parties' keys to both parties. An anonymised person's declined
-- referral keeps the erasure marker '--' (the row check requires a reason once declined).
-- As in 0071–0077, the check is NOT VALID and the audit log no longer receives the reason.

alter table referrals drop constraint referrals_decline_reason_check;
alter table referrals add constraint referrals_decline_reason_sealed
  check (decline_reason is null or decline_reason like 'v2.%' or decline_reason = '--') not valid;
drop trigger referrals_audit on referrals;
create trigger referrals_audit after insert or update or delete on referrals
  for each row execute function audit.on_change('message', 'decline_reason');

-- Both parties' data keys of the referrals asked for, to each referral's sender and recipient only; nothing
-- without a signed-in context. One call for a page of referrals.
create or replace function app.referral_keys(p_referrals uuid[]) returns table (org_id uuid, purpose text,
  version integer, master_id text, wrapped text)
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
begin
  if v_org is null or not app.is_authenticated() then
    return;
  end if;
  return query
    with mine as (
      select r.org_id, r.recipient_org_id from referrals r
      where r.id = any (coalesce(p_referrals, '{}')) and (r.org_id = v_org or r.recipient_org_id = v_org)),
    parties as (select m.org_id from mine m union select m.recipient_org_id from mine m)
    select k.org_id, k.purpose, k.version, k.master_id, k.wrapped
    from parties p join app.org_keys k on k.org_id = p.org_id and k.purpose = 'data'
    order by k.org_id, k.version desc;
end
$$;

-- A referral is kept as its sender wrote it and its recipient decided it; the re-encryption of its sealed
-- texts (the schema owner without any request context, nothing else changed, each text kept present or
-- absent, v2 values) is not a change of it.
create or replace function app.referrals_guard() returns trigger language plpgsql as $$
begin
  if app.scope() = 'none' and app.current_user_id() is null and app.current_org_id() is null
      and (to_jsonb(new) - 'message' - 'decline_reason' - 'updated_at')
        = (to_jsonb(old) - 'message' - 'decline_reason' - 'updated_at')
      and (new.message is null) = (old.message is null)
      and (new.message is null or new.message like 'v2.%')
      and (new.decline_reason is null) = (old.decline_reason is null)
      and (new.decline_reason is null or new.decline_reason like 'v2.%') then
    return new;
  end if;
  if old.org_id is distinct from app.current_org_id() then
    -- The recipient: accept or decline a sent referral, close an accepted one; nothing else.
    if (to_jsonb(new) - 'status' - 'decline_reason' - 'decided_by' - 'decided_at' - 'updated_at')
        <> (to_jsonb(old) - 'status' - 'decline_reason' - 'decided_by' - 'decided_at' - 'updated_at')
      or not ((old.status = 'sent' and new.status in ('accepted', 'declined'))
        or (old.status = 'accepted' and new.status = 'done')) then
      raise exception 'the recipient may only decide on a referral' using errcode = '42501';
    end if;
  elsif (to_jsonb(new) - 'status' - 'updated_at') <> (to_jsonb(old) - 'status' - 'updated_at')
    or (new.status is distinct from old.status
      and not (old.status in ('sent', 'accepted') and new.status = 'revoked')) then
    raise exception 'the sender may only revoke a referral' using errcode = '42501';
  end if;
  return new;
end
$$;
