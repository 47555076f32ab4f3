-- A transaction acting for an organisation with nobody signed in (a notification handler or job acting for
-- the other party of an agreement) could not read the directory: its mails named no organisation
-- ("une convention de stage avec  attend votre signature"). The directory of organisations and programmes
-- is what every signed-in member and the public pages already read; a verified organisation context
-- (set only by the server, ADR 0011) may read it too. No other table is widened.
alter policy organisations_read on organisations
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() in ('public', 'system')
    or app.current_org_id() is not null);
alter policy programmes_read on programmes
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system'
    or app.current_org_id() is not null);
alter policy programme_partners_read on programme_partners
  using (app.is_authenticated() or app.is_platform_admin() or app.scope() = 'system'
    or app.current_org_id() is not null);
