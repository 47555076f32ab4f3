-- The observatory's thematic boards (issue 12): the joint analysis's "boordtabel" per theme (health,
-- poverty, employment…, or a custom one a coordinator assembles), a list of tiles (one indicator each, as a
-- map or a table) under board-wide filters (a territory group, a period; none = the latest). An owner may
-- publish a board: it is then readable without login, in FR and NL. Its tiles show aggregates only, under
-- the small-number rules the map already applies; no person is in a board.
--
-- Reading: every signed-in user (the joint analysis is shared), the system, and anonymous visitors for a
-- published board only. Writing: the owning organisation.

create table obs_boards (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  -- The public address /observatory/<code>.
  code text not null unique check (length(code) between 2 and 60 and code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title_fr text not null check (length(trim(title_fr)) between 1 and 200),
  title_nl text not null check (length(trim(title_nl)) between 1 and 200),
  description_fr text check (description_fr is null or length(description_fr) <= 2000),
  description_nl text check (description_nl is null or length(description_nl) <= 2000),
  -- One of the observatory's themes, or 'custom'.
  theme text not null check (theme ~ '^[a-z][a-z_]{1,39}$'),
  -- A territory group's code (no foreign key: deleting a group must not be blocked by a board; a board
  -- whose group is gone shows every municipality).
  group_code text check (group_code is null or (length(group_code) between 2 and 60
    and group_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$')),
  -- Null: each indicator's latest period.
  period text check (period is null or period ~ '^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$'),
  published_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index obs_boards_org on obs_boards (org_id);

create table obs_board_tiles (
  id uuid primary key default gen_random_uuid(),
  board_id uuid not null references obs_boards (id) on delete cascade,
  -- The board's organisation, copied so that the write policy needs no join on reads.
  org_id uuid not null references organisations (id),
  position integer not null check (position between 0 and 999),
  indicator_id uuid not null references obs_indicators (id),
  kind text not null default 'map' check (kind in ('map', 'table')),
  created_at timestamptz not null default now()
);
create index obs_board_tiles_board on obs_board_tiles (board_id, position);

create policy obs_boards_read on obs_boards for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or (published_at is not null and (select app.scope()) = 'public'));
create policy obs_boards_write on obs_boards for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check (org_id = (select app.current_org_id()) or (select app.scope()) = 'system');
select app.secure_table('obs_boards');
grant select, insert, update, delete on obs_boards to samen_app;
create trigger obs_boards_audit after insert or update or delete on obs_boards
  for each row execute function audit.on_change();

create policy obs_board_tiles_read on obs_board_tiles for select to samen_app
  using ((select app.is_authenticated()) or (select app.scope()) = 'system'
    or ((select app.scope()) = 'public' and exists (select 1 from obs_boards b
      where b.id = obs_board_tiles.board_id and b.published_at is not null)));
create policy obs_board_tiles_write on obs_board_tiles for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
  with check ((org_id = (select app.current_org_id()) or (select app.scope()) = 'system')
    and exists (select 1 from obs_boards b where b.id = obs_board_tiles.board_id
      and b.org_id = obs_board_tiles.org_id));
select app.secure_table('obs_board_tiles');
grant select, insert, update, delete on obs_board_tiles to samen_app;
create trigger obs_board_tiles_audit after insert or update or delete on obs_board_tiles
  for each row execute function audit.on_change();
