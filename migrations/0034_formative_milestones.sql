-- The formative partnership's dated steps as its programme's milestones and documents, and the host's
-- modules retired rather than deleted once a plan uses them (issue 11).
--
-- The convention, the funding order and the trainee's hiring are milestones of the partnership's programme
-- (programme_milestones, 0016): the lead's coordinator sets the dates on the partnership and the server
-- keeps one milestone per step, linked here so that a new date moves the same milestone. The signed
-- convention and funding order are programme documents (programme_documents, 0016), linked the same way.
-- No new table: the links are columns of the partnership, under its policies (its two parties read them,
-- the lead alone writes them), and audited by its trigger. Both links name the programme too, so a
-- partnership can only point at a milestone or a document of its own programme.

-- ============================================================================ links
alter table programme_milestones add constraint programme_milestones_id_programme unique (id, programme_id);
alter table programme_documents add constraint programme_documents_id_programme unique (id, programme_id);

-- A milestone or document removed on the programme's page only unlinks it: the next save of the dates
-- creates the milestone again.
alter table formative_partnerships
  add column convention_milestone_id uuid,
  add column funding_order_milestone_id uuid,
  add column hired_milestone_id uuid,
  add column convention_document_id uuid,
  add column funding_order_document_id uuid,
  add constraint formative_partnerships_convention_milestone foreign key (convention_milestone_id, programme_id)
    references programme_milestones (id, programme_id) on delete set null (convention_milestone_id),
  add constraint formative_partnerships_funding_order_milestone foreign key (funding_order_milestone_id, programme_id)
    references programme_milestones (id, programme_id) on delete set null (funding_order_milestone_id),
  add constraint formative_partnerships_hired_milestone foreign key (hired_milestone_id, programme_id)
    references programme_milestones (id, programme_id) on delete set null (hired_milestone_id),
  add constraint formative_partnerships_convention_document foreign key (convention_document_id, programme_id)
    references programme_documents (id, programme_id) on delete set null (convention_document_id),
  add constraint formative_partnerships_funding_order_document foreign key (funding_order_document_id, programme_id)
    references programme_documents (id, programme_id) on delete set null (funding_order_document_id),
  -- One milestone stands for one step: never the convention and the hiring at once (null compares to null).
  add constraint formative_partnerships_distinct_milestones check (
    convention_milestone_id <> funding_order_milestone_id and convention_milestone_id <> hired_milestone_id
    and funding_order_milestone_id <> hired_milestone_id);

-- A milestone belongs to one partnership (a document may serve several: one convention for two trainees).
create unique index formative_partnerships_convention_milestone_key on formative_partnerships (convention_milestone_id)
  where convention_milestone_id is not null;
create unique index formative_partnerships_funding_order_milestone_key on formative_partnerships (funding_order_milestone_id)
  where funding_order_milestone_id is not null;
create unique index formative_partnerships_hired_milestone_key on formative_partnerships (hired_milestone_id)
  where hired_milestone_id is not null;
create index formative_partnerships_convention_document on formative_partnerships (convention_document_id)
  where convention_document_id is not null;
create index formative_partnerships_funding_order_document on formative_partnerships (funding_order_document_id)
  where funding_order_document_id is not null;

-- The parties' check of 0029 ran on every update; it now runs when the parties or the tutor change, so that
-- a milestone removed on the programme's page (which unlinks it here) does not depend on whether the
-- trainee is still a member of the partner today.
drop trigger formative_partnerships_guard on formative_partnerships;
create trigger formative_partnerships_guard
  before insert or update of org_id, partner_org_id, programme_id, trainee_user_id, tutor_user_id
  on formative_partnerships
  for each row execute function app.formative_partnership_guard();

-- ============================================================================ retired modules
-- A module a plan uses cannot be deleted (the plan items reference it): the host retires it, and new plans
-- no longer offer it. Retiring is undone by clearing the date.
alter table formative_modules add column retired_at timestamptz;
create index formative_modules_unit on formative_modules (org_id, unit_id, position);
