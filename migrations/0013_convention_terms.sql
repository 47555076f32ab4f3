-- Issue 9, item 9: what a convention usually carries. A structured weekly timetable (the free-text
-- schedule stays for agreements made before), the placement's aim, a job code (ROME or ISCO-08), an
-- emergency contact and the protective equipment. Offers carry the host's defaults (timetable, job code,
-- equipment), copied to the agreements made from them. Every column is nullable: existing rows keep working.
-- Both tables already have RLS (0004, 0005): new columns fall under their policies, and the audit trigger
-- records them with every change.

-- A timetable: [{day: 1..7, from: 'HH:MM', to: 'HH:MM', breakMinutes?}], checked in detail by the API
-- (src/common/placements/convention-terms.ts); the database keeps it an array of at most seven days.
create function app.timetable_shape_ok(t jsonb) returns boolean
  language sql immutable as $$
  select t is null or (jsonb_typeof(t) = 'array' and jsonb_array_length(t) between 1 and 7)
$$;

alter table placement_offers
  add column timetable jsonb check (app.timetable_shape_ok(timetable)),
  add column job_code_kind text check (job_code_kind in ('rome', 'isco')),
  add column job_code text check (job_code ~ '^([A-N][0-9]{4}|[0-9]{4})$'),
  add column protective_equipment text check (length(protective_equipment) <= 1000),
  add constraint placement_offers_job_code_pair check ((job_code is null) = (job_code_kind is null));

alter table placements
  add column timetable jsonb check (app.timetable_shape_ok(timetable)),
  add column aim text check (aim in ('discover_job', 'confirm_project', 'start_hiring')),
  add column job_code_kind text check (job_code_kind in ('rome', 'isco')),
  add column job_code text check (job_code ~ '^([A-N][0-9]{4}|[0-9]{4})$'),
  add column protective_equipment text check (length(protective_equipment) <= 1000),
  add column emergency_contact_name text check (length(emergency_contact_name) <= 200),
  add column emergency_contact_phone text check (length(emergency_contact_phone) <= 40),
  add column emergency_contact_relation text check (length(emergency_contact_relation) <= 100),
  add constraint placements_job_code_pair check ((job_code is null) = (job_code_kind is null)),
  add constraint placements_emergency_contact_pair
    check ((emergency_contact_name is null) = (emergency_contact_phone is null));
