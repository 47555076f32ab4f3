-- The good-practice library (issue 11, Action 2): sheets an organisation writes about a practice — drawn
-- from an immersion report or a formative project, or written directly — in French and Dutch, with
-- attachments; the library searchable across the network and, for the sheets their owner opens to it,
-- without sign-in; and the take-up follow-up (which organisation plans, tries, adopted or abandoned it).
--
-- Who sees what:
-- - a sheet: its organisation in every status; every signed-in user once it is published to the network
--   ('network' or 'public'); anonymous visitors only when 'public'. A draft or withdrawn sheet, and
--   everything attached to it, is its organisation's alone.
-- - attachments: exactly those who see the sheet (the policy reads the sheet under its own RLS).
-- - take-up records: an organisation writes only its own. Every signed-in organisation reads the take-ups
--   of a published sheet: the follow-up exists so that centres see who tried or adopted a practice and ask
--   them how it went, and a record names organisations, dates and a short evidence text, no person. The
--   owner reads the take-ups of its sheets whatever their status; the recording organisation its own.
--   Anonymous visitors read none. The evidence file may be an internal document: its bytes are read only
--   by the recording organisation and the owner, through app.practice_take_up_evidence (the application
--   role may not select the column; its name, type and size stay readable with the record).

-- A short reference, the sheet's name in indicator drill-downs and exports (never a person).
create sequence practice_sheet_ref;

-- Accent-folded words of a tag list, for the search vectors (array_to_string is only stable; its output
-- for text[] does not change, so this wrapper is declared immutable to be usable in a generated column).
create function app.practice_words(t text[]) returns text language sql immutable parallel safe
  as $$ select coalesce(array_to_string(t, ' '), '') $$;

create table practice_sheets (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique default ('BP-' || lpad(nextval('practice_sheet_ref')::text, 4, '0')),
  org_id uuid not null references organisations (id),
  -- The programme under which it was developed (RCO116 and RCR104 count it there).
  programme_id uuid references programmes (id) on delete set null,
  status text not null default 'draft' check (status in ('draft', 'network', 'public', 'withdrawn')),
  -- Where it comes from; the source's id is linked by the module that made it (no foreign key here).
  source_kind text not null default 'direct'
    check (source_kind in ('direct', 'immersion_report', 'formative_project')),
  source_id uuid,
  -- The version written first; the other one, when present, is its translation.
  original_language text not null check (original_language in ('fr', 'nl')),
  title_fr text check (title_fr is null or length(trim(title_fr)) between 2 and 200),
  title_nl text check (title_nl is null or length(trim(title_nl)) between 2 and 200),
  context_fr text check (length(context_fr) <= 4000),
  context_nl text check (length(context_nl) <= 4000),
  description_fr text check (length(description_fr) between 1 and 8000),
  description_nl text check (length(description_nl) between 1 and 8000),
  objectives_fr text check (length(objectives_fr) <= 4000),
  objectives_nl text check (length(objectives_nl) <= 4000),
  target_public_fr text check (length(target_public_fr) <= 4000),
  target_public_nl text check (length(target_public_nl) <= 4000),
  partners_fr text check (length(partners_fr) <= 4000),
  partners_nl text check (length(partners_nl) <= 4000),
  resources_fr text check (length(resources_fr) <= 4000),
  resources_nl text check (length(resources_nl) <= 4000),
  results_fr text check (length(results_fr) <= 4000),
  results_nl text check (length(results_nl) <= 4000),
  difficulties_fr text check (length(difficulties_fr) <= 4000),
  difficulties_nl text check (length(difficulties_nl) <= 4000),
  contact_fr text check (length(contact_fr) <= 1000),
  contact_nl text check (length(contact_nl) <= 1000),
  contact_email text check (contact_email is null or (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'
    and length(contact_email) <= 254)),
  -- The owner's choice: the contact (texts and e-mail) also on the public page.
  contact_public boolean not null default false,
  themes text[] not null check (cardinality(themes) between 1 and 5 and themes <@ array['migrant_activation',
    'social_activation', 'socio_professional_insertion', 'debt_mediation', 'youth', 'domiciliation', 'housing',
    'interpreting', 'volunteering', 'reception', 'health', 'digital_inclusion']::text[]),
  tags text[] not null default '{}' check (cardinality(tags) <= 10),
  -- Organisations of the network that developed it with the owner (the API checks they exist).
  partner_org_ids uuid[] not null default '{}' check (cardinality(partner_org_ids) <= 20),
  -- First publication to the network (RCO116 dates a solution by it); kept when withdrawn.
  published_on date,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_fr tsvector generated always as (
    setweight(to_tsvector('french', app.fold(coalesce(title_fr, title_nl, ''))), 'A') ||
    setweight(to_tsvector('french', app.fold(app.practice_words(tags))), 'B') ||
    setweight(to_tsvector('french', app.fold(coalesce(description_fr, description_nl, '') || ' ' ||
      coalesce(context_fr, context_nl, '') || ' ' || coalesce(objectives_fr, objectives_nl, '') || ' ' ||
      coalesce(target_public_fr, target_public_nl, '') || ' ' || coalesce(results_fr, results_nl, ''))), 'C')) stored,
  search_nl tsvector generated always as (
    setweight(to_tsvector('dutch', app.fold(coalesce(title_nl, title_fr, ''))), 'A') ||
    setweight(to_tsvector('dutch', app.fold(app.practice_words(tags))), 'B') ||
    setweight(to_tsvector('dutch', app.fold(coalesce(description_nl, description_fr, '') || ' ' ||
      coalesce(context_nl, context_fr, '') || ' ' || coalesce(objectives_nl, objectives_fr, '') || ' ' ||
      coalesce(target_public_nl, target_public_fr, '') || ' ' || coalesce(results_nl, results_fr, ''))), 'C')) stored,
  -- A version is a title and a description; the original one is always there.
  check ((title_fr is null) = (description_fr is null)),
  check ((title_nl is null) = (description_nl is null)),
  check ((original_language = 'fr' and title_fr is not null) or (original_language = 'nl' and title_nl is not null)),
  check (source_kind <> 'direct' or source_id is null),
  check (status = 'draft' or published_on is not null),
  unique (id, org_id)
);
create index practice_sheets_org on practice_sheets (org_id, status);
create index practice_sheets_published on practice_sheets using gin (themes) where status in ('network', 'public');
create index practice_sheets_programme on practice_sheets (programme_id) where programme_id is not null;
create index practice_sheets_search_fr on practice_sheets using gin (search_fr);
create index practice_sheets_search_nl on practice_sheets using gin (search_nl);

