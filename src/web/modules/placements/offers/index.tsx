import type { WebModule } from '../../app/module';
import { CohortPage } from './CohortPage';
import { OfferDetailPage } from './OfferDetailPage';
import { EditOfferPage, NewOfferPage } from './OfferFormPage';
import { OffersListPage } from './OffersListPage';
import { PersonOffersPage } from './PersonOffersPage';

/** Placement offers of host organisations, their ranking for a person and cohort suggestions. */
export const offersModule: WebModule = {
  routes: [
    { path: 'offers', element: <OffersListPage /> },
    { path: 'offers/new', element: <NewOfferPage /> },
    { path: 'offers/cohort', element: <CohortPage /> },
    { path: 'offers/:id', element: <OfferDetailPage /> },
    { path: 'offers/:id/edit', element: <EditOfferPage /> },
    { path: 'people/:id/offers', element: <PersonOffersPage /> },
  ],
  nav: [{ to: '/app/offers', labelId: 'placements.nav.offers', permission: 'offer.view', order: 15 }],
};
