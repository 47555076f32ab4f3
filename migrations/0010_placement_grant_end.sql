-- Issue 9, items 12–14: one attendance rate, the trainee's name where the grant allows it, and the host's
-- access ending with the placement.

-- ============================================================================ the host's access ends by rule
-- The agreement tells the person that the host sees their data until the end of the placement; a grant
-- resting on a consent that runs longer must not outlive it because nobody closed the placement. The
-- grant made for a placement ends at the placement's end (or interruption) plus a short grace for the final
-- evaluation, computed here on every write of the grant and again whenever the placement's dates change.
-- Closing the placement still revokes the grant at once (app.placements_end_grant).

-- The grace, in days. The web states it and computes the same day: HOST_ACCESS_GRACE_DAYS in
-- src/common/placements/followup-rules.ts (a test keeps the two equal).
create function app.placement_host_access_grace_days() returns integer
  language sql immutable as $$ select 30 $$;

-- The last day the host may see the person through the placement's grant.
create function app.placement_host_access_end(p_placement uuid) returns date
  language sql stable security definer set search_path = pg_catalog, public as $$
  select least(p.ends_on, p.ended_on) + app.placement_host_access_grace_days()
  from placements p where p.id = p_placement
$$;
revoke execute on function app.placement_host_access_end(uuid) from public;

-- A placement's grant expires at the earliest of its consent's expiry and the host's access end, whatever
-- the writer asked for: no one can lengthen it by hand.
create function app.person_grants_placement_expiry() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
begin
  if new.source = 'placement' then
    new.expires_on := least((select c.expires_on from consents c where c.id = new.consent_id),
      app.placement_host_access_end(new.source_id));
  end if;
  return new;
end
$$;
create trigger person_grants_placement_expiry before insert or update on person_grants
  for each row execute function app.person_grants_placement_expiry();

-- When the placement's end moves (new version, interruption), its grant's expiry follows (audited as an
-- update of the grant by audit.on_change()).
create function app.placements_grant_expiry() returns trigger language plpgsql security definer
  set search_path = pg_catalog, public as $$
begin
  if new.ends_on is distinct from old.ends_on or new.ended_on is distinct from old.ended_on then
    update person_grants g set updated_at = now()
    where g.source = 'placement' and g.source_id = new.id and g.revoked_at is null
      and g.expires_on is distinct from least((select c.expires_on from consents c where c.id = g.consent_id),
        app.placement_host_access_end(new.id));
  end if;
  return null;
end
$$;
create trigger placements_grant_expiry after update of ends_on, ended_on on placements
  for each row execute function app.placements_grant_expiry();

-- Grants of placements made before this migration: the trigger above computes their expiry.
update person_grants set updated_at = now() where source = 'placement' and revoked_at is null;

