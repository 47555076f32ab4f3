-- The thematic boards' policy follow-up and three more tile kinds (issue 12, Action 3).
--
-- Follow-up: what each partner decided to adapt in its local social policy in response to a board, with
-- its date and progress. Any organisation that may import into the observatory records its own decisions
-- on any board (the joint analysis is shared; the answer is each partner's). A decision is written once,
-- in the language of the partner that writes it (no translation is asked of a CCAS or an OCMW), and is
-- public policy: a published board shows it without login, with the organisation's name and never the
-- person's who wrote it (created_by stays for the audit, not for display).
--
-- Tiles: besides a map and a table, a ranking (territories by value), a series (the group's total over
-- every period) and a comparison of two municipalities over the periods, chosen on the tile.

create table obs_board_followups (
  id uuid primary key default gen_random_uuid(),
  board_id uuid not null references obs_boards (id) on delete cascade,
  -- The partner that decided, and that alone may change or remove it.
  org_id uuid not null references organisations (id),
  decided_on date not null check (decided_on >= date '2000-01-01'),
  title text not null check (length(trim(title)) between 1 and 200),
  decision text check (decision is null or length(decision) <= 4000),
  -- The language it is written in (shown as such to readers of the other one).
  language text not null check (language in ('fr', 'nl')),
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done')),
  -- The indicator that prompted it, if one (an indicator, not a tile: removing a tile keeps the link).
  indicator_id uuid references obs_indicators (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index obs_board_followups_board on obs_board_followups (board_id, decided_on);
create index obs_board_followups_org on obs_board_followups (org_id);

create policy obs_board_followups_read on obs_board_followups for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or ((select app.scope()) = 'public' and exists (select 1 from obs_boards b
      where b.id = obs_board_followups.board_id and b.published_at is not null)));
create policy obs_board_followups_write on obs_board_followups for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or (select app.scope()) = 'system');
select app.secure_table('obs_board_followups');
grant select, insert, update, delete on obs_board_followups to samen_app;
create trigger obs_board_followups_audit after insert or update or delete on obs_board_followups
  for each row execute function audit.on_change();

-- The new tile kinds; a comparison names its two municipalities (and only a comparison does).
alter table obs_board_tiles drop constraint obs_board_tiles_kind_check;
alter table obs_board_tiles add constraint obs_board_tiles_kind_check
  check (kind in ('map', 'table', 'ranking', 'series', 'compare'));
-- Municipalities only: a comparison is of two cells of the map.
alter table obs_board_tiles
  add column geo_a text check (geo_a is null or geo_a ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$'),
  add column geo_b text check (geo_b is null or geo_b ~ '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$');
alter table obs_board_tiles add constraint obs_board_tiles_compare_check
  check ((kind = 'compare' and geo_a is not null and geo_b is not null and geo_a <> geo_b)
    or (kind <> 'compare' and geo_a is null and geo_b is null));
