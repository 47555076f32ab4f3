-- A centre's finance officer declares its programme expenditure (migration 0020) and needs no access to
-- persons: a role of its own rather than a coordinator's, which would open the caseload.
alter table memberships drop constraint memberships_roles_check;
alter table memberships add constraint memberships_roles_check check (cardinality(roles) > 0
  and roles <@ array['coordinator', 'org_admin', 'referent', 'tutor', 'volunteer_coordinator', 'analyst',
    'interpreter', 'finance']);
