-- What each party of an agreement needs to know about the other side, and no more: the person's other
-- committed periods (overlap rule, checked by the host at validation too), the names of the referent and
-- the tutor, the participant code, and the staff of a host who may tutor. Row-level security hides the
-- other organisation's persons, users and memberships; these definer functions answer only a party of the
-- agreement (or, for tutors, any signed-in member of the network) and reveal only what is named here.

-- Periods of the person's other validated or active agreements (no ids, no organisations), for a party of
-- p_exclude, which must be the same person's agreement.
create function app.person_committed_periods(p_person uuid, p_exclude uuid)
  returns table (starts_on date, ends_on date)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select o.starts_on, o.ends_on
  from placements o
  where o.person_id = p_person and o.id <> p_exclude and o.status in ('validated', 'active')
    and app.is_authenticated()
    and exists (select 1 from placements x where x.id = p_exclude and x.person_id = p_person
      and app.current_org_id() in (x.org_id, x.host_org_id))
$$;

-- For each agreement of the list the current organisation is a party to: the person's participant code
-- (the network pseudonym) and the display names of the home referent and of the host tutor.
create function app.placement_parties(p_ids uuid[])
  returns table (placement_id uuid, participant_code text, referent_name text, tutor_name text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select p.id, pe.participant_code, r.display_name, tu.display_name
  from placements p
  join persons pe on pe.id = p.person_id
  join users r on r.id = p.referent_user_id
  left join users tu on tu.id = p.tutor_user_id
  where p.id = any (p_ids) and app.is_authenticated()
    and app.current_org_id() in (p.org_id, p.host_org_id)
$$;

-- Active members of an organisation who may tutor a placement there (tutors and coordinators): names only.
create function app.organisation_tutors(p_org uuid)
  returns table (user_id uuid, display_name text)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select u.id, u.display_name
  from memberships m
  join users u on u.id = m.user_id
  where m.org_id = p_org and m.active and u.status = 'active'
    and m.roles && array['tutor', 'coordinator'] and app.is_authenticated()
  order by u.display_name, u.id
$$;

grant execute on function app.person_committed_periods(uuid, uuid), app.placement_parties(uuid[]),
  app.organisation_tutors(uuid) to samen_app;
