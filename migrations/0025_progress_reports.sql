-- Progress reports (issue 10, "Progress reports"; ADR 0019): the lead partner reports on a period of its
-- programme. The figures (indicator achievements, expenditure and absorption) are a snapshot taken when the
-- report is created (and refreshed on request while it is a draft); submitting freezes the version; a
-- re-opening needs a reason and starts a new version, every earlier one kept unchanged.
--
-- Who sees what: the programme's lead writes; the programme's partners read the report's header and its
-- submitted versions (a snapshot holds aggregates only, suppressed as any partner sees them); a draft
-- version, and the unsuppressed figures of every version, are the lead's alone.

create table progress_reports (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  -- The programme's lead organisation, copied so that RLS needs no join.
  lead_org_id uuid not null references organisations (id),
  -- The period as the programme names it, like expenditure declarations (their periods match by name).
  period text not null check (period ~ '^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}$'),
  starts_on date not null,
  ends_on date not null,
  -- When the report is due to the programme authority: the reminders count down to it.
  due_on date not null,
  -- The current version's status and number (the versions table keeps each one).
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  version integer not null default 1 check (version >= 1),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (programme_id, period),
  check (ends_on >= starts_on),
  check (due_on >= starts_on)
);
create index progress_reports_due on progress_reports (status, due_on);

create table progress_report_versions (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references progress_reports (id) on delete cascade,
  programme_id uuid not null references programmes (id) on delete cascade,
  lead_org_id uuid not null references organisations (id),
  number integer not null check (number >= 1),
  -- The snapshot (src/common/monitoring/report-schemas.ts ReportFigures): aggregates only.
  figures jsonb not null check (jsonb_typeof(figures) = 'object'),
  figures_taken_at timestamptz not null default now(),
  -- Narrative per action ('general' or an action id) and language: {"<key>": {"fr": "…", "nl": "…"}}.
  narratives jsonb not null default '{}' check (jsonb_typeof(narratives) = 'object'),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'reopened')),
  submitted_at timestamptz,
  submitted_by uuid references users (id),
  reopened_at timestamptz,
  reopened_by uuid references users (id),
  reopen_reason text check (reopen_reason is null or length(trim(reopen_reason)) between 3 and 2000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (report_id, number),
  check (status = 'draft' or submitted_at is not null),
  check ((status = 'reopened') = (reopen_reason is not null))
);

-- A version moves draft → submitted → reopened, nothing else; once submitted, its content never changes.
create function app.progress_report_version_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'progress report version: versions are kept' using errcode = '23514';
  end if;
  if (new.report_id, new.programme_id, new.lead_org_id, new.number, new.created_at)
      is distinct from (old.report_id, old.programme_id, old.lead_org_id, old.number, old.created_at) then
    raise exception 'progress report version: identity is fixed' using errcode = '23514';
  end if;
  if old.status <> 'draft' and (new.figures, new.figures_taken_at, new.narratives, new.submitted_at,
      new.submitted_by) is distinct from (old.figures, old.figures_taken_at, old.narratives,
      old.submitted_at, old.submitted_by) then
    raise exception 'progress report version: frozen once submitted' using errcode = '23514';
  end if;
  if old.status = 'reopened' and new.status <> 'reopened' then
    raise exception 'progress report version: a re-opened version stays so' using errcode = '23514';
  end if;
  if old.status = 'submitted' and new.status not in ('submitted', 'reopened') then
    raise exception 'progress report version: % to % not allowed', old.status, new.status
      using errcode = '23514';
  end if;
  if old.status = 'draft' and new.status = 'reopened' then
    raise exception 'progress report version: a draft is not re-opened' using errcode = '23514';
  end if;
  if old.status = 'reopened' and (new.reopen_reason, new.reopened_at, new.reopened_by)
      is distinct from (old.reopen_reason, old.reopened_at, old.reopened_by) then
    raise exception 'progress report version: frozen once re-opened' using errcode = '23514';
  end if;
  return new;
end $$;
create trigger progress_report_versions_guard before update or delete on progress_report_versions
  for each row execute function app.progress_report_version_guard();

-- The header's identity never changes.
create function app.progress_report_guard() returns trigger language plpgsql as $$
begin
  if (new.programme_id, new.lead_org_id, new.period) is distinct from
      (old.programme_id, old.lead_org_id, old.period) then
    raise exception 'progress report: identity is fixed' using errcode = '23514';
  end if;
  if new.status = 'submitted' and (new.starts_on, new.ends_on) is distinct from (old.starts_on, old.ends_on) then
    raise exception 'progress report: its period is frozen once submitted' using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger progress_reports_guard before update on progress_reports
  for each row execute function app.progress_report_guard();

