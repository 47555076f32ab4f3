import {
  initiativeEditLink,
  initiativeLink,
  initiativeNewLink,
  initiativesLink,
  publicInitiativeLink,
  publicInitiativesLink,
} from '../../../common/initiatives/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const EditInitiativePage = lazyPage('initiatives', () =>
  import('./InitiativeFormPage').then((m) => m.EditInitiativePage),
);
const NewInitiativePage = lazyPage('initiatives', () =>
  import('./InitiativeFormPage').then((m) => m.NewInitiativePage),
);
const InitiativePage = lazyPage('initiatives', () =>
  import('./InitiativePage').then((m) => m.InitiativePage),
);
const InitiativesPage = lazyPage('initiatives', () =>
  import('./InitiativesPage').then((m) => m.InitiativesPage),
);
const PublicInitiativePage = lazyPage('initiatives', () =>
  import('./PublicInitiativesPage').then((m) => m.PublicInitiativePage),
);
const PublicInitiativesPage = lazyPage('initiatives', () =>
  import('./PublicInitiativesPage').then((m) => m.PublicInitiativesPage),
);

/** For the forums' event page: the proposals that came out of the event (one line there). */
export const EventProposals = lazyPage('initiatives', () =>
  import('./EventProposals').then((m) => m.EventProposals),
);

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
