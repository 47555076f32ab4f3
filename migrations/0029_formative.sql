-- The year-long immersion formative (issue 11; the Charleroi–Binche partnership, FAMI 2020–2021): a lead
-- CPAS hosts, in one of its units, a social worker of a partner CPAS for a year of training across the
-- host's modules, then the trainee spends a year applying it at home (social-activation projects).
--
-- Two parties see everything of a partnership: the lead (`org_id`, which alone creates and edits it) and
-- the partner (`partner_org_id`, the trainee's home centre). No third organisation reads any of it. Inside
-- the two parties, the trainee (a user of the partner) and the tutor (a user of the lead) record sessions
-- and progress and sign the reviews, each as themselves; the application year's projects belong to the
-- partner alone. The lead cannot read the partner's users (and the reverse), so the few facts one side
-- needs about the other's people come from definer functions that answer a party only.

-- ============================================================================ host modules
-- The training modules a host offers (the Service Action Migrants' three social-activation modules).
create table formative_modules (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisations (id) on delete cascade,
  unit_id uuid,
  code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name_fr text not null check (length(trim(name_fr)) between 2 and 200),
  name_nl text not null check (length(trim(name_nl)) between 2 and 200),
  description_fr text check (description_fr is null or length(description_fr) <= 2000),
  description_nl text check (description_nl is null or length(description_nl) <= 2000),
  position integer not null default 1 check (position between 1 and 99),
  created_at timestamptz not null default now(),
  unique (org_id, code),
  unique (id, org_id),
  foreign key (unit_id, org_id) references org_units (id, org_id) on delete set null (unit_id)
);

-- ============================================================================ partnerships
create table formative_partnerships (
  id uuid primary key default gen_random_uuid(),
  -- The lead CPAS (host), which owns the row.
  org_id uuid not null references organisations (id),
  partner_org_id uuid not null references organisations (id),
  programme_id uuid not null references programmes (id),
  host_unit_id uuid not null,
  trainee_user_id uuid not null references users (id),
  tutor_user_id uuid not null references users (id),
  immersion_starts_on date not null,
  immersion_ends_on date not null,
  application_starts_on date not null,
  application_ends_on date not null,
  -- The partnership's dated steps (convention, funding order, the trainee's hiring by the partner).
  convention_on date,
  funding_order_on date,
  hired_on date,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (partner_org_id <> org_id),
  check (trainee_user_id <> tutor_user_id),
  check (immersion_ends_on > immersion_starts_on and immersion_ends_on - immersion_starts_on <= 400),
  check (application_ends_on > application_starts_on and application_ends_on - application_starts_on <= 400),
  check (application_starts_on > immersion_ends_on),
  unique (id, org_id, partner_org_id),
  foreign key (host_unit_id, org_id) references org_units (id, org_id)
);
create index formative_partnerships_org on formative_partnerships (org_id);
create index formative_partnerships_partner on formative_partnerships (partner_org_id);
create index formative_partnerships_programme on formative_partnerships (programme_id, immersion_starts_on);

-- The trainee is an active member of the partner, the tutor of the lead; the programme is the lead's and
-- the partner is one of its partners. Checked as the owner: neither side reads the other's memberships.
create function app.formative_partnership_guard() returns trigger language plpgsql
  security definer set search_path = pg_catalog, public as $$
begin
  if not exists (select 1 from memberships m where m.org_id = new.partner_org_id
      and m.user_id = new.trainee_user_id and m.active and m.accepted_at is not null) then
    raise exception 'formative partnership: the trainee is not a member of the partner' using errcode = '23514';
  end if;
  if not exists (select 1 from memberships m where m.org_id = new.org_id
      and m.user_id = new.tutor_user_id and m.active and m.accepted_at is not null) then
    raise exception 'formative partnership: the tutor is not a member of the lead' using errcode = '23514';
  end if;
  if not exists (select 1 from programmes p where p.id = new.programme_id and p.org_id = new.org_id)
     or not exists (select 1 from programme_partners pp where pp.programme_id = new.programme_id
      and pp.partner_org_id = new.partner_org_id) then
    raise exception 'formative partnership: not a programme of the lead with this partner' using errcode = '23514';
  end if;
  return new;
end $$;
create trigger formative_partnerships_guard before insert or update on formative_partnerships
  for each row execute function app.formative_partnership_guard();

create policy formative_partnerships_read on formative_partnerships for select to samen_app
  using (org_id = (select app.current_org_id()) or partner_org_id = (select app.current_org_id())
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy formative_partnerships_write on formative_partnerships for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('formative_partnerships');
grant select, insert, update, delete on formative_partnerships to samen_app;
create trigger formative_partnerships_audit after insert or update or delete on formative_partnerships
  for each row execute function audit.on_change();

-- Is the caller the trainee of the partnership? The partner's write policies on the plan, sessions and
-- reviews ask it; a definer, so that it reads the partnership whatever the caller's own policies are.
create function app.formative_is_trainee(p_partnership uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $$
  select exists (select 1 from formative_partnerships p where p.id = p_partnership
    and p.trainee_user_id = app.current_user_id() and p.partner_org_id = app.current_org_id())
$$;

-- The host's modules: the host writes them; the partners of its partnerships read them.
create policy formative_modules_read on formative_modules for select to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()) or app.scope() = 'system'
    or exists (select 1 from formative_partnerships p where p.org_id = formative_modules.org_id
      and p.partner_org_id = (select app.current_org_id())));
create policy formative_modules_write on formative_modules for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('formative_modules');
grant select, insert, update, delete on formative_modules to samen_app;
create trigger formative_modules_audit after insert or update or delete on formative_modules
  for each row execute function audit.on_change();

-- ============================================================================ learning plan
-- One row per module of the plan: the hours planned (the lead sets them) and the progress recorded by the
-- tutor or the trainee (level, percentage, comment; who and when).
create table formative_plan_items (
  id uuid primary key default gen_random_uuid(),
  partnership_id uuid not null,
  org_id uuid not null,
  partner_org_id uuid not null,
  module_id uuid not null,
  planned_hours integer not null check (planned_hours between 1 and 2000),
  level text check (level in ('discovering', 'practising', 'autonomous', 'transferring')),
  percent integer check (percent between 0 and 100),
  comment text check (comment is null or length(comment) <= 2000),
  progress_by uuid references users (id) on delete set null,
  progress_at timestamptz,
  created_at timestamptz not null default now(),
  unique (partnership_id, module_id),
  foreign key (partnership_id, org_id, partner_org_id)
    references formative_partnerships (id, org_id, partner_org_id) on delete cascade,
  foreign key (module_id, org_id) references formative_modules (id, org_id)
);

-- The trainee (partner side) may change the progress only, never the plan.
create function app.formative_plan_guard() returns trigger language plpgsql
  set search_path = pg_catalog, public as $$
begin
  if app.current_org_id() is distinct from old.org_id and not coalesce(app.is_platform_admin(), false) and app.scope() is distinct from 'system'
     and (new.planned_hours, new.module_id, new.partnership_id, new.org_id, new.partner_org_id)
      is distinct from (old.planned_hours, old.module_id, old.partnership_id, old.org_id, old.partner_org_id) then
    raise exception 'formative plan: only the lead changes the plan' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger formative_plan_items_guard before update on formative_plan_items
  for each row execute function app.formative_plan_guard();

create policy formative_plan_items_read on formative_plan_items for select to samen_app
  using (org_id = (select app.current_org_id()) or partner_org_id = (select app.current_org_id())
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy formative_plan_items_insert on formative_plan_items for insert to samen_app
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
create policy formative_plan_items_update on formative_plan_items for update to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or app.formative_is_trainee(partnership_id))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or app.formative_is_trainee(partnership_id));
create policy formative_plan_items_delete on formative_plan_items for delete to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('formative_plan_items');
grant select, insert, update, delete on formative_plan_items to samen_app;
create trigger formative_plan_items_audit after insert or update or delete on formative_plan_items
  for each row execute function audit.on_change();

