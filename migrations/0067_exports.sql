-- Exports (issue 16, ADR 0033): a file of personal data leaves the platform only as a stored export: the
-- generated file, encrypted with the platform key (AES-256-GCM by the application), with its owner and an
-- expiry (24 hours). Only its owner reads it, in their organisation, while it is valid; each creation is in
-- the audit log (this table's trigger, the file itself redacted) and each download too (the application);
-- a job deletes expired files.

create table exports (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  owner_user_id uuid not null references users (id),
  -- What it is, `<module>.<export>`, e.g. placements.overview.
  kind text not null check (kind ~ '^[a-z_]+(\.[a-z_]+)+$'),
  filename text not null check (length(filename) between 1 and 200 and filename !~ '[\x00-\x1f/\\]'),
  content_type text not null check (length(content_type) between 3 and 200),
  body_enc text not null,
  size_bytes integer not null check (size_bytes >= 0),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check (expires_at > created_at and expires_at <= created_at + interval '7 days')
);
create index exports_owner on exports (owner_user_id, created_at desc);
create index exports_expiry on exports (expires_at);

-- The owner, in the organisation the export was made in; the purge job (system scope) deletes expired ones.
create policy exports_owner_read on exports for select to samen_app
  using (org_id = (select app.current_org_id()) and owner_user_id = (select app.current_user_id()));
create policy exports_owner_create on exports for insert to samen_app
  with check (org_id = (select app.current_org_id()) and owner_user_id = (select app.current_user_id()));
create policy exports_purge_read on exports for select to samen_app
  using ((select app.scope()) = 'system');
create policy exports_purge on exports for delete to samen_app
  using ((select app.scope()) = 'system' and expires_at <= now());
select app.secure_table('exports');
grant select, insert, delete on exports to samen_app;
create trigger exports_audit after insert or update or delete on exports
  for each row execute function audit.on_change('-body_enc');
