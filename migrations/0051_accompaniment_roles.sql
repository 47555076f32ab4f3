-- AB Réfugiés (issue 14): the professions of a mobile accompaniment team become membership roles, so that
-- what a member may read follows what they are (only psychologists and paramedical staff read clinical
-- notes), and peer ambassadors (volunteers) can hold an account where they need one.
alter table memberships drop constraint memberships_roles_check;
alter table memberships add constraint memberships_roles_check check (cardinality(roles) > 0
  and roles <@ array['coordinator', 'org_admin', 'referent', 'tutor', 'volunteer_coordinator', 'analyst',
    'interpreter', 'finance', 'psychologist', 'paramedical', 'intercultural_mediator', 'peer_ambassador']);
