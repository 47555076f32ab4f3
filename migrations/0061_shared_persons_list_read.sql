-- Received lists of shared persons, audited as one read naming the list (issue 15).
--
-- app.shared_persons (0008) reads a page of granted views (a referral inbox, the shared-persons page) and
-- audits it once: one entry naming every person shown, in the chain of the persons' home organisation
-- (the data controller, who must see who read its persons; a page mixing senders gives one entry per
-- sender, never one per person). Redefined from 0008 with the list's own detail (which box, which page),
-- as the sender's side of the same list already records it. Ids the caller may not see are never named.

drop function app.shared_persons(uuid[], text);
create function app.shared_persons(p_ids uuid[], p_what text, p_detail jsonb default '{}')
  returns table (person_id uuid, person jsonb)
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
  perform audit.person_read(v_seen, p_what, coalesce(p_detail, '{}'::jsonb));
end
$$;
revoke all on function app.shared_persons(uuid[], text, jsonb) from public;
grant execute on function app.shared_persons(uuid[], text, jsonb) to samen_app;