-- ============================================================================ sessions
-- A training session: a day, a module, hours and what was done; written by the lead's staff or the trainee.
create table formative_sessions (
  id uuid primary key default gen_random_uuid(),
  partnership_id uuid not null,
  org_id uuid not null,
  partner_org_id uuid not null,
  module_id uuid not null,
  held_on date not null,
  hours numeric(4, 1) not null check (hours > 0 and hours <= 12),
  summary text not null check (length(trim(summary)) between 3 and 2000),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  foreign key (partnership_id, org_id, partner_org_id)
    references formative_partnerships (id, org_id, partner_org_id) on delete cascade,
  foreign key (module_id, org_id) references formative_modules (id, org_id)
);
create index formative_sessions_partnership on formative_sessions (partnership_id, held_on);

create policy formative_sessions_read on formative_sessions for select to samen_app
  using (org_id = (select app.current_org_id()) or partner_org_id = (select app.current_org_id())
    or (select app.is_platform_admin()) or app.scope() = 'system');
-- Each writes as themself; a session is removed only by whoever recorded it.
create policy formative_sessions_write on formative_sessions for all to samen_app
  using (recorded_by = app.current_user_id() and (org_id = (select app.current_org_id())
      or app.formative_is_trainee(partnership_id)) or (select app.is_platform_admin()))
  with check (recorded_by = app.current_user_id() and (org_id = (select app.current_org_id())
      or app.formative_is_trainee(partnership_id)) or (select app.is_platform_admin()));
