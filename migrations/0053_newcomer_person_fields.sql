-- AB Réfugiés (issue 14): the person record fits newcomers.
--
-- * A single name: many newcomers are mononymous. Either name may be empty (stored as '', never null, so
--   that every reader keeps two strings), not both. The participant code hashes the tokens there are.
-- * An approximate birth date: birth_date_precision 'exact' (as before), 'year' (only the year is known,
--   stored as 1 January) or 'estimated' (a date given without proof, e.g. after an age assessment). A
--   non-exact date's participant code hashes the year and a marker (src/common/people/participant-code.ts),
--   so correcting an estimate within the year keeps it; exact dates keep their codes.
-- * Spoken languages and dialects as ISO 639-3 codes with literacy (spoken_languages), beside the CEFR
--   levels in FR/NL/EN/DE (languages), at most ten; codes are checked by the API (src/common/people).
-- * Nationality: an ISO 3166-1 alpha-2 code, 'stateless' or 'unknown'; null: not recorded. Never shared
--   (it is in no field group: app.shared_person_data names each field it returns).
-- * The interpreter need: {language (ISO 639-3), modality, genderPreference}, or null.
--
-- Sharing: spoken languages go with the 'languages' group, the precision with 'birth_date', the interpreter
-- need with its own 'interpreter_need' group (migration 0052). app.shared_person() (the audited door)
-- reads app.shared_person_data(), redefined here from its latest definition (0008) with these fields.

-- ============================================================================ persons
alter table persons drop constraint persons_first_name_check;
alter table persons drop constraint persons_last_name_check;
alter table persons add constraint persons_first_name_check check (length(first_name) <= 100);
alter table persons add constraint persons_last_name_check check (length(last_name) <= 100);
alter table persons add constraint persons_name_given
  check (length(trim(first_name)) > 0 or length(trim(last_name)) > 0);

alter table persons add column birth_date_precision text not null default 'exact'
  check (birth_date_precision in ('exact', 'year', 'estimated'));
alter table persons add constraint persons_birth_year_only check (birth_date_precision <> 'year'
  or (extract(month from birth_date) = 1 and extract(day from birth_date) = 1));

alter table persons add column spoken_languages jsonb not null default '[]'
  check (jsonb_typeof(spoken_languages) = 'array' and jsonb_array_length(spoken_languages) <= 10);

alter table persons add column nationality text
  check (nationality is null or nationality ~ '^[A-Z]{2}$' or nationality in ('stateless', 'unknown'));

alter table persons add column interpreter_need jsonb check (interpreter_need is null
  or (jsonb_typeof(interpreter_need) = 'object'
    and interpreter_need ->> 'language' ~ '^[a-z]{3}$'
    and interpreter_need ->> 'modality' in ('on_site', 'phone', 'video', 'any')
    and interpreter_need ->> 'genderPreference' in ('female', 'male', 'none')));

-- The duplicate check of an approximate birth date compares years within the organisation.
create index persons_org_birth_year on persons (org_id, (extract(year from birth_date)));

-- ============================================================================ sharing
create or replace function app.shared_person_data(p_person uuid) returns jsonb
  language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_fields text[] := app.granted_fields(p_person);
  p persons;
  v jsonb;
begin
  if cardinality(v_fields) = 0 then return null; end if;
  select * into p from persons where id = p_person;
  if not found then return null; end if;
  v := jsonb_build_object('id', p.id, 'homeOrgId', p.org_id, 'participantCode', p.participant_code,
    'fields', to_jsonb(v_fields), 'grantedUntil', (select case when bool_or(g.until is null) then null
      else max(g.until) end from app.current_grants(p_person) g));
  if 'identity' = any (v_fields) then
    v := v || jsonb_build_object('firstName', p.first_name, 'lastName', p.last_name,
      'preferredLanguage', p.preferred_language);
  end if;
  if 'birth_date' = any (v_fields) then
    v := v || jsonb_build_object('birthDate', p.birth_date, 'birthDatePrecision', p.birth_date_precision);
  end if;
  if 'contact' = any (v_fields) then v := v || jsonb_build_object('email', p.email, 'phone', p.phone); end if;
  if 'address' = any (v_fields) then
    v := v || jsonb_build_object('street', p.street, 'postalCode', p.postal_code,
      'municipalityCode', p.municipality_code);
  end if;
  if 'languages' = any (v_fields) then
    v := v || jsonb_build_object('languages', p.languages, 'spokenLanguages', p.spoken_languages);
  end if;
  if 'interpreter_need' = any (v_fields) then
    v := v || jsonb_build_object('interpreterNeed', p.interpreter_need);
  end if;
  if 'benefit' = any (v_fields) then
    v := v || jsonb_build_object('benefit', p.benefit, 'benefitSince', p.benefit_since,
      'benefitUntil', p.benefit_until);
  end if;
  if 'contract' = any (v_fields) then
    v := v || jsonb_build_object('contractType', p.contract_type, 'contractSignedOn', p.contract_signed_on,
      'contractNextEvaluationOn', p.contract_next_evaluation_on);
  end if;
  if 'mobility' = any (v_fields) then
    v := v || jsonb_build_object('mobility', (select jsonb_build_object('radiusKm', m.radius_km,
      'crossedBorder', m.crossed_border, 'recordedOn', m.recorded_on)
      from pathway_mobility m join pathways w on w.id = m.pathway_id
      where w.person_id = p.id order by m.recorded_on desc, m.created_at desc limit 1));
  end if;
  if 'pathway' = any (v_fields) then
    v := v || jsonb_build_object('pathways', coalesce((select jsonb_agg(jsonb_build_object('id', w.id,
      'modules', w.modules, 'entryOn', w.entry_on, 'exitOn', w.exit_on,
      'notes', coalesce((select jsonb_agg(jsonb_build_object('notedOn', n.noted_on, 'body', n.body)
        order by n.noted_on desc) from pathway_notes n where n.pathway_id = w.id and not n.confidential), '[]')))
      from pathways w where w.person_id = p.id), '[]'));
  end if;
  return v;
end
$$;
revoke execute on function app.shared_person_data(uuid) from public;
