import {
  initiativeEditLink,
  initiativeLink,
  initiativeNewLink,
  initiativesLink,
  publicInitiativeLink,
  publicInitiativesLink,
} from '../../../common/initiatives/links';
import type { WebModule } from '../../app/module';
import { EditInitiativePage, NewInitiativePage } from './InitiativeFormPage';
import { InitiativePage } from './InitiativePage';
import { InitiativesPage } from './InitiativesPage';
import { PublicInitiativePage, PublicInitiativesPage } from './PublicInitiativesPage';

/** For the forums' event page: the proposals that came out of the event (one line there). */
export { EventProposals } from './EventProposals';

/**
 * Solidarity initiatives (see src/server/modules/initiatives/index.ts): the network's list and map, an
 * initiative's page and form; the published initiatives in the public directory.
 */
export const initiativesModule: WebModule = {
  nav: [
    { to: initiativesLink.href(), labelId: 'initiatives.nav', permission: 'initiatives.view', order: 49 },
  ],
  routes: [
    { path: initiativesLink.pattern, element: <InitiativesPage /> },
    { path: initiativeNewLink.pattern, element: <NewInitiativePage /> },
    { path: initiativeLink.pattern, element: <InitiativePage /> },
    { path: initiativeEditLink.pattern, element: <EditInitiativePage /> },
  ],
  publicRoutes: [
    { path: publicInitiativesLink.pattern, element: <PublicInitiativesPage /> },
    { path: publicInitiativeLink.pattern, element: <PublicInitiativePage /> },
  ],
};
