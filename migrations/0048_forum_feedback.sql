-- Feedback after an event (issue 13, module forums): once an event has ended, each registrant who held a
-- place gets one mail with a single-use link (token kept as a hash) to a public form; the answers are kept
-- apart from who gave them and summarised for the organiser and the event's partner organisations.
--
-- The answer row names the event, never the registration: the registration only records that its link
-- was sent and used (`feedback_answered_at`, kept to the day, not matched to an answer by time, and left
-- out of the audit log). The one exception is the person's own choice: when they agree to be contacted
-- about their ideas, their name and e-mail are copied onto their answer (redacted in the audit log).
--
-- Reading answers: the organising organisation and the event's partner organisations (the summary checks
-- `forum.view` as well), and the system. Writing: the anonymous registration scope inserts one answer for
-- a published event; nobody edits an answer; the system may delete (the event's deletion cascades).

alter table forum_registrations
  -- sha256 of the single-use feedback token; cleared once used.
  add column feedback_token_hash bytea unique,
  add column feedback_sent_at timestamptz,
  -- The day the link was used (midnight UTC): enough to refuse a second use, too coarse to find the answer.
  add column feedback_answered_at timestamptz,
  add check (feedback_answered_at is null or feedback_sent_at is not null);

-- The token hash and the answered day stay out of the audit log, like the cancellation token (redacted).
drop trigger forum_registrations_audit on forum_registrations;
create trigger forum_registrations_audit after insert or update or delete on forum_registrations
  for each row execute function audit.on_change('name', 'email', 'organisation', 'accessibility_needs',
    'cancel_token_hash', '-feedback_token_hash', '-feedback_answered_at');

create table forum_feedback (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references forum_events (id) on delete cascade,
  -- The event's organiser, copied for RLS.
  org_id uuid not null references organisations (id),
  overall smallint not null check (overall between 1 and 5),
  usefulness smallint not null check (usefulness between 1 and 5),
  again text not null check (again in ('yes', 'no', 'maybe')),
  most_useful text check (most_useful is null or length(most_useful) between 1 and 2000),
  suggestions text check (suggestions is null or length(suggestions) between 1 and 2000),
  -- The language the form was answered in (to read the comments), not the person.
  language text not null check (language in ('fr', 'nl', 'en')),
  -- Only with the person's consent to be contacted about their ideas.
  contact_name text check (contact_name is null or length(trim(contact_name)) between 2 and 200),
  contact_email text check (contact_email is null or length(contact_email) between 3 and 254),
  check ((contact_name is null) = (contact_email is null))
);
create index forum_feedback_event on forum_feedback (event_id);

create policy forum_feedback_read on forum_feedback for select to samen_app
  using (org_id = (select app.current_org_id()) or (select app.scope()) = 'system'
    or exists (select 1 from forum_event_partners p where p.event_id = forum_feedback.event_id
      and p.partner_org_id = (select app.current_org_id())));
create policy forum_feedback_system on forum_feedback for all to samen_app
  using ((select app.scope()) = 'system') with check ((select app.scope()) = 'system');
-- The public form: one answer for a published event of the organiser named on the row, nothing read back.
create policy forum_feedback_public_insert on forum_feedback for insert to samen_app
  with check ((select app.scope()) = 'forum_registration' and exists (select 1 from forum_events e
    where e.id = forum_feedback.event_id and e.org_id = forum_feedback.org_id and e.status = 'published'));
select app.secure_table('forum_feedback');
grant select, insert, delete on forum_feedback to samen_app;
create trigger forum_feedback_audit after insert or update or delete on forum_feedback
  for each row execute function audit.on_change('contact_name', 'contact_email');

-- How many feedback mails went out for an event, for the organiser and its partners, who may not read the
-- registrations themselves (RLS keeps those to the organiser): a count, nothing else.
create function app.forum_feedback_sent(p_event uuid) returns integer
  language sql stable security definer set search_path = pg_catalog, public as $$
  select count(*)::int
  from forum_registrations r
    join forum_events e on e.id = r.event_id
  where r.event_id = p_event and r.feedback_sent_at is not null
    and app.is_authenticated()
    and (e.org_id = app.current_org_id() or exists (select 1 from forum_event_partners p
      where p.event_id = e.id and p.partner_org_id = app.current_org_id()))
$$;
revoke execute on function app.forum_feedback_sent(uuid) from public;
grant execute on function app.forum_feedback_sent(uuid) to samen_app;
