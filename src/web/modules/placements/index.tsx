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
import type { WebModule } from '../../app/module';
import { PersonAgreementsCard } from './agreements/PersonAgreementsCard';
import { PlacementPage } from './agreements/PlacementPage';
import { PlacementsPage } from './agreements/PlacementsPage';
import { SignPage } from './agreements/SignPage';
import { WizardPage } from './agreements/WizardPage';
import { AttendanceSheetPage } from './followup/AttendanceSheetPage';
import { CohortPage } from './offers/CohortPage';
import { OfferDetailPage } from './offers/OfferDetailPage';
import { EditOfferPage, NewOfferPage } from './offers/OfferFormPage';
import { OffersListPage } from './offers/OffersListPage';
import { PersonOffersPage } from './offers/PersonOffersPage';
import { CaseloadAlerts, ownsCaseloadAlert } from './overview/CaseloadAlerts';
import { OverviewPage } from './overview/OverviewPage';

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