-- ============================================================================ the trainee's name for the host
-- For each agreement of the list the current organisation is a party to, the person's name as this side may
-- see it: the home centre always (its own person); the host only while the placement's own grant is in force
-- and carries the identity field group, and the person's identity is granted now (app.granted_fields checks
-- the consent). No audit entry here: the callers record the read of the page (auditPersonRead).
create function app.placement_person_names(p_ids uuid[])
  returns table (placement_id uuid, first_name text, last_name text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select p.id, pe.first_name, pe.last_name
  from placements p
  join persons pe on pe.id = p.person_id
  where p.id = any (p_ids) and app.is_authenticated()
    and (p.org_id = app.current_org_id()
      or (p.host_org_id = app.current_org_id()
        and exists (select 1 from person_grants g where g.source = 'placement' and g.source_id = p.id
          and g.recipient_org_id = p.host_org_id and g.revoked_at is null
          and (g.expires_on is null or g.expires_on >= app.today()) and 'identity' = any (g.fields))
        and 'identity' = any (app.granted_fields(p.person_id))))
$$;
grant execute on function app.placement_person_names(uuid[]) to samen_app;

-- ============================================================================ one attendance rate
-- The overview computed its own rate (hours) while the follow-up showed another (days). The rate is now
-- computed by one pure function (attendanceRate in src/common/placements/followup-rules.ts); the overview
-- answers the recorded days, identical ones grouped with their count, instead of a rate.
drop function app.programme_placements(uuid, text, uuid, uuid, date, date, text, text, boolean, text, integer,
  integer);
create function app.programme_placements(p_programme uuid, p_status text, p_home uuid, p_host uuid,
  p_from date, p_to date, p_code text, p_sort text, p_desc boolean, p_language text, p_limit integer,
  p_offset integer)
  returns table (id uuid, participant_code text, home_org_id uuid, home_name_fr text, home_name_nl text,
    host_org_id uuid, host_name_fr text, host_name_nl text, site_name text, municipality_code text,
    municipality_name_fr text, municipality_name_nl text, starts_on date, ends_on date, ended_on date,
    status text, version integer, attendance jsonb, mid_term_done boolean,
    final_done boolean, exit_situation text, six_month_situation text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  with page as (
    select p.id, pe.participant_code, p.org_id, ho.name_fr as home_name_fr, ho.name_nl as home_name_nl,
      p.host_org_id, hh.name_fr as host_name_fr, hh.name_nl as host_name_nl, p.site_name,
      p.municipality_code, t.name_fr as municipality_name_fr, t.name_nl as municipality_name_nl,
      p.starts_on, p.ends_on, p.ended_on, p.status, p.version,
      row_number() over (order by
        case when not p_desc then case p_sort
          when 'participant_code' then pe.participant_code
          when 'site' then p.site_name
          when 'home_org' then case when p_language = 'nl' then ho.name_nl else ho.name_fr end
          when 'host_org' then case when p_language = 'nl' then hh.name_nl else hh.name_fr end end end asc,
        case when p_desc then case p_sort
          when 'participant_code' then pe.participant_code
          when 'site' then p.site_name
          when 'home_org' then case when p_language = 'nl' then ho.name_nl else ho.name_fr end
          when 'host_org' then case when p_language = 'nl' then hh.name_nl else hh.name_fr end end end desc,
        case when p_sort = 'status' and not p_desc then array_position(array['draft', 'awaiting_signatures',
          'home_review', 'host_validation', 'validated', 'active', 'completed', 'interrupted',
          'cancelled'], p.status) end asc,
        case when p_sort = 'status' and p_desc then array_position(array['draft', 'awaiting_signatures',
          'home_review', 'host_validation', 'validated', 'active', 'completed', 'interrupted',
          'cancelled'], p.status) end desc,
        case when p_sort = 'ends_on' and not p_desc then p.ends_on end asc,
        case when p_sort = 'ends_on' and p_desc then p.ends_on end desc,
        case when p_sort = 'starts_on' and not p_desc then p.starts_on end asc,
        -- Default: the latest start first.
        p.starts_on desc, p.id) as ord
    from placements p
    join persons pe on pe.id = p.person_id
    join organisations ho on ho.id = p.org_id
    join organisations hh on hh.id = p.host_org_id
    left join territories t on t.code = p.municipality_code
    where p.programme_id = p_programme and app.sees_programme_placements(p_programme)
      and (p_status is null or p.status = p_status)
      and (p_home is null or p.org_id = p_home)
      and (p_host is null or p.host_org_id = p_host)
      and (p_from is null or coalesce(p.ended_on, p.ends_on) >= p_from)
      and (p_to is null or p.starts_on <= p_to)
      and (p_code is null or pe.participant_code = p_code)
    order by ord
    limit p_limit offset coalesce(p_offset, 0)
  )
  select pg.id, pg.participant_code, pg.org_id, pg.home_name_fr, pg.home_name_nl, pg.host_org_id,
    pg.host_name_fr, pg.host_name_nl, pg.site_name, pg.municipality_code, pg.municipality_name_fr,
    pg.municipality_name_nl, pg.starts_on, pg.ends_on, pg.ended_on, pg.status, pg.version,
    coalesce(att.days, '[]'::jsonb), coalesce(ev.mid_term, false), coalesce(ev.final, false),
    oc.exit_situation, oc.six_month_situation
  from page pg
  -- The recorded days, identical ones grouped (a few rows per placement), for the one rate in TypeScript.
  left join lateral (
    select jsonb_agg(jsonb_build_object('status', d.status, 'plannedHours', d.planned_hours,
      'hours', d.hours, 'count', d.n)) as days
    from (select a.status, a.planned_hours, a.hours, count(*)::int as n
      from placement_attendance a where a.placement_id = pg.id
      group by a.status, a.planned_hours, a.hours) d
  ) att on true
  left join lateral (
    select bool_or(e.kind = 'mid_term') as mid_term, bool_or(e.kind = 'final') as final
    from placement_evaluations e where e.placement_id = pg.id
  ) ev on true
  left join lateral (
    select max(o.situation) filter (where o.kind = 'exit') as exit_situation,
      max(o.situation) filter (where o.kind = 'six_months') as six_month_situation
    from placement_outcomes o where o.placement_id = pg.id
  ) oc on true
  order by pg.ord
$$;
grant execute on function
  app.programme_placements(uuid, text, uuid, uuid, date, date, text, text, boolean, text, integer, integer)
  to samen_app;
