import { modulesLink, partnershipLink, partnershipsLink } from '../../../common/formative/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const ModulesPage = lazyPage('formative', () => import('./modules/ModulesPage').then((m) => m.ModulesPage));
const PartnershipPage = lazyPage('formative', () =>
  import('./partnerships/PartnershipPage').then((m) => m.PartnershipPage),
);
const PartnershipsPage = lazyPage('formative', () =>
  import('./partnerships/PartnershipsPage').then((m) => m.PartnershipsPage),
);

/**
 * The immersion formative: the partnerships the user's organisation is party to, and each partnership's
 * page (parties and milestones, learning plan with progress, sessions, signed reviews, application year), and
 * the host's training modules.
 */
export const formativeModule: WebModule = {
  routes: [
    { path: partnershipsLink.pattern, element: <PartnershipsPage /> },
    { path: partnershipLink.pattern, element: <PartnershipPage /> },
    { path: modulesLink.pattern, element: <ModulesPage /> },
  ],
  nav: [
    {
      to: partnershipsLink.href(),
      labelId: 'formative.partnerships.nav',
      permission: 'formative.view',
      order: 24,
    },
  ],
};