-- ============================================================================ guard
-- A sheet is created as a draft; its organisation, reference and source never change; its status moves
-- only along the workflow (src/common/practices/workflow.ts, tested against it); the first publication
-- dates it.
create function app.practice_sheets_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status <> 'draft' or new.published_on is not null then
      raise exception 'practice sheet: created as a draft' using errcode = '23514';
    end if;
    return new;
  end if;
  if (new.org_id, new.reference, new.source_kind, new.created_at) is distinct from
      (old.org_id, old.reference, old.source_kind, old.created_at)
    or (old.source_id is not null and new.source_id is distinct from old.source_id) then
    raise exception 'practice sheet: owner, reference and source are fixed' using errcode = '23514';
  end if;
  if new.status is distinct from old.status then
    if (old.status, new.status) not in (('draft', 'network'), ('draft', 'public'), ('network', 'public'),
        ('public', 'network'), ('network', 'withdrawn'), ('public', 'withdrawn'), ('withdrawn', 'draft')) then
      raise exception 'practice sheet: % to % is not a move of the workflow', old.status, new.status
        using errcode = '23514';
    end if;
    if new.status in ('network', 'public') and old.published_on is null then
      new.published_on := app.today();
    end if;
  end if;
  if new.published_on is distinct from old.published_on and old.published_on is not null then
    raise exception 'practice sheet: the first publication date is fixed' using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger practice_sheets_guard before insert or update on practice_sheets
  for each row execute function app.practice_sheets_guard();

create policy practice_sheets_read on practice_sheets for select to samen_app
  using (status = 'public' or (status = 'network' and (select app.is_authenticated()))
    or org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or (select app.scope()) = 'system');
create policy practice_sheets_insert on practice_sheets for insert to samen_app
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
create policy practice_sheets_update on practice_sheets for update to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
-- Only drafts are deleted: a published sheet is withdrawn (others may have taken it up).
create policy practice_sheets_delete on practice_sheets for delete to samen_app
  using ((org_id = (select app.current_org_id()) or (select app.is_platform_admin())) and status = 'draft');
select app.secure_table('practice_sheets');
grant select, insert, update, delete on practice_sheets to samen_app;
grant usage on sequence practice_sheet_ref to samen_app;
create trigger practice_sheets_audit after insert or update or delete on practice_sheets
  for each row execute function audit.on_change('-search_fr', '-search_nl');