select app.secure_table('formative_sessions');
grant select, insert, update, delete on formative_sessions to samen_app;
create trigger formative_sessions_audit after insert or update or delete on formative_sessions
  for each row execute function audit.on_change();

-- ============================================================================ reviews
-- The mid-year and end-of-year reviews of the immersion and the final review of the application year,
-- each signed by the trainee and by the tutor, each as themself. A signature freezes the text; a review
-- signed by both is frozen entirely and never deleted.
create table formative_reviews (
  id uuid primary key default gen_random_uuid(),
  partnership_id uuid not null,
  org_id uuid not null,
  partner_org_id uuid not null,
  kind text not null check (kind in ('mid_year', 'end_of_year', 'final')),
  held_on date not null,
  strengths text check (strengths is null or length(strengths) <= 4000),
  improvements text check (improvements is null or length(improvements) <= 4000),
  next_steps text check (next_steps is null or length(next_steps) <= 4000),
  written_by uuid references users (id) on delete set null,
  trainee_signed_at timestamptz,
  trainee_signed_by uuid references users (id),
  tutor_signed_at timestamptz,
  tutor_signed_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (partnership_id, kind),
  check ((trainee_signed_at is null) = (trainee_signed_by is null)),
  check ((tutor_signed_at is null) = (tutor_signed_by is null)),
  foreign key (partnership_id, org_id, partner_org_id)
    references formative_partnerships (id, org_id, partner_org_id) on delete cascade
);

create function app.formative_review_guard() returns trigger language plpgsql
  security definer set search_path = pg_catalog, public as $$
declare
  p formative_partnerships;
