-- What the home centre writes about the person's life around and after a placement is sealed (issue 16): why
-- they stay abroad (a residential week, a family matter), the outcome's note and the reason of a drop-out (a
-- move, an illness, a conflict). Only the home centre reads them (the follow-up shows stays and outcomes to
-- it alone), so they are sealed with its own data key and released to nobody (ADR 0038's pattern). As in
-- 0071–0076, the checks are NOT VALID (clear rows written before are sealed by the application at start) and
-- the audit log no longer receives the texts.
--
-- A drop-out keeps a reason (a row check requires one): an anonymised person's reason is the erasure marker
-- '--', which the check admits beside a sealed value and the application shows as it is (ADR 0042).

create or replace function app.restriction_sealed_columns(p_table text) returns text[]
  language sql immutable set search_path = pg_catalog as $$
  select case p_table
    when 'newcomer_profiles' then array['psychosocial_referred_to', 'guardian_name', 'guardian_contact']
    when 'newcomer_status_events' then array['note']
    when 'outreach_contacts' then array['note']
    when 'pathway_notes' then array['body']
    when 'placement_incidents' then array['description', 'action_taken']
    when 'placement_mobility' then array['note']
    when 'placement_attendance' then array['note']
    when 'placement_evaluations' then array['strengths', 'improvements', 'next_steps']
    when 'placement_stays_abroad' then array['reason']
    when 'placement_outcomes' then array['note', 'drop_out_reason'] end
$$;

do $$
declare
  t text;
  c text;
begin
  foreach t in array array['placement_stays_abroad', 'placement_outcomes'] loop
    foreach c in array app.restriction_sealed_columns(t) loop
      execute format('alter table %I drop constraint %I', t, t || '_' || c || '_check');
      execute format($k$alter table %I add constraint %I check (%I is null or %I like 'v2.%%'%s) not valid$k$,
        t, t || '_' || c || '_sealed', c, c,
        case when c = 'drop_out_reason' then format(' or %I = %L', c, '--') else '' end);
    end loop;
    execute format('drop trigger %I on %I', t || '_audit', t);
    execute format('create trigger %I after insert or update or delete on %I
      for each row execute function audit.on_change(%s)', t || '_audit', t,
      (select string_agg(quote_literal(x), ', ') from unnest(app.restriction_sealed_columns(t)) x));
  end loop;
end
$$;
