-- Each partner's local analysis of social needs (issue 12): the "analyse des besoins sociaux" a French
-- CCAS produces after each municipal election (décret 2016-824), the "sociale omgevingsanalyse" of a
-- Flemish OCMW. Pages per theme mixing the partner's text and live tiles (an indicator as a map or a table)
-- on its own territory, in numbered versions: the one draft is edited, publishing freezes it (the database
-- refuses any change to a published version or its sections) and a new draft starts as its copy.
--
-- Reading: published versions by every signed-in user (the analyses feed the joint work), drafts by their
-- organisation only (work in progress is not shared). Writing: the owning organisation.
create table obs_analyses (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  title_fr text not null check (length(trim(title_fr)) between 1 and 200),
  title_nl text not null check (length(trim(title_nl)) between 1 and 200),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index obs_analyses_org on obs_analyses (org_id);

create table obs_analysis_versions (
  id uuid primary key default gen_random_uuid(),
  analysis_id uuid not null references obs_analyses (id) on delete cascade,
  -- The analysis's organisation, copied so that the policies need no join.
  org_id uuid not null references organisations (id),
  number integer not null check (number between 1 and 9999),
  status text not null default 'draft' check (status in ('draft', 'published')),
  -- The territory of the tiles, frozen with the version: a territory group's code, or null for the
  -- organisation's own municipality. No foreign key, as on the boards.
  group_code text check (group_code is null or (length(group_code) between 2 and 60
    and group_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$')),
  note text check (note is null or length(note) <= 2000),
  published_at timestamptz,
  published_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (analysis_id, number),
  check ((status = 'published') = (published_at is not null))
);
-- One draft at a time.
create unique index obs_analysis_versions_draft on obs_analysis_versions (analysis_id) where status = 'draft';

create table obs_analysis_sections (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references obs_analysis_versions (id) on delete cascade,
  org_id uuid not null references organisations (id),
  position integer not null check (position between 0 and 999),
  -- One of the observatory's themes, or 'general' (introduction, method, conclusion).
  theme text not null check (theme ~ '^[a-z][a-z_]{1,39}$'),
  heading_fr text not null check (length(trim(heading_fr)) between 1 and 200),
  heading_nl text not null check (length(trim(heading_nl)) between 1 and 200),
  -- Plain text over several lines (no markup).
  body_fr text not null default '' check (length(body_fr) <= 20000),
  body_nl text not null default '' check (length(body_nl) <= 20000),
  -- The optional tile: an indicator as a map or a table, at a period (null: the latest).
  indicator_id uuid references obs_indicators (id),
  tile_kind text check (tile_kind in ('map', 'table')),
  tile_period text check (tile_period is null or tile_period ~ '^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$'),
  created_at timestamptz not null default now(),
  check ((indicator_id is null) = (tile_kind is null)),
  check (tile_period is null or indicator_id is not null)
);
create index obs_analysis_sections_version on obs_analysis_sections (version_id, position);

-- A published version is the record of what the organisation adopted: it never changes, nor its sections.
-- The sections' check runs as the owner (its owner_definer policy) so that it sees the version whatever the
-- caller's policies let it read.
create function app.obs_analysis_version_frozen() returns trigger language plpgsql as $$
begin
  if old.status = 'published' then
    raise exception 'a published analysis version cannot change' using errcode = '23514';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger obs_analysis_versions_frozen before update or delete on obs_analysis_versions
  for each row execute function app.obs_analysis_version_frozen();

create function app.obs_analysis_section_frozen() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
begin
  if exists (select 1 from obs_analysis_versions v where v.status = 'published'
      and v.id in (case when tg_op = 'INSERT' then null else old.version_id end,
                   case when tg_op = 'DELETE' then null else new.version_id end)) then
    raise exception 'the sections of a published analysis version cannot change' using errcode = '23514';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger obs_analysis_sections_frozen before insert or update or delete on obs_analysis_sections
  for each row execute function app.obs_analysis_section_frozen();

create policy obs_analyses_read on obs_analyses for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system');
create policy obs_analyses_write on obs_analyses for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or (select app.scope()) = 'system');
select app.secure_table('obs_analyses');
grant select, insert, update, delete on obs_analyses to samen_app;
create trigger obs_analyses_audit after insert or update or delete on obs_analyses
  for each row execute function audit.on_change();

create policy obs_analysis_versions_read on obs_analysis_versions for select to samen_app
  using ((select app.scope()) = 'system' or ((select app.is_authenticated())
    and (status = 'published' or org_id = (select app.current_org_id()))));
create policy obs_analysis_versions_write on obs_analysis_versions for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
    and exists (select 1 from obs_analyses a where a.id = obs_analysis_versions.analysis_id
      and a.org_id = obs_analysis_versions.org_id));
select app.secure_table('obs_analysis_versions');
grant select, insert, update, delete on obs_analysis_versions to samen_app;
create trigger obs_analysis_versions_audit after insert or update or delete on obs_analysis_versions
  for each row execute function audit.on_change();

create policy obs_analysis_sections_read on obs_analysis_sections for select to samen_app
  using ((select app.scope()) = 'system' or ((select app.is_authenticated())
    and (org_id = (select app.current_org_id()) or exists (select 1 from obs_analysis_versions v
      where v.id = obs_analysis_sections.version_id and v.status = 'published'))));
create policy obs_analysis_sections_write on obs_analysis_sections for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
    and exists (select 1 from obs_analysis_versions v where v.id = obs_analysis_sections.version_id
      and v.org_id = obs_analysis_sections.org_id));
select app.secure_table('obs_analysis_sections');
grant select, insert, update, delete on obs_analysis_sections to samen_app;
create trigger obs_analysis_sections_audit after insert or update or delete on obs_analysis_sections
  for each row execute function audit.on_change();
