-- Programme structure: the actions (work packages, modules, years) a programme is made of. Records
-- (placements, immersions, events…), budget lines and indicators are attributed to an action. Like the
-- programme, an action belongs to the programme's lead organisation; every signed-in member reads it.

-- ============================================================================ actions
create table programme_actions (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  -- The programme's lead organisation, copied so that RLS needs no join.
  org_id uuid not null references organisations (id),
  position integer not null check (position between 1 and 99),
  -- Short reference shown before the title, e.g. "A1", "M2", "Y1".
  code text not null check (length(trim(code)) between 1 and 12),
  kind text not null default 'action' check (kind in ('action', 'work_package', 'module', 'year')),
  title_fr text not null check (length(trim(title_fr)) between 2 and 300),
  title_nl text not null check (length(trim(title_nl)) between 2 and 300),
  title_en text check (title_en is null or length(trim(title_en)) between 2 and 300),
  -- Record kinds attributed to this action unless their author chooses another (e.g. {placement}).
  default_for text[] not null default '{}' check (default_for <@ array['placement', 'immersion', 'event',
    'accompaniment', 'needs_analysis']),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (programme_id, position) deferrable initially deferred,
  unique (programme_id, code)
);
create index programme_actions_org on programme_actions (org_id);

create policy programme_actions_read on programme_actions for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy programme_actions_write on programme_actions for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check ((org_id = app.current_org_id() or app.is_platform_admin())
    and org_id = (select p.org_id from programmes p where p.id = programme_id));
select app.secure_table('programme_actions');
grant select, insert, update, delete on programme_actions to samen_app;
create trigger programme_actions_audit after insert or update or delete on programme_actions
  for each row execute function audit.on_change();

-- ============================================================================ programme facts
-- Themes reuse the services' list (0002), so that a programme and the services it funds speak alike.
alter table programmes add column themes text[] not null default '{}' check (themes <@ array['employment',
  'social_activation', 'housing', 'debt_budget', 'health', 'mental_health', 'refugees_migrants', 'mobility',
  'food_aid', 'language_courses', 'childcare_family', 'legal_rights', 'volunteering', 'elderly_disability']);
-- The funding programme's category of intervention, as the application names it (free text or code).
alter table programmes add column intervention_category text
  check (intervention_category is null or length(trim(intervention_category)) between 1 and 300);
-- Only https: the page links to it, and a javascript: or plain-http address must never be stored.
alter table programmes add column website text check (website is null or (length(website) <= 500
  and website ~ '^https://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?(/[^[:space:]<>"]*)?$'));

-- ============================================================================ partner roles
-- An organisation may hold several roles in one programme (Provincie West-Vlaanderen: associated partner
-- and co-financer). `role` stays the main role every existing query reads (and the one-lead index);
-- `extra_roles` holds the others, and `roles` is their union for queries such as "the co-financers".
alter table programme_partners add column extra_roles text[] not null default '{}'
  check (extra_roles <@ array['partner', 'operator', 'associated', 'cofinancer']);
alter table programme_partners add constraint programme_partners_extra_roles_distinct
  check (not (role = any (extra_roles)));
alter table programme_partners add column roles text[] generated always as (array[role] || extra_roles) stored;

-- ============================================================================ perimeter
-- The municipalities a programme covers (e.g. those of the Eurométropole Lille–Kortrijk–Tournai).
create table programme_territories (
  programme_id uuid not null references programmes (id) on delete cascade,
  territory_code text not null references territories (code),
  org_id uuid not null references organisations (id),
  created_at timestamptz not null default now(),
  primary key (programme_id, territory_code)
);
create index programme_territories_org on programme_territories (org_id);
create index programme_territories_code on programme_territories (territory_code);

create policy programme_territories_read on programme_territories for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy programme_territories_write on programme_territories for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check ((org_id = app.current_org_id() or app.is_platform_admin())
    and org_id = (select p.org_id from programmes p where p.id = programme_id));
select app.secure_table('programme_territories');
grant select, insert, update, delete on programme_territories to samen_app;
create trigger programme_territories_audit after insert or update or delete on programme_territories
  for each row execute function audit.on_change();

