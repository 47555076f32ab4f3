-- The message of a referral (what the sending centre tells the recipient about the person: "motivated for a
-- site in Roubaix, available next month", sometimes more) is sealed with the sender's key (issue 16, ADR 0039's
-- pattern): the sender opens its own, the recipient gets the sender's data key for the referrals addressed to
-- it, from app.referral_keys(). The decline reason (the recipient's, short) stays clear.
-- As in 0071–0074, the check is NOT VALID and the audit log no longer receives the message.

alter table referrals drop constraint referrals_message_check;
alter table referrals add constraint referrals_message_sealed
  check (message is null or message like 'v2.%') not valid;
drop trigger referrals_audit on referrals;
create trigger referrals_audit after insert or update or delete on referrals
  for each row execute function audit.on_change('message');

-- The senders' data keys of the referrals asked for, to each referral's sender and recipient only; nothing
-- without a signed-in context. One call for a page of referrals.
create function app.referral_keys(p_referrals uuid[]) returns table (org_id uuid, purpose text,
  version integer, master_id text, wrapped text)
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
begin
  if v_org is null or not app.is_authenticated() then
    return;
  end if;
  return query
    with senders as (
      select distinct r.org_id from referrals r
      where r.id = any (coalesce(p_referrals, '{}')) and (r.org_id = v_org or r.recipient_org_id = v_org))
    select k.org_id, k.purpose, k.version, k.master_id, k.wrapped
    from senders s join app.org_keys k on k.org_id = s.org_id and k.purpose = 'data'
    order by k.org_id, k.version desc;
end
$$;
revoke all on function app.referral_keys(uuid[]) from public;
grant execute on function app.referral_keys(uuid[]) to samen_app;

-- A referral is kept as its sender wrote it; the re-encryption of its message (the schema owner without any
-- request context, nothing else changed, a v2 value) is not a change of it.
create or replace function app.referrals_guard() returns trigger language plpgsql as $$
begin
  if app.scope() = 'none' and app.current_user_id() is null and app.current_org_id() is null
      and (to_jsonb(new) - 'message' - 'updated_at') = (to_jsonb(old) - 'message' - 'updated_at')
      and (new.message is null) = (old.message is null)
      and (new.message is null or new.message like 'v2.%') then
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
