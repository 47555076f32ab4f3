import {
  cohortLink,
  followupLink,
  newAgreementLink,
  newOfferLink,
  offerEditLink,
  offerLink,
  offersLink,
  overviewLink,
  personOffersLink,
  placementLink,
  placementsLink,
  signLink,
} from '../../../common/placements/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';
// Small, and shown in every caseload row: not worth a chunk of its own.
import { CaseloadAlerts, ownsCaseloadAlert } from './overview/CaseloadAlerts';

const PersonAgreementsCard = lazyPage('placements', () =>
  import('./agreements/PersonAgreementsCard').then((m) => m.PersonAgreementsCard),
);
const PlacementPage = lazyPage('placements', () =>
  import('./agreements/PlacementPage').then((m) => m.PlacementPage),
);
const PlacementsPage = lazyPage('placements', () =>
  import('./agreements/PlacementsPage').then((m) => m.PlacementsPage),
);
const SignPage = lazyPage('placements', () => import('./agreements/SignPage').then((m) => m.SignPage));
const WizardPage = lazyPage('placements', () => import('./agreements/WizardPage').then((m) => m.WizardPage));
const AttendanceSheetPage = lazyPage('placements', () =>
  import('./followup/AttendanceSheetPage').then((m) => m.AttendanceSheetPage),
);
const CohortPage = lazyPage('placements', () => import('./offers/CohortPage').then((m) => m.CohortPage));
const OfferDetailPage = lazyPage('placements', () =>
  import('./offers/OfferDetailPage').then((m) => m.OfferDetailPage),
);
const EditOfferPage = lazyPage('placements', () =>
  import('./offers/OfferFormPage').then((m) => m.EditOfferPage),
);
const NewOfferPage = lazyPage('placements', () =>
  import('./offers/OfferFormPage').then((m) => m.NewOfferPage),
);
const OffersListPage = lazyPage('placements', () =>
  import('./offers/OffersListPage').then((m) => m.OffersListPage),
);
const PersonOffersPage = lazyPage('placements', () =>
  import('./offers/PersonOffersPage').then((m) => m.PersonOffersPage),
);
const OverviewPage = lazyPage('placements', () =>
  import('./overview/OverviewPage').then((m) => m.OverviewPage),
);

/**
 * Action 1, cross-border work placements: host organisations' offers (`offers`), the agreement from
 * wizard to signatures and validation (`agreements`), the placement's follow-up (`followup`) and the
 * lead organisation's overview of a programme's placements (`overview`). Other modules' pages show
 * it only through their slots: the person page's agreements card and offers link, the caseload's
 * alerts, the programme page's link to its placements.
 */
export const placementsModule: WebModule = {
  nav: [
    { to: offersLink.href(), labelId: 'placements.offers.nav.offers', permission: 'offer.view', order: 15 },
    {
      to: placementsLink.href(),
      labelId: 'placements.agreements.nav',
      permission: 'placement.view',
      order: 16,
    },
  ],
  routes: [
    { path: offersLink.pattern, element: <OffersListPage /> },
    { path: newOfferLink.pattern, element: <NewOfferPage /> },
    { path: cohortLink.pattern, element: <CohortPage /> },
    { path: offerLink.pattern, element: <OfferDetailPage /> },
    { path: offerEditLink.pattern, element: <EditOfferPage /> },
    { path: personOffersLink.pattern, element: <PersonOffersPage /> },
    { path: newAgreementLink.pattern, element: <WizardPage /> },
    { path: placementsLink.pattern, element: <PlacementsPage /> },
    { path: placementLink.pattern, element: <PlacementPage /> },
    { path: followupLink.pattern, element: <AttendanceSheetPage /> },
    { path: overviewLink.pattern, element: <OverviewPage /> },
  ],
  publicRoutes: [{ path: signLink.pattern, element: <SignPage /> }],
  personPanels: [
    {
      key: 'placements-agreements',
      order: 10,
      permission: 'placement.view',
      Component: PersonAgreementsCard,
    },
  ],
  personLinks: [
    {
      key: 'placements-offers',
      order: 20,
      labelId: 'placements.offers.person_link',
      permission: 'offer.view',
      href: (personId) => personOffersLink.href({ personId }),
    },
  ],
  caseloadAlerts: [{ owns: ownsCaseloadAlert, Component: CaseloadAlerts }],
  programmeLinks: [
    {
      key: 'placements-overview',
      order: 10,
      labelId: 'placements.overview.link',
      permission: 'placement.programme_overview',
      href: (id) => overviewLink.href({ id }),
      when: (programme, activeOrgId) => programme.leadOrgId === activeOrgId,
    },
  ],
};