begin
  if tg_op = 'DELETE' then
    if old.trainee_signed_at is not null or old.tutor_signed_at is not null then
      raise exception 'formative review: a signed review is frozen' using errcode = '23514';
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' then
    if old.trainee_signed_at is not null and old.tutor_signed_at is not null then
      raise exception 'formative review: a signed review is frozen' using errcode = '23514';
    end if;
    -- Once one has signed, the text is theirs too: only the other signature may still be added.
    if (old.trainee_signed_at is not null or old.tutor_signed_at is not null)
       and ((new.partnership_id, new.kind, new.held_on, new.strengths, new.improvements, new.next_steps)
         is distinct from (old.partnership_id, old.kind, old.held_on, old.strengths, old.improvements, old.next_steps)
       or (old.trainee_signed_at is not null
         and (new.trainee_signed_at, new.trainee_signed_by) is distinct from (old.trainee_signed_at, old.trainee_signed_by))
       or (old.tutor_signed_at is not null
         and (new.tutor_signed_at, new.tutor_signed_by) is distinct from (old.tutor_signed_at, old.tutor_signed_by))) then
      raise exception 'formative review: a signed review is frozen' using errcode = '23514';
    end if;
  end if;
  select * into p from formative_partnerships where id = new.partnership_id;
  -- Each signs as themself: the trainee's signature is the trainee's, the tutor's the tutor's.
  if new.trainee_signed_by is not null and (tg_op = 'INSERT' or old.trainee_signed_by is null)
     and (new.trainee_signed_by <> p.trainee_user_id
       or (new.trainee_signed_by is distinct from app.current_user_id() and app.scope() is distinct from 'system')) then
    raise exception 'formative review: only the trainee signs as trainee' using errcode = '42501';
  end if;
  if new.tutor_signed_by is not null and (tg_op = 'INSERT' or old.tutor_signed_by is null)
     and (new.tutor_signed_by <> p.tutor_user_id
       or (new.tutor_signed_by is distinct from app.current_user_id() and app.scope() is distinct from 'system')) then
    raise exception 'formative review: only the tutor signs as tutor' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger formative_reviews_guard before insert or update or delete on formative_reviews
  for each row execute function app.formative_review_guard();

create policy formative_reviews_read on formative_reviews for select to samen_app
  using (org_id = (select app.current_org_id()) or partner_org_id = (select app.current_org_id())
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy formative_reviews_write on formative_reviews for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or app.formative_is_trainee(partnership_id))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin())
    or app.formative_is_trainee(partnership_id));
select app.secure_table('formative_reviews');
grant select, insert, update, delete on formative_reviews to samen_app;
create trigger formative_reviews_audit after insert or update or delete on formative_reviews
  for each row execute function audit.on_change();

-- ============================================================================ application year
-- The social-activation projects the trainee starts at home: the partner's own records (it alone writes
-- them; the lead reads them). Participants are a count, never names.
create table formative_projects (
  id uuid primary key default gen_random_uuid(),
  partnership_id uuid not null,
  -- The partner (the trainee's home centre), which owns the row; the lead reads it.
  org_id uuid not null,
  lead_org_id uuid not null,
  title text not null check (length(trim(title)) between 3 and 200),
  objectives text check (objectives is null or length(objectives) <= 4000),
  actions text check (actions is null or length(actions) <= 4000),
  participants integer not null default 0 check (participants between 0 and 100000),
  partners text check (partners is null or length(partners) <= 2000),
  results text check (results is null or length(results) <= 4000),
  status text not null default 'planned' check (status in ('planned', 'running', 'completed', 'abandoned')),
  starts_on date,
  ends_on date,
  -- The good-practice sheet drawn from it (practices module), once there is one.
  practice_id uuid,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or starts_on is null or ends_on >= starts_on),
  foreign key (partnership_id, lead_org_id, org_id)
    references formative_partnerships (id, org_id, partner_org_id) on delete cascade
);
create index formative_projects_partnership on formative_projects (partnership_id);

create policy formative_projects_read on formative_projects for select to samen_app
  using (org_id = (select app.current_org_id()) or lead_org_id = (select app.current_org_id())
    or (select app.is_platform_admin()) or app.scope() = 'system');
create policy formative_projects_write on formative_projects for all to samen_app
  using (org_id = (select app.current_org_id()) or (select app.is_platform_admin()))
  with check (org_id = (select app.current_org_id()) or (select app.is_platform_admin()));
