-- The last identifying or sensitive free texts of the accompaniment module are sealed (issue 16, ADR 0038),
-- each read by its own organisation only, so sealed with that organisation's data key as a clinical note
-- (ADR 0031), no key released to anyone:
-- - newcomer_profiles.guardian_name and guardian_contact: the legal guardian of an unaccompanied minor, a
--   third person identified by name, phone or e-mail (the guardian's organisation stays clear: an
--   institution such as the Service des Tutelles);
-- - newcomer_status_events.note: what was said at an asylum interview, why a permit was refused;
-- - outreach_contacts.note: what a street worker saw of a person not yet identified.
-- As in 0071 and 0072, the checks are NOT VALID (the clear rows written before are sealed by the application
-- at start) and the audit log no longer receives the values.

alter table newcomer_profiles drop constraint newcomer_profiles_guardian_name_check;
alter table newcomer_profiles add constraint newcomer_profiles_guardian_name_sealed
  check (guardian_name is null or guardian_name like 'v2.%') not valid;
alter table newcomer_profiles drop constraint newcomer_profiles_guardian_contact_check;
alter table newcomer_profiles add constraint newcomer_profiles_guardian_contact_sealed
  check (guardian_contact is null or guardian_contact like 'v2.%') not valid;
drop trigger newcomer_profiles_audit on newcomer_profiles;
create trigger newcomer_profiles_audit after insert or update or delete on newcomer_profiles
  for each row execute function audit.on_change('psychosocial_referred_to', 'guardian_name', 'guardian_contact');

alter table newcomer_status_events drop constraint newcomer_status_events_note_check;
alter table newcomer_status_events add constraint newcomer_status_events_note_sealed
  check (note is null or note like 'v2.%') not valid;
drop trigger newcomer_status_events_audit on newcomer_status_events;
create trigger newcomer_status_events_audit after insert or update or delete on newcomer_status_events
  for each row execute function audit.on_change('note');

alter table outreach_contacts drop constraint outreach_contacts_note_check;
alter table outreach_contacts add constraint outreach_contacts_note_sealed
  check (note is null or note like 'v2.%') not valid;
drop trigger outreach_contacts_audit on outreach_contacts;
create trigger outreach_contacts_audit after insert or update or delete on outreach_contacts
  for each row execute function audit.on_change('note');

-- The re-encryption (the schema owner, without any request context) changes the ciphertext of one sealed
-- column of a row at a time: that is not a processing of a restricted person (GDPR art. 18, 0065), on every
-- table that holds sealed columns and refuses restricted persons' changes. Anything else is still refused,
-- a signed-in user's change of a sealed column and the owner's erasing of one included.
create or replace function app.refuse_restricted() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
declare
  v_row jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  v_person uuid;
  v_sealed text[] := case tg_table_name
    when 'newcomer_profiles' then array['psychosocial_referred_to', 'guardian_name', 'guardian_contact']
    when 'newcomer_status_events' then array['note']
    when 'outreach_contacts' then array['note'] end;
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
