-- Expenditure declarations (issue 10, "Budgets and co-financing", third bullet; ADR 0018): a partner
-- declares its expenditure for a period item by item (category, action, supplier, invoice, payment, amount,
-- proof reference), submits it, and the programme's lead reviews every item (accepted, corrected with a
-- reason and the corrected amount, rejected with a reason). Money in integer cents; absorption against the
-- budget and flat rates are computed by the application, never stored.
--
-- Who sees what: the declaring organisation reads and writes its own declarations while they are drafts;
-- the programme's lead reads them once submitted and writes the review fields only; no other organisation
-- reads a row. The state rules (who may change which column in which state) are in the guard triggers, so
-- that they hold whatever the application sends.

-- ============================================================================ declarations
create table expenditure_declarations (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  -- The declaring partner.
  org_id uuid not null references organisations (id),
  -- The programme's lead organisation, copied so that RLS needs no join.
  lead_org_id uuid not null references organisations (id),
  -- A year or a reporting period as the programme names it, like budget lines.
  period text not null check (period ~ '^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}$'),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'reviewed')),
  submitted_at timestamptz,
  submitted_by uuid references users (id),
  reviewed_at timestamptz,
  reviewed_by uuid references users (id),
  -- Why the lead sent it back (the last re-opening; every earlier one is in the audit log).
  reopen_reason text check (reopen_reason is null or length(trim(reopen_reason)) between 3 and 2000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (programme_id, org_id, period),
  check (status = 'draft' or submitted_at is not null)
);
create index expenditure_declarations_lead on expenditure_declarations (lead_org_id, status);

