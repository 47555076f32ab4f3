import type { WebModule } from '../../app/module';
import { OrganisationCreatePage, OrganisationEditPage } from './OrganisationFormPages';
import { OrganisationPage } from './OrganisationPage';
import { OrganisationsPage } from './OrganisationsPage';

/** The partner network's organisations: list, record, creation (platform admins) and editing. */
export const organisationsModule: WebModule = {
  nav: [
    { to: '/app/organisations', labelId: 'nav.organisations', permission: 'organisation.view', order: 10 },
  ],
  routes: [
    { path: 'organisations', element: <OrganisationsPage /> },
    { path: 'organisations/new', element: <OrganisationCreatePage /> },
    { path: 'organisations/:id', element: <OrganisationPage /> },
    { path: 'organisations/:id/edit', element: <OrganisationEditPage /> },
  ],
};
