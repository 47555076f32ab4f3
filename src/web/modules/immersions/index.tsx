import {
  calendarLink,
  immersionSignLink,
  newRequestLink,
  offerEditLink,
  offerLink,
  offerNewLink,
  offersLink,
  ownOffersLink,
  partnerYearLink,
  requestEditLink,
  requestLink,
  requestsLink,
} from '../../../common/immersions/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const SignLinkPage = lazyPage('immersions', () =>
  import('./agreement/SignLinkPage').then((m) => m.SignLinkPage),
);
const CalendarPage = lazyPage('immersions', () =>
  import('./calendar/CalendarPage').then((m) => m.CalendarPage),
);
const CataloguePage = lazyPage('immersions', () =>
  import('./offers/CataloguePage').then((m) => m.CataloguePage),
);
const EditOfferPage = lazyPage('immersions', () =>
  import('./offers/OfferFormPages').then((m) => m.EditOfferPage),
);
const NewOfferPage = lazyPage('immersions', () =>
  import('./offers/OfferFormPages').then((m) => m.NewOfferPage),
);
const OfferPage = lazyPage('immersions', () => import('./offers/OfferPage').then((m) => m.OfferPage));
const OwnOffersPage = lazyPage('immersions', () =>
  import('./offers/OwnOffersPage').then((m) => m.OwnOffersPage),
);
const EditRequestPage = lazyPage('immersions', () =>
  import('./requests/NewRequestPage').then((m) => m.EditRequestPage),
);
const NewRequestPage = lazyPage('immersions', () =>
  import('./requests/NewRequestPage').then((m) => m.NewRequestPage),
);
const PartnerYearPage = lazyPage('immersions', () =>
  import('./requests/PartnerYearPage').then((m) => m.PartnerYearPage),
);
const RequestPage = lazyPage('immersions', () => import('./requests/RequestPage').then((m) => m.RequestPage));
const RequestsPage = lazyPage('immersions', () =>
  import('./requests/RequestsPage').then((m) => m.RequestsPage),
);

/** The immersions module's pages (see src/server/modules/immersions/index.ts for what it covers). */
export const immersionsModule: WebModule = {
  nav: [
    { to: offersLink.href(), labelId: 'immersions.offers.nav', permission: 'immersion.view', order: 40 },
    { to: requestsLink.href(), labelId: 'immersions.requests.nav', permission: 'immersion.view', order: 41 },
  ],
  routes: [
    { path: offersLink.pattern, element: <CataloguePage /> },
    { path: offerNewLink.pattern, element: <NewOfferPage /> },
    { path: offerLink.pattern, element: <OfferPage /> },
    { path: offerEditLink.pattern, element: <EditOfferPage /> },
    { path: ownOffersLink.pattern, element: <OwnOffersPage /> },
    { path: requestsLink.pattern, element: <RequestsPage /> },
    { path: newRequestLink.pattern, element: <NewRequestPage /> },
    { path: requestLink.pattern, element: <RequestPage /> },
    { path: requestEditLink.pattern, element: <EditRequestPage /> },
    { path: partnerYearLink.pattern, element: <PartnerYearPage /> },
    { path: calendarLink.pattern, element: <CalendarPage /> },
  ],
  publicRoutes: [{ path: immersionSignLink.pattern, element: <SignLinkPage /> }],
  programmeLinks: [
    {
      key: 'immersions-partners',
      order: 8,
      labelId: 'immersions.requests.partners.link',
      permission: 'immersion.manage',
      href: (id) => partnerYearLink.href({ id }),
    },
  ],
};