-- ============================================================================ items
create table expenditure_items (
  id uuid primary key default gen_random_uuid(),
  declaration_id uuid not null references expenditure_declarations (id) on delete cascade,
  org_id uuid not null references organisations (id),
  lead_org_id uuid not null references organisations (id),
  category text not null check (category in ('staff', 'travel', 'external', 'equipment', 'infrastructure')),
  action_id uuid references programme_actions (id),
  description text not null check (length(trim(description)) between 2 and 500),
  supplier text check (supplier is null or length(trim(supplier)) between 1 and 200),
  invoice_number text check (invoice_number is null or length(trim(invoice_number)) between 1 and 60),
  invoice_date date,
  paid_on date,
  amount_cents bigint not null check (amount_cents between 1 and 99999999999999),
  -- Where the proof is kept (a reference in the partner's records or a link): ADR 0018 says why not a file.
  proof_ref text check (proof_ref is null or length(trim(proof_ref)) between 1 and 500),
  review_status text not null default 'pending'
    check (review_status in ('pending', 'accepted', 'corrected', 'rejected')),
  corrected_cents bigint check (corrected_cents is null or corrected_cents between 0 and 99999999999999),
  review_reason text check (review_reason is null or length(trim(review_reason)) between 3 and 1000),
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  -- The items' order: several are added in one transaction (the demo), where now() does not move.
  created_at timestamptz not null default clock_timestamp(),
  check ((review_status = 'corrected') = (corrected_cents is not null)),
  check (review_status in ('pending', 'accepted') or review_reason is not null),
  check (paid_on is null or invoice_date is null or paid_on >= invoice_date)
);
create index expenditure_items_declaration on expenditure_items (declaration_id, created_at);

-- ============================================================================ guards
-- A declaration's moves: the partner submits its draft; the lead closes the review once every item is
-- reviewed, or re-opens it with a reason. The owner, lead and programme never change.
create function app.expenditure_declaration_guard() returns trigger language plpgsql as $$
begin
  if (new.programme_id, new.org_id, new.lead_org_id, new.period)
      is distinct from (old.programme_id, old.org_id, old.lead_org_id, old.period) then
    raise exception 'expenditure declaration: identity is fixed' using errcode = '23514';
  end if;
  -- Each bookkeeping column moves with its step only (a partner cannot forge a submission or erase the
  -- lead's reason in its draft).
  if new.reopen_reason is distinct from old.reopen_reason
      and not (old.status <> 'draft' and new.status = 'draft') then
    raise exception 'expenditure declaration: the re-opening reason is the lead''s' using errcode = '42501';
  end if;
  if (new.submitted_at, new.submitted_by) is distinct from (old.submitted_at, old.submitted_by)
      and not (old.status = 'draft' and new.status = 'submitted') then
    raise exception 'expenditure declaration: submitted by the partner only' using errcode = '42501';
  end if;
  if (new.reviewed_at, new.reviewed_by) is distinct from (old.reviewed_at, old.reviewed_by)
      and not (new.status = 'reviewed' or (old.status = 'draft' and new.status = 'submitted')) then
    raise exception 'expenditure declaration: reviewed by the lead only' using errcode = '42501';
  end if;
  if new.status = old.status and old.status <> 'draft' then
    raise exception 'expenditure declaration: read-only once submitted' using errcode = '23514';
  end if;
  if old.status = 'draft' and new.status = 'submitted' then
    if new.org_id <> app.current_org_id() and not app.is_platform_admin() then
      raise exception 'expenditure declaration: only the partner submits' using errcode = '42501';
    end if;
  elsif old.status = 'submitted' and new.status = 'reviewed' then
    if new.lead_org_id <> app.current_org_id() and not app.is_platform_admin() then
      raise exception 'expenditure declaration: only the lead reviews' using errcode = '42501';
    end if;
    if exists (select 1 from expenditure_items i where i.declaration_id = new.id
        and i.review_status = 'pending') then
      raise exception 'expenditure declaration: items not reviewed' using errcode = '23514';
    end if;
  elsif old.status in ('submitted', 'reviewed') and new.status = 'draft' then
    if new.lead_org_id <> app.current_org_id() and not app.is_platform_admin() then
      raise exception 'expenditure declaration: only the lead re-opens' using errcode = '42501';
    end if;
    if new.reopen_reason is null or new.reopen_reason is not distinct from old.reopen_reason then
      raise exception 'expenditure declaration: re-opening needs a reason' using errcode = '23514';
    end if;
  elsif new.status <> old.status then
    raise exception 'expenditure declaration: % to % not allowed', old.status, new.status
      using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger expenditure_declarations_guard before update on expenditure_declarations
  for each row execute function app.expenditure_declaration_guard();

-- An item: the partner writes the declared fields while the declaration is a draft (a changed item goes
-- back to "pending"); the lead writes the review fields only, while it is submitted.
create function app.expenditure_item_guard() returns trigger language plpgsql as $$
declare st text;
begin
  select d.status into st from expenditure_declarations d
    where d.id = coalesce(new.declaration_id, old.declaration_id);
  if tg_op = 'DELETE' then
    if st is not null and st <> 'draft' then
      raise exception 'expenditure item: read-only once submitted' using errcode = '23514';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' then
    if st is distinct from 'draft' then
      raise exception 'expenditure item: read-only once submitted' using errcode = '23514';
    end if;
    if new.review_status <> 'pending' then
      raise exception 'expenditure item: a new item is not reviewed' using errcode = '23514';
    end if;
    return new;
  end if;
  if (new.declaration_id, new.org_id, new.lead_org_id) is distinct from
      (old.declaration_id, old.org_id, old.lead_org_id) then
    raise exception 'expenditure item: identity is fixed' using errcode = '23514';
  end if;
  if st = 'draft' then
    if (new.review_status, new.corrected_cents, new.review_reason, new.reviewed_by, new.reviewed_at)
        is distinct from (old.review_status, old.corrected_cents, old.review_reason, old.reviewed_by,
          old.reviewed_at) then
      raise exception 'expenditure item: the review is the lead''s' using errcode = '42501';
    end if;
    if new.org_id <> app.current_org_id() and not app.is_platform_admin() then
      raise exception 'expenditure item: only the partner edits' using errcode = '42501';
    end if;
    new.review_status := 'pending';
    new.corrected_cents := null;
    new.review_reason := null;
    new.reviewed_by := null;
    new.reviewed_at := null;
  elsif st = 'submitted' then
    if (new.category, new.action_id, new.description, new.supplier, new.invoice_number, new.invoice_date,
        new.paid_on, new.amount_cents, new.proof_ref, new.created_at)
        is distinct from (old.category, old.action_id, old.description, old.supplier, old.invoice_number,
          old.invoice_date, old.paid_on, old.amount_cents, old.proof_ref, old.created_at) then
      raise exception 'expenditure item: read-only once submitted' using errcode = '23514';
    end if;
    if new.lead_org_id <> app.current_org_id() and not app.is_platform_admin() then
      raise exception 'expenditure item: only the lead reviews' using errcode = '42501';
    end if;
  else
    raise exception 'expenditure item: read-only once reviewed' using errcode = '23514';
  end if;
  return new;
end $$;
create trigger expenditure_items_guard before insert or update or delete on expenditure_items
  for each row execute function app.expenditure_item_guard();

-- ============================================================================ RLS
create policy expenditure_declarations_read on expenditure_declarations for select to samen_app
  using (org_id = (select app.current_org_id())
    or (lead_org_id = (select app.current_org_id()) and status <> 'draft')
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy expenditure_declarations_insert on expenditure_declarations for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and status = 'draft'
    and lead_org_id = (select p.org_id from programmes p where p.id = programme_id)
    and (org_id = lead_org_id or exists (select 1 from programme_partners pp
      where pp.programme_id = expenditure_declarations.programme_id
        and pp.partner_org_id = expenditure_declarations.org_id)));
create policy expenditure_declarations_update on expenditure_declarations for update to samen_app
  using (org_id = (select app.current_org_id())
    or (lead_org_id = (select app.current_org_id()) and status <> 'draft')
    or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id())
    or lead_org_id = (select app.current_org_id()) or (select app.is_platform_admin()));

create policy expenditure_items_read on expenditure_items for select to samen_app
  using (org_id = (select app.current_org_id())
    or (lead_org_id = (select app.current_org_id()) and exists (select 1 from expenditure_declarations d
      where d.id = declaration_id and d.status <> 'draft'))
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy expenditure_items_insert on expenditure_items for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and exists (select 1 from expenditure_declarations d where d.id = declaration_id
      and d.org_id = expenditure_items.org_id and d.lead_org_id = expenditure_items.lead_org_id)
    and (action_id is null or exists (select 1 from programme_actions a join expenditure_declarations d
      on d.programme_id = a.programme_id where a.id = action_id and d.id = declaration_id)));
create policy expenditure_items_update on expenditure_items for update to samen_app
  using (org_id = (select app.current_org_id())
    or (lead_org_id = (select app.current_org_id()) and exists (select 1 from expenditure_declarations d
      where d.id = declaration_id and d.status <> 'draft'))
    or (select app.is_platform_admin()))
  with check ((org_id = (select app.current_org_id()) or lead_org_id = (select app.current_org_id())
      or (select app.is_platform_admin()))
    and (action_id is null or exists (select 1 from programme_actions a join expenditure_declarations d
      on d.programme_id = a.programme_id where a.id = action_id and d.id = declaration_id)));
create policy expenditure_items_delete on expenditure_items for delete to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));