-- ============================================================================ attachments
-- Same types, size and checks as expenditure proofs (migration 0023): recognised from their own bytes by
-- the API, at most 10 MB, with their SHA-256, always served as a download; content out of the audit log.
create table practice_attachments (
  id uuid primary key default gen_random_uuid(),
  sheet_id uuid not null,
  org_id uuid not null,
  filename text not null check (length(filename) between 1 and 200 and filename !~ '[/\\[:cntrl:]]'),
  media_type text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg',
    'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null check (octet_length(content) = size_bytes),
  uploaded_by uuid references users (id) on delete set null,
  created_at timestamptz not null default clock_timestamp(),
  foreign key (sheet_id, org_id) references practice_sheets (id, org_id) on delete cascade,
  unique (sheet_id, sha256)
);
create index practice_attachments_sheet on practice_attachments (sheet_id, created_at);

create policy practice_attachments_read on practice_attachments for select to samen_app
  using (exists (select 1 from practice_sheets s where s.id = sheet_id));
create policy practice_attachments_write on practice_attachments for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('practice_attachments');
grant select, insert, delete on practice_attachments to samen_app;
create trigger practice_attachments_audit after insert or update or delete on practice_attachments
  for each row execute function audit.on_change('-content');

-- ============================================================================ take-ups
-- One record per step an organisation reports (planned, trying, adopted, abandoned), with its dates and
-- evidence: the history of the practice's take-up. Never changed but to add the evidence file once;
-- a mistaken record is deleted by its organisation.
create table practice_take_ups (
  id uuid primary key default gen_random_uuid(),
  sheet_id uuid not null,
  -- The sheet's owner, copied so that RLS needs no join (the foreign key keeps it the sheet's).
  sheet_org_id uuid not null,
  -- The organisation that takes the practice up.
  org_id uuid not null references organisations (id),
  status text not null check (status in ('planned', 'trying', 'adopted', 'abandoned')),
  starts_on date not null,
  ends_on date check (ends_on is null or ends_on >= starts_on),
  evidence text not null check (length(trim(evidence)) between 2 and 4000),
  evidence_filename text check (evidence_filename is null or (length(evidence_filename) between 1 and 200
    and evidence_filename !~ '[/\\[:cntrl:]]')),
  evidence_media_type text check (evidence_media_type in ('application/pdf', 'image/png', 'image/jpeg',
    'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet')),
  evidence_size_bytes integer check (evidence_size_bytes between 1 and 10485760),
  evidence_sha256 text check (evidence_sha256 ~ '^[0-9a-f]{64}$'),
  evidence_content bytea check (octet_length(evidence_content) = evidence_size_bytes),
  recorded_by uuid references users (id) on delete set null,
  created_at timestamptz not null default clock_timestamp(),
  foreign key (sheet_id, sheet_org_id) references practice_sheets (id, org_id) on delete cascade,
  check (org_id <> sheet_org_id),
  check (status <> 'abandoned' or ends_on is not null),
  check ((evidence_filename is null) = (evidence_content is null)
    and (evidence_content is null) = (evidence_sha256 is null)
    and (evidence_content is null) = (evidence_media_type is null))
);
create index practice_take_ups_sheet on practice_take_ups (sheet_id, starts_on);
create index practice_take_ups_org on practice_take_ups (org_id);

-- A take-up is recorded on a published sheet only; afterwards only its evidence file is added, once.
create function app.practice_take_ups_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    -- Read as the owner: the caller sees the sheet anyway (the insert policy requires it).
    if not exists (select 1 from practice_sheets s where s.id = new.sheet_id and s.status in ('network', 'public')) then
      raise exception 'practice take-up: the sheet is not published' using errcode = '23514';
    end if;
    return new;
  end if;
  if (new.sheet_id, new.sheet_org_id, new.org_id, new.status, new.starts_on, new.ends_on, new.evidence,
      new.recorded_by, new.created_at) is distinct from (old.sheet_id, old.sheet_org_id, old.org_id, old.status,
      old.starts_on, old.ends_on, old.evidence, old.recorded_by, old.created_at)
    or old.evidence_sha256 is not null then
    raise exception 'practice take-up: a record is never changed (only its evidence file added once)'
      using errcode = '23514';
  end if;
  return new;
end $$;
create trigger practice_take_ups_guard before insert or update on practice_take_ups
  for each row execute function app.practice_take_ups_guard();

create policy practice_take_ups_read on practice_take_ups for select to samen_app
  using (org_id = (select app.current_org_id()) or sheet_org_id = (select app.current_org_id())
    or ((select app.is_authenticated()) and exists (select 1 from practice_sheets s where s.id = sheet_id
      and s.status in ('network', 'public')))
    or (select app.is_platform_admin()) or (select app.scope()) = 'system');
