import type { WebModule } from '../../app/module';
import { PlacementPage } from './PlacementPage';
import { PlacementsPage } from './PlacementsPage';
import { SignPage } from './SignPage';
import { WizardPage } from './WizardPage';

/** Placement agreements: the wizard, the list, the agreement's page and the public signature page. */
export const agreementsModule: WebModule = {
  nav: [{ to: '/app/placements', labelId: 'agreementScreens.nav', permission: 'placement.view', order: 16 }],
  routes: [
    { path: 'people/:id/agreements/new', element: <WizardPage /> },
    { path: 'placements', element: <PlacementsPage /> },
    { path: 'placements/:id', element: <PlacementPage /> },
  ],
  publicRoutes: [{ path: '/sign', element: <SignPage /> }],
};
