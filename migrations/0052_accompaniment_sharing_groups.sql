-- AB Réfugiés (issue 14): the sharing door gets three field groups of its own, each with its own consent —
-- the residence status, the interpreter need and the psychosocial flag ("support needed / referred to X",
-- never a clinical note) — and a mobile team's accompaniment request becomes a source of grants, like a
-- referral or a placement. The groups only widen what a consent or a grant may name: existing rows hold.
create or replace function app.shareable_fields() returns text[] language sql immutable
  as $$ select array['identity', 'birth_date', 'contact', 'address', 'languages', 'benefit', 'contract',
    'pathway', 'mobility', 'legal_status', 'interpreter_need', 'psychosocial']::text[] $$;

alter table person_grants drop constraint person_grants_source_check;
alter table person_grants add constraint person_grants_source_check
  check (source in ('referral', 'placement', 'accompaniment_request'));
