-- Programme budgets (issue 10, "Budgets and co-financing"): per partner budget lines by cost category,
-- action and period, the co-financing sources of each partner and the earmarked envelopes, in dated
-- versions. A budget is changed by a new version (with its reason and the source it comes from); a version
-- is never changed afterwards, so every earlier budget stays readable as it was. Money in integer cents;
-- totals, flat rates, fund shares and own contributions are computed by the application, never stored.
--
-- Like the programme (whose partners' totals every member already reads), a budget belongs to the lead
-- organisation and every signed-in member reads it; only the lead organisation writes (ADR 0017).

-- ============================================================================ versions
create table budget_versions (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  -- The programme's lead organisation, copied so that RLS needs no join.
  org_id uuid not null references organisations (id),
  number integer not null check (number between 1 and 999),
  -- The date of the budget (of the decision or of the document it comes from).
  dated_on date not null,
  reason text not null check (length(trim(reason)) between 3 and 2000),
  -- Where the figures come from: a document, a decision, a publication.
  source text not null check (length(trim(source)) between 3 and 1000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (programme_id, number)
);

-- ============================================================================ envelopes
-- An amount of a grant earmarked for one use (e.g. 95 000 € of Charleroi's FAMI grant for the partnership
-- with Binche); the lines charged to it tell its use.
create table budget_envelopes (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references budget_versions (id) on delete cascade,
  org_id uuid not null references organisations (id),
  position integer not null check (position between 1 and 99),
  fund text not null check (fund in ('erdf', 'amif', 'esf', 'province', 'region', 'other')),
  label text not null check (length(trim(label)) between 2 and 300),
  -- The whole grant the envelope is part of, when known.
  grant_cents bigint check (grant_cents is null or grant_cents between 0 and 99999999999999),
  earmarked_cents bigint not null check (earmarked_cents between 0 and 99999999999999),
  partner_org_id uuid references organisations (id),
  note text check (note is null or length(note) <= 1000),
  check (grant_cents is null or earmarked_cents <= grant_cents),
  unique (version_id, position)
);

-- ============================================================================ lines
-- An amount typed, or an office and administration line at a flat rate of the same partner's staff costs
-- (same action and period), computed.
create table budget_lines (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references budget_versions (id) on delete cascade,
  org_id uuid not null references organisations (id),
  -- The order the lines were entered in.
  position integer not null check (position between 1 and 9999),
  partner_org_id uuid not null references organisations (id),
  category text not null check (category in ('staff', 'office', 'travel', 'external', 'equipment',
    'infrastructure', 'unspecified')),
  action_id uuid references programme_actions (id),
  -- A year or a reporting period as the programme names it ("2026", "P1").
  period text check (period is null or period ~ '^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}$'),
  amount_cents bigint check (amount_cents is null or amount_cents between 0 and 99999999999999),
  flat_rate text check (flat_rate is null or flat_rate ~ '^(100|[0-9]{1,2})(\.[0-9]{1,4})?$'),
  envelope_id uuid references budget_envelopes (id),
  note text check (note is null or length(note) <= 1000),
  check ((amount_cents is null) <> (flat_rate is null)),
  check (flat_rate is null or category = 'office'),
  unique (version_id, position)
);

-- ============================================================================ co-financing
-- A partner's co-financing source at a rate of its budget, or at the amount its source publishes; what is
-- left is the partner's own contribution (computed).
create table budget_cofinancing (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references budget_versions (id) on delete cascade,
  org_id uuid not null references organisations (id),
  partner_org_id uuid not null references organisations (id),
  fund text not null check (fund in ('erdf', 'amif', 'esf', 'province', 'region', 'other')),
  funder text check (funder is null or length(trim(funder)) between 2 and 200),
  rate text check (rate is null or rate ~ '^(100|[0-9]{1,2})(\.[0-9]{1,4})?$'),
  amount_cents bigint check (amount_cents is null or amount_cents between 0 and 99999999999999),
  check ((rate is null) <> (amount_cents is null)),
  unique (version_id, partner_org_id, fund, funder)
);
create index budget_cofinancing_version on budget_cofinancing (version_id);

-- ============================================================================ RLS
create policy budget_versions_read on budget_versions for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy budget_versions_write on budget_versions for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and org_id = (select p.org_id from programmes p where p.id = programme_id));

create policy budget_envelopes_read on budget_envelopes for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy budget_envelopes_write on budget_envelopes for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and org_id = (select v.org_id from budget_versions v where v.id = version_id));

create policy budget_lines_read on budget_lines for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy budget_lines_write on budget_lines for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and org_id = (select v.org_id from budget_versions v where v.id = version_id)
    and (action_id is null or exists (select 1 from programme_actions a join budget_versions v
      on v.programme_id = a.programme_id where a.id = action_id and v.id = version_id))
    and (envelope_id is null or exists (select 1 from budget_envelopes e
      where e.id = envelope_id and e.version_id = budget_lines.version_id)));

create policy budget_cofinancing_read on budget_cofinancing for select to samen_app
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system');
create policy budget_cofinancing_write on budget_cofinancing for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and org_id = (select v.org_id from budget_versions v where v.id = version_id));

select app.secure_table('budget_versions');
select app.secure_table('budget_envelopes');
select app.secure_table('budget_lines');
select app.secure_table('budget_cofinancing');
-- A version is never changed: a change is a new version.
grant select, insert on budget_versions, budget_envelopes, budget_lines, budget_cofinancing to samen_app;
create trigger budget_versions_audit after insert or update or delete on budget_versions
  for each row execute function audit.on_change();
create trigger budget_envelopes_audit after insert or update or delete on budget_envelopes
  for each row execute function audit.on_change();
create trigger budget_lines_audit after insert or update or delete on budget_lines
  for each row execute function audit.on_change();
create trigger budget_cofinancing_audit after insert or update or delete on budget_cofinancing
  for each row execute function audit.on_change();