-- ============================================================================ milestones
-- Whether the current organisation is one of the programme's partners (its lead included).
create function app.is_programme_partner(p_programme uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select app.is_authenticated() and exists (select 1 from programme_partners pp
    where pp.programme_id = p_programme and pp.partner_org_id = app.current_org_id())
$$;
revoke execute on function app.is_programme_partner(uuid) from public;
grant execute on function app.is_programme_partner(uuid) to samen_app;

-- Dated steps of the programme (convention signed, funding order received…): the programme's partners
-- read them, the lead writes them.
create table programme_milestones (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  org_id uuid not null references organisations (id),
  occurs_on date not null,
  label_fr text not null check (length(trim(label_fr)) between 2 and 300),
  label_nl text not null check (length(trim(label_nl)) between 2 and 300),
  label_en text check (label_en is null or length(trim(label_en)) between 2 and 300),
  note text check (note is null or length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index programme_milestones_programme on programme_milestones (programme_id, occurs_on);
create index programme_milestones_org on programme_milestones (org_id);

create policy programme_milestones_read on programme_milestones for select to samen_app
  using (org_id = app.current_org_id() or app.is_programme_partner(programme_id)
    or app.is_platform_admin() or app.scope() = 'system');
create policy programme_milestones_write on programme_milestones for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check ((org_id = app.current_org_id() or app.is_platform_admin())
    and org_id = (select p.org_id from programmes p where p.id = programme_id));
select app.secure_table('programme_milestones');
grant select, insert, update, delete on programme_milestones to samen_app;
create trigger programme_milestones_audit after insert or update or delete on programme_milestones
  for each row execute function audit.on_change();

-- ============================================================================ placements → action
-- A placement is attributed to one action of its programme; by default the programme's first action whose
-- default_for contains 'placement' (SAM's Action 1). An action with attributed records cannot be deleted.
alter table placements add column action_id uuid references programme_actions (id) on delete restrict;
create index placements_action on placements (action_id);

-- Runs as the owner so that the default is the same whoever writes the placement (home centre, host, job).
create function app.placement_action() returns trigger
  language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  v_programme uuid;
begin
  -- A placement moved to another programme leaves its old action unless a new one is chosen with it.
  if tg_op = 'UPDATE' and new.programme_id is distinct from old.programme_id
     and new.action_id is not distinct from old.action_id then
    new.action_id := null;
  end if;
  if new.action_id is not null then
    select a.programme_id into v_programme from programme_actions a where a.id = new.action_id;
    if new.programme_id is null or v_programme is distinct from new.programme_id then
      raise exception 'the action belongs to another programme' using errcode = '23514';
    end if;
  elsif new.programme_id is not null and (tg_op = 'INSERT' or new.programme_id is distinct from old.programme_id) then
    select a.id into new.action_id from programme_actions a
      where a.programme_id = new.programme_id and 'placement' = any (a.default_for)
      order by a.position limit 1;
  end if;
  return new;
end
$$;
revoke execute on function app.placement_action() from public;
create trigger placements_action before insert or update of programme_id, action_id on placements
  for each row execute function app.placement_action();

-- Whether an action has records attributed to it, across organisations (RLS hides other partners'
-- placements from the lead). Answers only for the programme's lead or a platform admin.
create function app.programme_action_in_use(p_action uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select exists (select 1 from programme_actions a where a.id = p_action
      and (a.org_id = app.current_org_id() or app.is_platform_admin()))
    and exists (select 1 from placements p where p.action_id = p_action)
$$;
revoke execute on function app.programme_action_in_use(uuid) from public;
grant execute on function app.programme_action_in_use(uuid) to samen_app;

-- ============================================================================ documents
-- Files the lead attaches to a programme (convention, funding order, reports…), read by its partners.
-- Only the types the API recognises from the file's own bytes (PDF, office files, PNG/JPEG images), at most
-- 10 MB, with their SHA-256; always served as a download, never inline. The content stays out of the audit
-- log (the metadata and checksum are in it).
create table programme_documents (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  org_id uuid not null references organisations (id),
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
  uploaded_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (programme_id, sha256)
);
create index programme_documents_programme on programme_documents (programme_id, created_at);
create index programme_documents_org on programme_documents (org_id);

create policy programme_documents_read on programme_documents for select to samen_app
  using (org_id = app.current_org_id() or app.is_programme_partner(programme_id)
    or app.is_platform_admin() or app.scope() = 'system');
create policy programme_documents_write on programme_documents for all to samen_app
  using (org_id = app.current_org_id() or app.is_platform_admin())
  with check ((org_id = app.current_org_id() or app.is_platform_admin())
    and org_id = (select p.org_id from programmes p where p.id = programme_id));
select app.secure_table('programme_documents');
grant select, insert, delete on programme_documents to samen_app;
create trigger programme_documents_audit after insert or update or delete on programme_documents
  for each row execute function audit.on_change('-content');
