-- Proof files of expenditure items (issue 10, "Budgets and co-financing"; ADR 0018, amendment "proof
-- files"): the declaring partner attaches the invoice or payslip itself to an item, next to the text
-- proof reference. Same types, size and checks as programme documents (migration 0016): only the types
-- the API recognises from the file's own bytes (PDF, office and OpenDocument files, PNG/JPEG images), at
-- most 10 MB, with their SHA-256; always served as a download, never inline. The content stays out of the
-- audit log (the metadata and checksum are in it).
--
-- Who sees what, exactly as the item: the declaring organisation reads its proofs and adds or removes them
-- while the declaration is a draft; the programme's lead reads them once the declaration is submitted;
-- no other organisation reads a row. A proof is never changed, only added or removed.

create table expenditure_proofs (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references expenditure_items (id) on delete cascade,
  -- The item's declaration, owner and lead, copied so that RLS needs no join to the item (the guard
  -- checks that they are the item's).
  declaration_id uuid not null references expenditure_declarations (id) on delete cascade,
  org_id uuid not null references organisations (id),
  lead_org_id uuid not null references organisations (id),
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
  created_at timestamptz not null default clock_timestamp(),
  unique (item_id, sha256)
);
create index expenditure_proofs_item on expenditure_proofs (item_id, created_at);
create index expenditure_proofs_declaration on expenditure_proofs (declaration_id);

-- ============================================================================ guard
-- A proof is added to an item of a draft declaration, with the item's declaration, owner and lead, at
-- most 10 per item; it is removed while the declaration is a draft (or with its item or declaration).
create function app.expenditure_proof_guard() returns trigger language plpgsql as $$
declare
  st text;
  it record;
begin
  if tg_op = 'UPDATE' then
    raise exception 'expenditure proof: a proof is never changed' using errcode = '23514';
  end if;
  select d.status into st from expenditure_declarations d
    where d.id = coalesce(new.declaration_id, old.declaration_id);
  if tg_op = 'DELETE' then
    if st is not null and st <> 'draft' then
      raise exception 'expenditure proof: read-only once submitted' using errcode = '23514';
    end if;
    return old;
  end if;
  if st is distinct from 'draft' then
    raise exception 'expenditure proof: read-only once submitted' using errcode = '23514';
  end if;
  select i.declaration_id, i.org_id, i.lead_org_id into it from expenditure_items i where i.id = new.item_id;
  if not found or (it.declaration_id, it.org_id, it.lead_org_id)
      is distinct from (new.declaration_id, new.org_id, new.lead_org_id) then
    raise exception 'expenditure proof: not the item''s declaration' using errcode = '23514';
  end if;
  if (select count(*) from expenditure_proofs p where p.item_id = new.item_id) >= 10 then
    raise exception 'expenditure proof: at most 10 per item' using errcode = '23514';
  end if;
  return new;
end $$;
create trigger expenditure_proofs_guard before insert or update or delete on expenditure_proofs
  for each row execute function app.expenditure_proof_guard();

-- ============================================================================ RLS
create policy expenditure_proofs_read on expenditure_proofs for select to samen_app
  using (org_id = (select app.current_org_id())
    or (lead_org_id = (select app.current_org_id()) and exists (select 1 from expenditure_declarations d
      where d.id = declaration_id and d.status <> 'draft'))
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy expenditure_proofs_insert on expenditure_proofs for insert to samen_app
  with check ((org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
    and exists (select 1 from expenditure_items i where i.id = item_id
      and i.declaration_id = expenditure_proofs.declaration_id and i.org_id = expenditure_proofs.org_id
      and i.lead_org_id = expenditure_proofs.lead_org_id));
create policy expenditure_proofs_delete on expenditure_proofs for delete to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));

select app.secure_table('expenditure_proofs');
grant select, insert, delete on expenditure_proofs to samen_app;
create trigger expenditure_proofs_audit after insert or update or delete on expenditure_proofs
  for each row execute function audit.on_change('-content');