select app.secure_table('formative_projects');
grant select, insert, update, delete on formative_projects to samen_app;
create trigger formative_projects_audit after insert or update or delete on formative_projects
  for each row execute function audit.on_change();

-- ============================================================================ people of a partnership
-- The trainee's and the tutor's names, for the two parties only (each side cannot read the other's users).
create function app.formative_people(p_partnership uuid)
  returns table (trainee_name text, tutor_name text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select t.display_name, u.display_name
  from formative_partnerships p join users t on t.id = p.trainee_user_id join users u on u.id = p.tutor_user_id
  where p.id = p_partnership and (p.org_id = app.current_org_id() or p.partner_org_id = app.current_org_id()
    or app.is_platform_admin())
$$;

-- The lead names the trainee by e-mail: the id of an active member of the partner with that address, for a
-- caller of an organisation that leads a programme with this partner, and nothing else.
create function app.formative_trainee_by_email(p_partner uuid, p_email text) returns uuid
  language sql stable security definer set search_path = pg_catalog, public as $$
  select u.id from users u join memberships m on m.user_id = u.id
  where lower(u.email) = lower(trim(p_email)) and m.org_id = p_partner and m.active and m.accepted_at is not null
    and exists (select 1 from programmes pr join programme_partners pp on pp.programme_id = pr.id
      where pr.org_id = app.current_org_id() and pp.partner_org_id = p_partner)
$$;

-- ============================================================================ indicators
-- Participants in the joint training scheme (RCO85-like): trainees whose immersion year started in the
-- period. Completions (RCR81-like): trainees whose end-of-year review both signed, the later signature in
-- the period. The subject is a pseudonym of the trainee (never a name); the partner is the home centre.
create function app.ind_formative_all(p_programme uuid, p_from date, p_to date, p_kind text)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select 'F-' || upper(left(md5(p.trainee_user_id::text), 8)), null::uuid, p.partner_org_id,
    p.immersion_starts_on, p.immersion_ends_on, p_kind
  from formative_partnerships p
  where p.programme_id = p_programme and (
    (p_kind = 'started' and p.immersion_starts_on between p_from and p_to)
    or (p_kind = 'completed' and exists (select 1 from formative_reviews r where r.partnership_id = p.id
      and r.kind = 'end_of_year' and r.trainee_signed_at is not null and r.tutor_signed_at is not null
      and (greatest(r.trainee_signed_at, r.tutor_signed_at) at time zone 'Europe/Brussels')::date
        between p_from and p_to)))
$$;
create function app.ind_formative_count(p_programme uuid, p_from date, p_to date, p_kind text)
  returns table (partner_org_id uuid, n integer)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.partner_org_id, count(distinct r.subject)::int
  from app.ind_formative_all(p_programme, p_from, p_to, p_kind) r
  where app.is_authenticated() or app.is_platform_admin()
  group by grouping sets ((r.partner_org_id), ())
$$;
create function app.ind_formative_records(p_programme uuid, p_from date, p_to date, p_kind text)
  returns table (subject text, person_id uuid, partner_org_id uuid, starts_on date, ends_on date, detail text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select r.* from app.ind_formative_all(p_programme, p_from, p_to, p_kind) r
  where app.indicator_row_visible(p_programme, r.partner_org_id)
$$;

revoke execute on function app.formative_is_trainee(uuid), app.formative_people(uuid),
  app.formative_trainee_by_email(uuid, text), app.ind_formative_all(uuid, date, date, text),
  app.ind_formative_count(uuid, date, date, text), app.ind_formative_records(uuid, date, date, text) from public;
grant execute on function app.formative_is_trainee(uuid), app.formative_people(uuid),
  app.formative_trainee_by_email(uuid, text), app.ind_formative_count(uuid, date, date, text),
  app.ind_formative_records(uuid, date, date, text) to samen_app;
