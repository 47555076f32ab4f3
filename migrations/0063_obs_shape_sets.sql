-- Map boundaries are served apart from a map's values, under a digest key the browser keeps for good
-- (GET /api/observatory/shapes/:key). The key is a digest, so a process that did not compute the map cannot
-- rebuild the set from it: what the set is made of is kept here, so every process behind a load balancer
-- answers every key (issue 15, scale-out). Public reference data only: territory codes, and for a current
-- code not loaded yet the old codes it is drawn from. No organisation, no person.
create table obs_shape_sets (
  key text primary key check (key ~ '^[a-f0-9]{32}$'),
  codes text[] not null check (cardinality(codes) between 1 and 20000),
  -- { "<current code>": ["<old code>", …] } for codes drawn from the ones they replace.
  sources jsonb not null default '{}'::jsonb check (jsonb_typeof(sources) = 'object'),
  created_at timestamptz not null default now()
);
alter table obs_shape_sets enable row level security;
alter table obs_shape_sets force row level security;
-- Any reader of a map (anonymous readers of a published board included) names its set; nobody changes one.
create policy obs_shape_sets_read on obs_shape_sets for select to samen_app using (true);
create policy obs_shape_sets_insert on obs_shape_sets for insert to samen_app with check (true);
grant select, insert on obs_shape_sets to samen_app;
