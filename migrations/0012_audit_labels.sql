-- A readable audit log (issue 9, item 22): who acted in an organisation's chain from outside it.
--
-- Each entry records the acting organisation (actor_org_id); its name is in the partner directory, which
-- every signed-in member reads. What the reader cannot see is the actor's role there: memberships are
-- visible only inside an organisation. This function answers it for the entries of the caller's own chain
-- (every chain for a platform administrator), exactly the entries audit_read lets the caller see, and
-- says nothing else about the actor: never a name or an e-mail. A partner's staff member stays identified
-- by the user id the entry already holds; the partner, who is accountable for its staff, can name them.
-- The roles are those of the membership today (the entry did not record them at the time).
create function audit.entry_actors(p_ids bigint[])
  returns table (id bigint, roles text[], platform_admin boolean)
  language sql stable security definer set search_path = pg_catalog, public as $$
  select l.id,
    (select m.roles from memberships m
      where m.user_id = l.actor_user_id and m.org_id = l.actor_org_id and m.accepted_at is not null),
    coalesce((select u.platform_admin from users u where u.id = l.actor_user_id), false)
  from audit.log l
  where l.id = any (p_ids) and cardinality(p_ids) <= 500 and l.actor_user_id is not null
    and app.current_user_id() is not null
    and (l.org_id = app.current_org_id() or app.is_platform_admin())
$$;
revoke execute on function audit.entry_actors(bigint[]) from public;
grant execute on function audit.entry_actors(bigint[]) to samen_app;
