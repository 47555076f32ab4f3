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
import type { WebModule } from '../../app/module';
import { SignLinkPage } from './agreement/SignLinkPage';
import { CalendarPage } from './calendar/CalendarPage';
import { CataloguePage } from './offers/CataloguePage';
import { EditOfferPage, NewOfferPage } from './offers/OfferFormPages';
import { OfferPage } from './offers/OfferPage';
import { OwnOffersPage } from './offers/OwnOffersPage';
import { EditRequestPage, NewRequestPage } from './requests/NewRequestPage';
import { PartnerYearPage } from './requests/PartnerYearPage';
import { RequestPage } from './requests/RequestPage';
import { RequestsPage } from './requests/RequestsPage';

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
