-- The titles of a pathway's objectives and actions ("se soigner avant de reprendre", "rendez-vous au centre de
-- santé mentale", "dossier de surendettement") and a mobility record's note are sealed with the home
-- organisation's own key (issue 16, ADR 0038's pattern): only the home organisation reads them (a grant of the
-- 'mobility' group shows the radius and the border crossing, never the note; objectives are never shared).
-- As in 0071–0079, the checks are NOT VALID (clear rows written before are sealed by the application at
-- start), the audit log no longer receives the texts, and the restriction's refusal lets the start's
-- re-encryption of a restricted person's pathway through.

create or replace function app.restriction_sealed_columns(p_table text) returns text[]
  language sql immutable set search_path = pg_catalog as $$
  select case p_table
    when 'newcomer_profiles' then array['psychosocial_referred_to', 'guardian_name', 'guardian_contact']
    when 'newcomer_status_events' then array['note']
    when 'outreach_contacts' then array['note']
    when 'pathway_notes' then array['body']
    when 'pathway_objectives' then array['title']
    when 'pathway_actions' then array['title']
    when 'pathway_mobility' then array['note']
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
  foreach t in array array['pathway_objectives', 'pathway_actions', 'pathway_mobility'] loop
    foreach c in array app.restriction_sealed_columns(t) loop
      execute format('alter table %I drop constraint %I', t, t || '_' || c || '_check');
      execute format($k$alter table %I add constraint %I check (%I is null or %I like 'v2.%%') not valid$k$,
        t, t || '_' || c || '_sealed', c, c);
    end loop;
    execute format('drop trigger %I on %I', t || '_audit', t);
    execute format('create trigger %I after insert or update or delete on %I
      for each row execute function audit.on_change(%s)', t || '_audit', t,
      (select string_agg(quote_literal(x), ', ') from unnest(app.restriction_sealed_columns(t)) x));
  end loop;
end
$$;
