-- Retention (issue 16, ADR 0033): each organisation's retention policy and the report of each run of the
-- retention job. A case file is anonymised N years after the last contact; a participation in a funded
-- programme holds it until M years after the programme's last payment (the later of its end date and the
-- last payment date its expenditure records). The rules are in src/common/admin/retention.ts.
--
-- Both tables belong to one organisation, read and written by it only (its administrators, through the
-- application; the job as the organisation). A run is written once, when it finished: no update, no delete.

create table retention_policies (
  org_id uuid primary key references organisations (id),
  case_file_years integer not null default 2 check (case_file_years between 1 and 30),
  participation_years integer not null default 5 check (participation_years between 1 and 30),
  -- Anonymisation cannot be undone: the job acts only once an administrator turned it on (after a dry run).
  automatic boolean not null default false,
  updated_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create policy retention_policies_own on retention_policies for all to samen_app
  using (org_id = (select app.current_org_id())) with check (org_id = (select app.current_org_id()));
select app.secure_table('retention_policies');
grant select, insert, update on retention_policies to samen_app;
create trigger retention_policies_audit after insert or update or delete on retention_policies
  for each row execute function audit.on_change();

create table retention_runs (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id),
  -- The civil day of the run: one run a day per organisation, so a second pass the same day is a no-op.
  ran_on date not null,
  -- The policy the run applied.
  case_file_years integer not null check (case_file_years between 1 and 30),
  participation_years integer not null check (participation_years between 1 and 30),
  case_file_count integer not null default 0 check (case_file_count >= 0),
  participation_count integer not null default 0 check (participation_count >= 0),
  held_count integer not null default 0 check (held_count >= 0),
  restricted_count integer not null default 0 check (restricted_count >= 0),
  failed_count integer not null default 0 check (failed_count >= 0),
  -- The persons anonymised, by id only.
  person_ids uuid[] not null default '{}',
  finished_at timestamptz not null default now(),
  unique (org_id, ran_on)
);
create policy retention_runs_read on retention_runs for select to samen_app
  using (org_id = (select app.current_org_id()));
create policy retention_runs_insert on retention_runs for insert to samen_app
  with check (org_id = (select app.current_org_id()));
select app.secure_table('retention_runs');
grant select, insert on retention_runs to samen_app;
create trigger retention_runs_audit after insert or update or delete on retention_runs
  for each row execute function audit.on_change();

-- The last payment of the programmes the current organisation's persons took part in: the later of the
-- programme's end and the last payment date of its expenditure items not rejected (declared by any
-- partner, which the organisation cannot read itself). Dates only, and only for a programme one of its own
-- pathways or placements names.
create function app.programme_last_payments(p_ids uuid[])
  returns table (programme_id uuid, last_payment_on date)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select p.id, greatest(p.ends_on, (select max(i.paid_on) from expenditure_items i
      join expenditure_declarations d on d.id = i.declaration_id
      where d.programme_id = p.id and i.review_status <> 'rejected'))
  from programmes p
  where p.id = any (p_ids) and app.current_org_id() is not null
    and (exists (select 1 from pathways w where w.programme_id = p.id and w.org_id = app.current_org_id())
      or exists (select 1 from placements pl where pl.programme_id = p.id and pl.org_id = app.current_org_id()))
$$;
revoke execute on function app.programme_last_payments(uuid[]) from public;
grant execute on function app.programme_last_payments(uuid[]) to samen_app;

-- The organisations whose administrators turned the retention job on, for the job (system scope) only.
create function app.retention_automatic_orgs() returns table (org_id uuid)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.org_id from retention_policies r where r.automatic and app.scope() = 'system'
$$;
revoke execute on function app.retention_automatic_orgs() from public;
grant execute on function app.retention_automatic_orgs() to samen_app;
