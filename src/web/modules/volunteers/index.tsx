import {
  volunteerEditLink,
  volunteerInsuranceLink,
  volunteerLink,
  volunteerRegisterLink,
  volunteersLink,
} from '../../../common/volunteers/links';
import type { WebModule } from '../../app/module';
import { InsurancePage } from './InsurancePage';
import { PublicVolunteerPage } from './PublicVolunteerPage';
import { VolunteerEditPage } from './VolunteerEditPage';
import { VolunteerPage } from './VolunteerPage';
import { VolunteersPage } from './VolunteersPage';

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
