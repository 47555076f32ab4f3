import {
  volunteerEditLink,
  volunteerInsuranceLink,
  volunteerLink,
  volunteerRegisterLink,
  volunteersLink,
} from '../../../common/volunteers/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const InsurancePage = lazyPage('volunteers', () => import('./InsurancePage').then((m) => m.InsurancePage));
const PublicVolunteerPage = lazyPage('volunteers', () =>
  import('./PublicVolunteerPage').then((m) => m.PublicVolunteerPage),
);
const VolunteerEditPage = lazyPage('volunteers', () =>
  import('./VolunteerEditPage').then((m) => m.VolunteerEditPage),
);
const VolunteerPage = lazyPage('volunteers', () => import('./VolunteerPage').then((m) => m.VolunteerPage));
const VolunteersPage = lazyPage('volunteers', () => import('./VolunteersPage').then((m) => m.VolunteersPage));

/**
 * The volunteer registry (see src/server/modules/volunteers/index.ts): the list and page of volunteers and
 * the organisation's volunteer insurance for coordinators (volunteers.manage), and the public "become a
 * volunteer" form without sign-in.
 */
export const volunteersModule: WebModule = {
  nav: [
    {
      to: volunteersLink.href(),
      labelId: 'volunteers.registry.nav',
      permission: 'volunteers.manage',
      order: 48,
    },
    { to: volunteerRegisterLink.href(), labelId: 'volunteers.register.nav', order: 36, publicOnly: true },
  ],
  routes: [
    { path: volunteersLink.pattern, element: <VolunteersPage /> },
    { path: volunteerInsuranceLink.pattern, element: <InsurancePage /> },
    { path: volunteerLink.pattern, element: <VolunteerPage /> },
    { path: volunteerEditLink.pattern, element: <VolunteerEditPage /> },
  ],
  publicRoutes: [{ path: volunteerRegisterLink.pattern, element: <PublicVolunteerPage /> }],
};