create policy practice_take_ups_insert on practice_take_ups for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and exists (select 1 from practice_sheets s where s.id = sheet_id and s.status in ('network', 'public')));
create policy practice_take_ups_update on practice_take_ups for update to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
create policy practice_take_ups_delete on practice_take_ups for delete to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('practice_take_ups');
-- Every column but the evidence file's bytes: the read policy lets the network see a published sheet's
-- records, not the documents behind them (read through the function below).
grant select (id, sheet_id, sheet_org_id, org_id, status, starts_on, ends_on, evidence, evidence_filename,
  evidence_media_type, evidence_size_bytes, evidence_sha256, recorded_by, created_at), insert, delete
  on practice_take_ups to samen_app;
grant update (evidence_filename, evidence_media_type, evidence_size_bytes, evidence_sha256, evidence_content)
  on practice_take_ups to samen_app;
create trigger practice_take_ups_audit after insert or update or delete on practice_take_ups
  for each row execute function audit.on_change('-evidence_content');

-- The evidence file's bytes, to the recording organisation and the sheet's owner only (null to anyone
-- else, and when there is no file).
create function app.practice_take_up_evidence(p_take_up uuid) returns bytea
  language sql stable security definer set search_path = pg_catalog, public as $$
  select t.evidence_content from practice_take_ups t
  where t.id = p_take_up and app.is_authenticated()
    and app.current_org_id() in (t.org_id, t.sheet_org_id)
$$;
revoke execute on function app.practice_take_up_evidence(uuid) from public;
grant execute on function app.practice_take_up_evidence(uuid) to samen_app;

-- ============================================================================ indicators
-- Sheets are no persons: counted rows name a sheet by its reference (pseudonymous, person_id null), with
-- its owner as the partner. Published sheets are readable by every signed-in user, so counts and rows are
-- answered to any signed-in member (like the network's rules of migration 0017).

-- RCO116, jointly developed solutions: published sheets of the programme, owned by a member, first
-- published within [from, to], with at least p_min_orgs organisations involved (the owner and its listed
-- partner organisations; with p_members_only, only those that are members of the programme count).
create function app.ind_practices_developed_all(p_programme uuid, p_from date, p_to date, p_min_orgs integer,
  p_members_only boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select s.reference, null::uuid, s.org_id, s.published_on, null::date, n.orgs::text
  from practice_sheets s
    cross join lateral (select count(distinct o)::int as orgs from unnest(s.partner_org_ids || s.org_id) o
      where not p_members_only or o in (select m.org_id from app.programme_members(p_programme, null) m)) n
  where s.programme_id = p_programme and s.status in ('network', 'public')
    and s.published_on between p_from and p_to
    and s.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and n.orgs >= p_min_orgs
$$;

-- RCR104, solutions taken up: published sheets of the programme with an 'adopted' take-up by another
-- organisation starting within [from, to]; one row per sheet (detail: how many organisations adopted it).
create function app.ind_practices_taken_up_all(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select s.reference, null::uuid, s.org_id, min(t.starts_on), null::date, count(distinct t.org_id)::text
  from practice_sheets s join practice_take_ups t on t.sheet_id = s.id
  where s.programme_id = p_programme and s.status in ('network', 'public')
    and s.org_id in (select m.org_id from app.programme_members(p_programme, null) m)
    and t.status = 'adopted' and t.org_id <> s.org_id and t.starts_on between p_from and p_to
  group by s.id, s.reference, s.org_id
$$;

create function app.ind_practices_developed_count(p_programme uuid, p_from date, p_to date,
  p_min_orgs integer, p_members_only boolean)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(distinct r.subject)::int
  from app.ind_practices_developed_all(p_programme, p_from, p_to, p_min_orgs, p_members_only) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_practices_developed_records(p_programme uuid, p_from date, p_to date,
  p_min_orgs integer, p_members_only boolean)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_practices_developed_all(p_programme, p_from, p_to, p_min_orgs, p_members_only) r
  where app.is_authenticated() or app.is_platform_admin()
$$;
create function app.ind_practices_taken_up_count(p_programme uuid, p_from date, p_to date)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(distinct r.subject)::int
  from app.ind_practices_taken_up_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_practices_taken_up_records(p_programme uuid, p_from date, p_to date)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_practices_taken_up_all(p_programme, p_from, p_to) r
  where app.is_authenticated() or app.is_platform_admin()
$$;

revoke execute on function app.ind_practices_developed_all(uuid, date, date, integer, boolean),
  app.ind_practices_taken_up_all(uuid, date, date) from public;
grant execute on function app.ind_practices_developed_count(uuid, date, date, integer, boolean),
  app.ind_practices_developed_records(uuid, date, date, integer, boolean),
  app.ind_practices_taken_up_count(uuid, date, date),
  app.ind_practices_taken_up_records(uuid, date, date) to samen_app;
