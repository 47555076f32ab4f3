-- People: persons followed by their home centre, their pathways (modules, objectives, actions, notes,
-- mobility), consent records, and sharing with other organisations through referrals and grants.
--
-- A person's rows are readable only by the home organisation (RLS). Another organisation sees a person
-- only through app.shared_person(), which checks a valid grant backed by a valid consent (or an override
-- with a reason), returns only the granted fields, and audits the read. No national identifier is a key:
-- one may be kept encrypted (national_id_enc) and is never returned by any shared view.

-- Field groups a grant or a consent can name. Kept in step with src/common/people/sharing.ts.
create function app.shareable_fields() returns text[] language sql immutable
  as $$ select array['identity', 'birth_date', 'contact', 'address', 'languages', 'benefit', 'contract',
    'pathway', 'mobility']::text[] $$;
grant execute on function app.shareable_fields() to samen_app;

-- ============================================================================ persons
create table persons (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  first_name text not null check (length(trim(first_name)) between 1 and 100),
  last_name text not null check (length(trim(last_name)) between 1 and 100),
  birth_date date not null check (birth_date >= date '1900-01-01'),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or length(phone) <= 40),
  street text check (street is null or length(street) <= 200),
  postal_code text check (postal_code is null or postal_code ~ '^[0-9]{4,5}$'),
  municipality_code text check (municipality_code ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$'),
  -- CEFR level per language: {"fr": "C2", "nl": "A2"}.
  languages jsonb not null default '{}' check (jsonb_typeof(languages) = 'object'),
  preferred_language text not null default 'fr' check (preferred_language in ('fr', 'nl', 'en')),
  benefit text not null default 'none' check (benefit in ('rsa', 'ris', 'equivalent_aid', 'leefloon',
    'equivalent_leefloon', 'none')),
  benefit_since date,
  benefit_until date,
  contract_type text not null default 'none' check (contract_type in ('cer', 'contrat_engagement', 'ppae',
    'piis', 'gpmi', 'none')),
  contract_signed_on date,
  contract_next_evaluation_on date,
  -- Encrypted with the platform key (AES-GCM, see src/server/platform/crypto.ts); never shared.
  national_id_enc text,
  -- Keyed hash of the normalised name and birth date with the network secret (src/common/people).
  participant_code text not null check (participant_code ~ '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$'),
  referent_user_id uuid references users (id),
  status text not null default 'active' check (status in ('active', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (benefit_until is null or benefit_since is null or benefit_until >= benefit_since)
);
create index persons_fold_name on persons using gin ((app.fold(last_name || ' ' || first_name)) gin_trgm_ops);
create index persons_org_referent on persons (org_id, referent_user_id, last_name);
create index persons_code on persons (participant_code);
create index persons_org_birth on persons (org_id, birth_date);

alter table persons enable row level security;
alter table persons force row level security;
create policy persons_home on persons for all to samen_app
  using (org_id = app.current_org_id()) with check (org_id = app.current_org_id());
grant select, insert, update on persons to samen_app;
create trigger persons_audit after insert or update or delete on persons
  for each row execute function audit.on_change('national_id_enc');

-- How many OTHER organisations follow someone with this participant code: lets partners detect a person
-- already known elsewhere and count unique participants, without learning who or where.
create function app.participant_code_elsewhere(p_code text) returns integer
  language sql stable security definer set search_path = pg_catalog, public as $$
  select count(distinct org_id)::int from persons
  where participant_code = p_code and org_id is distinct from app.current_org_id() and app.is_authenticated()
$$;
grant execute on function app.participant_code_elsewhere(text) to samen_app;

-- ============================================================================ pathways
create table pathways (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  programme_id uuid references programmes (id),
  modules text[] not null default '{}' check (modules <@ array['social_insertion',
    'socio_professional_insertion', 'activation_volunteering', 'placement']),
  referent_user_ids uuid[] not null default '{}',
  entry_on date not null,
  exit_on date,
  exit_reason text check (exit_reason is null or length(exit_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (exit_on is null or exit_on >= entry_on)
);
create index pathways_person on pathways (person_id);
create index pathways_org on pathways (org_id, exit_on);

create table pathway_objectives (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  pathway_id uuid not null references pathways (id) on delete cascade,
  title text not null check (length(trim(title)) between 2 and 300),
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'achieved', 'abandoned')),
  due_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pathway_objectives_pathway on pathway_objectives (pathway_id);

create table pathway_actions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  objective_id uuid not null references pathway_objectives (id) on delete cascade,
  title text not null check (length(trim(title)) between 2 and 300),
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  due_on date,
  done_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pathway_actions_objective on pathway_actions (objective_id);

-- Dated timeline. A confidential note stays with the referent's organisation: it is never shared, even
-- when a grant names the pathway.
create table pathway_notes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  pathway_id uuid not null references pathways (id) on delete cascade,
  author_user_id uuid not null references users (id),
  noted_on date not null,
  body text not null check (length(trim(body)) between 1 and 10000),
  confidential boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pathway_notes_pathway on pathway_notes (pathway_id, noted_on desc);

-- Mobility recorded along the pathway: how far the person travels alone, whether they crossed the border.
create table pathway_mobility (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  pathway_id uuid not null references pathways (id) on delete cascade,
  recorded_on date not null,
  radius_km integer not null check (radius_km between 0 and 500),
  crossed_border boolean not null default false,
  note text check (note is null or length(note) <= 500),
  created_at timestamptz not null default now()
);
create index pathway_mobility_pathway on pathway_mobility (pathway_id, recorded_on desc);

do $$
declare t text;
begin
  foreach t in array array['pathways', 'pathway_objectives', 'pathway_actions', 'pathway_notes', 'pathway_mobility'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I for all to samen_app using (org_id = app.current_org_id())
      with check (org_id = app.current_org_id())', t || '_home', t);
    execute format('grant select, insert, update, delete on %I to samen_app', t);
    execute format('create trigger %I after insert or update or delete on %I
      for each row execute function audit.on_change()', t || '_audit', t);
  end loop;
end
$$;

-- ============================================================================ consent
-- Immutable once given: a change is a new record (supersedes_id); only a withdrawal may be added later.
create table consents (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  purpose text not null check (purpose in ('placement', 'referral', 'immersion', 'accompaniment',
    'network_statistics')),
  data_categories text[] not null check (cardinality(data_categories) > 0
    and data_categories <@ app.shareable_fields()),
  recipient_org_ids uuid[] not null default '{}',
  given_by text not null check (given_by in ('person', 'legal_representative')),
  representative_name text check (representative_name is null or length(representative_name) <= 200),
  given_on date not null,
  expires_on date,
  supersedes_id uuid references consents (id),
  recorded_by uuid not null references users (id),
  withdrawn_on date,
  withdrawal_reason text check (withdrawal_reason is null or length(withdrawal_reason) <= 500),
  created_at timestamptz not null default now(),
  check (expires_on is null or expires_on >= given_on),
  check ((given_by = 'legal_representative') = (representative_name is not null)),
  check (withdrawn_on is null or withdrawn_on >= given_on)
);
create index consents_person on consents (person_id, purpose);

create function app.consents_immutable() returns trigger language plpgsql as $$
begin
  if old.withdrawn_on is not null
    or (to_jsonb(new) - 'withdrawn_on' - 'withdrawal_reason') <> (to_jsonb(old) - 'withdrawn_on' - 'withdrawal_reason') then
    raise exception 'consent records are immutable; record a new consent instead' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger consents_immutable before update on consents for each row execute function app.consents_immutable();

alter table consents enable row level security;
alter table consents force row level security;
create policy consents_home on consents for all to samen_app
  using (org_id = app.current_org_id()) with check (org_id = app.current_org_id());
grant select, insert, update on consents to samen_app;
create trigger consents_audit after insert or update or delete on consents
  for each row execute function audit.on_change();

-- ============================================================================ referrals and grants
create table referrals (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  recipient_org_id uuid not null references organisations (id),
  purpose text not null check (purpose in ('placement', 'referral', 'immersion', 'accompaniment')),
  fields text[] not null check (cardinality(fields) > 0 and fields <@ app.shareable_fields()),
  message text check (message is null or length(message) <= 2000),
  status text not null default 'sent' check (status in ('sent', 'accepted', 'declined', 'done', 'revoked')),
  decline_reason text check (decline_reason is null or length(decline_reason) <= 500),
  consent_id uuid references consents (id),
  override_reason text check (override_reason is null or length(trim(override_reason)) >= 5),
  sent_by uuid not null references users (id),
  decided_by uuid references users (id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (recipient_org_id <> org_id),
  check (consent_id is not null or override_reason is not null),
  check ((status = 'declined') = (decline_reason is not null))
);
create index referrals_recipient on referrals (recipient_org_id, status);
create index referrals_person on referrals (person_id);

-- The sender sees and manages its referrals; the recipient sees those addressed to it and may only
-- decide on them (the guard below keeps every other column as the sender wrote it).
alter table referrals enable row level security;
alter table referrals force row level security;
create policy referrals_read on referrals for select to samen_app
  using (org_id = app.current_org_id() or recipient_org_id = app.current_org_id());
create policy referrals_insert on referrals for insert to samen_app
  with check (org_id = app.current_org_id() and exists (select 1 from persons p where p.id = person_id));
create policy referrals_update on referrals for update to samen_app
  using (org_id = app.current_org_id() or recipient_org_id = app.current_org_id())
  with check (org_id = app.current_org_id() or recipient_org_id = app.current_org_id());
grant select, insert, update on referrals to samen_app;
create trigger referrals_audit after insert or update or delete on referrals
  for each row execute function audit.on_change();

create function app.referrals_guard() returns trigger language plpgsql as $$
begin
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
create trigger referrals_guard before update on referrals for each row execute function app.referrals_guard();

-- A grant lets the recipient organisation see the named field groups of one person until it ends.
-- Created by the home organisation with a referral or a placement; owned by the home organisation.
create table person_grants (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  person_id uuid not null references persons (id),
  recipient_org_id uuid not null references organisations (id),
  purpose text not null check (purpose in ('placement', 'referral', 'immersion', 'accompaniment')),
  fields text[] not null check (cardinality(fields) > 0 and fields <@ app.shareable_fields()),
  source text not null check (source in ('referral', 'placement')),
  source_id uuid not null,
  consent_id uuid references consents (id),
  override_reason text check (override_reason is null or length(trim(override_reason)) >= 5),
  created_by uuid not null references users (id),
  expires_on date,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason is null or length(revoked_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (recipient_org_id <> org_id),
  check (consent_id is not null or override_reason is not null),
  unique (source, source_id, recipient_org_id)
);
create index person_grants_recipient on person_grants (recipient_org_id, person_id) where revoked_at is null;
create index person_grants_person on person_grants (person_id);

alter table person_grants enable row level security;
alter table person_grants force row level security;
create policy person_grants_home on person_grants for all to samen_app
  using (org_id = app.current_org_id())
  with check (org_id = app.current_org_id() and exists (select 1 from persons p where p.id = person_id));
grant select, insert, update on person_grants to samen_app;
create trigger person_grants_audit after insert or update or delete on person_grants
  for each row execute function audit.on_change();

-- When a referral ends (declined, done, revoked), its grant ends with it, whoever changed the referral.
create function app.referrals_end_grant() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
begin
  if new.status in ('declined', 'done', 'revoked') and old.status is distinct from new.status then
    update person_grants set revoked_at = now(), revoked_reason = 'referral_' || new.status, updated_at = now()
    where source = 'referral' and source_id = new.id and revoked_at is null;
  end if;
  return null;
end
$$;
create trigger referrals_end_grant after update on referrals for each row execute function app.referrals_end_grant();

-- The current organisation's grants on a person that hold now: not ended, not expired, and backed by a
-- valid consent of that person for that purpose, recipient and fields (or by an override with a reason).
-- until: the earliest of the grant's and the consent's expiry (NULL: until the referral/placement ends).
create function app.current_grants(p_person uuid) returns table (fields text[], until date)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select g.fields, least(g.expires_on, c.expires_on)
  from person_grants g
  left join consents c on c.id = g.consent_id
  where g.person_id = p_person and g.recipient_org_id = app.current_org_id() and app.is_authenticated()
    and g.revoked_at is null and (g.expires_on is null or g.expires_on >= current_date)
    and (g.override_reason is not null or (c.person_id = g.person_id and c.purpose = g.purpose
      and c.withdrawn_on is null and c.given_on <= current_date
      and (c.expires_on is null or c.expires_on >= current_date)
      and g.recipient_org_id = any (c.recipient_org_ids) and g.fields <@ c.data_categories))
$$;

-- Field groups of a person that the current organisation may see now (empty when none).
create function app.granted_fields(p_person uuid) returns text[]
  language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce(array_agg(distinct f), '{}') from app.current_grants(p_person) g cross join lateral unnest(g.fields) f
$$;

-- A person as another organisation may see them: only granted groups, never the national identifier,
-- never confidential notes; every call is an audited read. NULL when nothing is granted.
create function app.shared_person(p_person uuid) returns jsonb
  language plpgsql volatile security definer set search_path = pg_catalog, public as $$
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
  if 'birth_date' = any (v_fields) then v := v || jsonb_build_object('birthDate', p.birth_date); end if;
  if 'contact' = any (v_fields) then v := v || jsonb_build_object('email', p.email, 'phone', p.phone); end if;
  if 'address' = any (v_fields) then
    v := v || jsonb_build_object('street', p.street, 'postalCode', p.postal_code,
      'municipalityCode', p.municipality_code);
  end if;
  if 'languages' = any (v_fields) then v := v || jsonb_build_object('languages', p.languages); end if;
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
  perform audit.append('read', 'persons', p.id::text, p.org_id, null, null,
    jsonb_build_object('fields', to_jsonb(v_fields), 'by_org', app.current_org_id()));
  return v;
end
$$;

-- Persons the current organisation may see through grants, for its lists (ids and granted groups only).
create function app.shared_person_ids() returns table (person_id uuid, home_org_id uuid, fields text[])
  language sql stable security definer set search_path = pg_catalog, public as $$
  select g.person_id, g.org_id, app.granted_fields(g.person_id)
  from (select distinct person_id, org_id from person_grants
        where recipient_org_id = app.current_org_id() and revoked_at is null
          and (expires_on is null or expires_on >= current_date)) g
  where cardinality(app.granted_fields(g.person_id)) > 0
$$;
grant execute on function app.current_grants(uuid), app.granted_fields(uuid), app.shared_person(uuid),
  app.shared_person_ids() to samen_app;