-- The same figures unsuppressed, for the lead only: it reports exact counts to the programme authority
-- (and sees them live on the indicators page); the partners read the published snapshot above.
create table progress_report_exact_figures (
  version_id uuid primary key references progress_report_versions (id) on delete cascade,
  lead_org_id uuid not null references organisations (id),
  figures jsonb not null check (jsonb_typeof(figures) = 'object')
);
create function app.progress_report_exact_guard() returns trigger language plpgsql as $$
declare st text;
begin
  select v.status into st from progress_report_versions v where v.id = coalesce(new.version_id, old.version_id);
  if tg_op = 'DELETE' and st is not null then
    raise exception 'progress report version: versions are kept' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and (st is distinct from 'draft' or new.version_id <> old.version_id
      or new.lead_org_id <> old.lead_org_id) then
    raise exception 'progress report version: frozen once submitted' using errcode = '23514';
  end if;
  return coalesce(new, old);
end $$;
create trigger progress_report_exact_figures_guard before update or delete on progress_report_exact_figures
  for each row execute function app.progress_report_exact_guard();

-- Which reminders were sent (report due, a partner's declaration missing), so that none is sent twice.
create table progress_report_reminders (
  report_id uuid not null references progress_reports (id) on delete cascade,
  lead_org_id uuid not null references organisations (id),
  -- 'report:14', 'report:7', 'report:1', 'report:overdue', or 'declaration:<partner org id>:14'…
  kind text not null check (kind ~ '^(report|declaration:[0-9a-f-]{36}):(14|7|1|overdue)$'),
  sent_on date not null,
  primary key (report_id, kind)
);

-- ============================================================================ RLS
create policy progress_reports_read on progress_reports for select to samen_app
  using (lead_org_id = (select app.current_org_id())
    or app.is_programme_partner(programme_id)
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy progress_reports_insert on progress_reports for insert to samen_app
  with check ((lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and lead_org_id = (select p.org_id from programmes p where p.id = programme_id));
create policy progress_reports_update on progress_reports for update to samen_app
  using (lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin()));

create policy progress_report_versions_read on progress_report_versions for select to samen_app
  using (lead_org_id = (select app.current_org_id())
    or (status <> 'draft' and app.is_programme_partner(programme_id))
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy progress_report_versions_insert on progress_report_versions for insert to samen_app
  with check ((lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and status = 'draft'
    and exists (select 1 from progress_reports r where r.id = report_id
      and r.lead_org_id = progress_report_versions.lead_org_id
      and r.programme_id = progress_report_versions.programme_id));
create policy progress_report_versions_update on progress_report_versions for update to samen_app
  using (lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin()));

create policy progress_report_exact_figures_lead on progress_report_exact_figures for all to samen_app
  using (lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or app.scope() = 'system')
  with check ((lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and exists (select 1 from progress_report_versions v where v.id = version_id
      and v.lead_org_id = progress_report_exact_figures.lead_org_id));

create policy progress_report_reminders_all on progress_report_reminders for all to samen_app
  using (lead_org_id = (select app.current_org_id()) or app.scope() = 'system')
  with check (lead_org_id = (select app.current_org_id()) or app.scope() = 'system');

select app.secure_table('progress_reports');
select app.secure_table('progress_report_versions');
select app.secure_table('progress_report_exact_figures');
select app.secure_table('progress_report_reminders');
grant select, insert, update on progress_reports to samen_app;
grant select, insert, update on progress_report_versions to samen_app;
grant select, insert, update on progress_report_exact_figures to samen_app;
grant select, insert on progress_report_reminders to samen_app;
create trigger progress_reports_audit after insert or update or delete on progress_reports
  for each row execute function audit.on_change();
create trigger progress_report_versions_audit after insert or update or delete on progress_report_versions
  for each row execute function audit.on_change();

-- A report's expenditure of its period: the sums of expenditure_totals (0020), for the declarations of that
-- period only, to the same readers.
create function app.expenditure_period_totals(p_programme uuid, p_period text)
  returns table (partner_org_id uuid, category text, action_id uuid, review_status text,
    amount_cents bigint, corrected_cents bigint)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select i.org_id, i.category, i.action_id, i.review_status, sum(i.amount_cents)::bigint,
    sum(coalesce(i.corrected_cents, 0))::bigint
  from expenditure_items i join expenditure_declarations d on d.id = i.declaration_id
  where d.programme_id = p_programme and d.period = p_period and d.status <> 'draft'
    and (app.is_platform_admin() or app.is_programme_partner(p_programme) or app.scope() = 'system'
      or exists (select 1 from programmes p where p.id = p_programme and p.org_id = app.current_org_id()))
  group by 1, 2, 3, 4
$$;
revoke execute on function app.expenditure_period_totals(uuid, text) from public;
grant execute on function app.expenditure_period_totals(uuid, text) to samen_app;

-- The partners that submitted a declaration for a period (the reminders and the report name the others).
create function app.expenditure_period_declarants(p_programme uuid, p_period text)
  returns table (partner_org_id uuid)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select distinct d.org_id from expenditure_declarations d
  where d.programme_id = p_programme and d.period = p_period and d.status <> 'draft'
    and (app.is_platform_admin() or app.is_programme_partner(p_programme) or app.scope() = 'system'
      or exists (select 1 from programmes p where p.id = p_programme and p.org_id = app.current_org_id()))
$$;
revoke execute on function app.expenditure_period_declarants(uuid, text) from public;
grant execute on function app.expenditure_period_declarants(uuid, text) to samen_app;
