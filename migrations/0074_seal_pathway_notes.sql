-- The notes of a pathway (Action 1's timeline: what the social worker saw, heard and agreed with the person)
-- are sealed with the key of the organisation that writes them, the person's home organisation (issue 16,
-- ADR 0039). A partner reads the notes that are not confidential while it holds a grant of the 'pathway'
-- group (app.shared_person_data); app.persons_keys() releases the home organisation's data keys to it, for
-- those persons only, as app.newcomer_keys() does for the psychosocial referral (ADR 0037).
-- As in 0071–0073, the check is NOT VALID (the clear rows written before are sealed by the application at
-- start) and the audit log no longer receives the text.

alter table pathway_notes drop constraint pathway_notes_body_check;
alter table pathway_notes add constraint pathway_notes_body_sealed check (body like 'v2.%') not valid;
drop trigger pathway_notes_audit on pathway_notes;
create trigger pathway_notes_audit after insert or update or delete on pathway_notes
  for each row execute function audit.on_change('body');

-- The home organisations' data keys of the persons asked for: each person's home organisation gets its own,
-- an organisation holding a grant in force of the 'pathway' group of a person gets that person's home
-- organisation's; nothing for anyone else, nor without a signed-in context. One call for a page of persons.
create function app.persons_keys(p_persons uuid[]) returns table (org_id uuid, purpose text,
  version integer, master_id text, wrapped text)
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_org uuid := app.current_org_id();
begin
  if v_org is null or not app.is_authenticated() then
    return;
  end if;
  return query
    with homes as (
      select distinct p.org_id from persons p
      where p.id = any (coalesce(p_persons, '{}'))
        and (p.org_id = v_org or 'pathway' = any (app.granted_fields(p.id))))
    select k.org_id, k.purpose, k.version, k.master_id, k.wrapped
    from homes h join app.org_keys k on k.org_id = h.org_id and k.purpose = 'data'
    order by k.org_id, k.version desc;
end
$$;
revoke all on function app.persons_keys(uuid[]) from public;
grant execute on function app.persons_keys(uuid[]) to samen_app;

-- The start-up re-encryption of a restricted person's notes passes the refusal (0065), as 0073 decided for
-- the accompaniment module's sealed columns. The tables and their sealed columns are listed by one small
-- function, so that the next sealed column replaces it alone, not the refusal.
create function app.restriction_sealed_columns(p_table text) returns text[]
  language sql immutable set search_path = pg_catalog as $$
  select case p_table
    when 'newcomer_profiles' then array['psychosocial_referred_to', 'guardian_name', 'guardian_contact']
    when 'newcomer_status_events' then array['note']
    when 'outreach_contacts' then array['note']
    when 'pathway_notes' then array['body'] end
$$;

create or replace function app.refuse_restricted() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
declare
  v_row jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  v_person uuid;
  v_sealed text[] := app.restriction_sealed_columns(tg_table_name);
begin
  if tg_op = 'UPDATE' and v_sealed is not null and app.scope() = 'none'
      and app.current_user_id() is null and app.current_org_id() is null
      and (to_jsonb(new) - v_sealed - 'updated_at') = (to_jsonb(old) - v_sealed - 'updated_at')
      and not exists (select 1 from unnest(v_sealed) c
        where (to_jsonb(new) ->> c is null) <> (to_jsonb(old) ->> c is null)
          or to_jsonb(new) ->> c not like 'v2.%') then
    return new;
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

-- The record of a restricted person refused every change but its restriction: a key rotation or the start's
-- re-encryption of its national identifier (and its blind index) then stopped on it. The same exemption as
-- above: the schema owner without any request context, changing nothing but those two columns, keeping the
-- identifier present or absent as it was, writing a v2 value.
create or replace function app.persons_restriction_guard() returns trigger language plpgsql
  set search_path = pg_catalog, public as $$
begin
  if app.scope() = 'none' and app.current_user_id() is null and app.current_org_id() is null
      and (to_jsonb(new) - 'national_id_enc' - 'national_id_bidx' - 'updated_at')
        = (to_jsonb(old) - 'national_id_enc' - 'national_id_bidx' - 'updated_at')
      and (new.national_id_enc is null) = (old.national_id_enc is null)
      and (new.national_id_enc is null or new.national_id_enc like 'v2.%') then
    return new;
  end if;
  if old.restricted_at is not null and new.restricted_at is not null and not app.erasing(old.id)
    and (to_jsonb(new) - 'restriction_reason' - 'restricted_by' - 'restricted_at' - 'updated_at')
      <> (to_jsonb(old) - 'restriction_reason' - 'restricted_by' - 'restricted_at' - 'updated_at') then
    raise exception 'person_restricted' using errcode = 'SR001';
  end if;
  return new;
end
$$;