-- Absorption needs every partner's submitted amounts, which RLS hides from the other partners: this
-- function gives the programme's members sums only (per partner, category, action and review), never an item.
create function app.expenditure_totals(p_programme uuid)
  returns table (partner_org_id uuid, category text, action_id uuid, review_status text,
    amount_cents bigint, corrected_cents bigint)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select i.org_id, i.category, i.action_id, i.review_status, sum(i.amount_cents)::bigint,
    sum(coalesce(i.corrected_cents, 0))::bigint
  from expenditure_items i join expenditure_declarations d on d.id = i.declaration_id
  where d.programme_id = p_programme and d.status <> 'draft'
    and (app.is_platform_admin() or app.is_programme_partner(p_programme)
      or exists (select 1 from programmes p where p.id = p_programme and p.org_id = app.current_org_id()))
  group by 1, 2, 3, 4
$$;
revoke execute on function app.expenditure_totals(uuid) from public;
grant execute on function app.expenditure_totals(uuid) to samen_app;

-- Re-opening hands the declaration back to the partner as a draft, which the lead then no longer reads:
-- RLS would refuse the lead an update whose new row it cannot see, so the lead re-opens through this
-- function (the guard trigger still checks that the caller is the lead and states a new reason).
create function app.expenditure_reopen(p_id uuid, p_reason text) returns void
  language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  update expenditure_declarations set status = 'draft', reopen_reason = p_reason
    where id = p_id and status <> 'draft'
      and (lead_org_id = app.current_org_id() or app.is_platform_admin());
  if not found then
    raise exception 'expenditure declaration: only the lead re-opens a submitted declaration'
      using errcode = '42501';
  end if;
end $$;
revoke execute on function app.expenditure_reopen(uuid, text) from public;
grant execute on function app.expenditure_reopen(uuid, text) to samen_app;

select app.secure_table('expenditure_declarations');
select app.secure_table('expenditure_items');
grant select, insert, update on expenditure_declarations to samen_app;
grant select, insert, update, delete on expenditure_items to samen_app;
create trigger expenditure_declarations_audit after insert or update or delete on expenditure_declarations
  for each row execute function audit.on_change();
create trigger expenditure_items_audit after insert or update or delete on expenditure_items
  for each row execute function audit.on_change();
