import {
  newPersonLink,
  pathwayLink,
  personEditLink,
  personLink,
  personsLink,
  referLink,
  referralLink,
  referralsLink,
  sharedPersonLink,
  sharedPersonsLink,
} from '../../../common/people/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const PathwayPage = lazyPage('people', () => import('./pathways/PathwayPage').then((m) => m.PathwayPage));
const PeoplePage = lazyPage('people', () => import('./persons/PeoplePage').then((m) => m.PeoplePage));
const PersonCreatePage = lazyPage('people', () =>
  import('./persons/PersonFormPages').then((m) => m.PersonCreatePage),
);
const PersonEditPage = lazyPage('people', () =>
  import('./persons/PersonFormPages').then((m) => m.PersonEditPage),
);
const PersonPage = lazyPage('people', () => import('./persons/PersonPage').then((m) => m.PersonPage));
const ReferPage = lazyPage('people', () => import('./referrals/ReferPage').then((m) => m.ReferPage));
const ReferralPage = lazyPage('people', () => import('./referrals/ReferralPage').then((m) => m.ReferralPage));
const ReferralsPage = lazyPage('people', () =>
  import('./referrals/ReferralsPage').then((m) => m.ReferralsPage),
);
const SharedPersonPage = lazyPage('people', () =>
  import('./shared/SharedPersonPage').then((m) => m.SharedPersonPage),
);
const SubjectRightsPanel = lazyPage(
  'people',
  () => import('./subject-rights/SubjectRightsPanel').then((m) => m.SubjectRightsPanel),
  'none',
);
const SharedPersonsPage = lazyPage('people', () =>
  import('./shared/SharedPersonsPage').then((m) => m.SharedPersonsPage),
);

/**
 * Persons followed by the organisation (caseload, record, consents), their pathways, referrals to
 * partners and the persons partners share with the organisation.
 */
export const peopleModule: WebModule = {
  nav: [
    { to: personsLink.href(), labelId: 'nav.people', permission: 'person.view', order: 5 },
    { to: referralsLink.href(), labelId: 'people.referrals.nav', permission: 'person.view', order: 7 },
    {
      to: sharedPersonsLink.href(),
      labelId: 'people.shared.nav',
      permission: 'person.view_shared',
      order: 8,
    },
  ],
  routes: [
    { path: personsLink.pattern, element: <PeoplePage /> },
    { path: newPersonLink.pattern, element: <PersonCreatePage /> },
    { path: personLink.pattern, element: <PersonPage /> },
    { path: personEditLink.pattern, element: <PersonEditPage /> },
    { path: pathwayLink.pattern, element: <PathwayPage /> },
    { path: referLink.pattern, element: <ReferPage /> },
    { path: referralsLink.pattern, element: <ReferralsPage /> },
    { path: referralLink.pattern, element: <ReferralPage /> },
    { path: sharedPersonsLink.pattern, element: <SharedPersonsPage /> },
    { path: sharedPersonLink.pattern, element: <SharedPersonPage /> },
  ],
  personPanels: [
    // Data-subject rights last, after every module's own panels (ADR 0032).
    {
      key: 'subject-rights',
      order: 1000,
      permission: 'person.subject_rights',
      Component: SubjectRightsPanel,
    },
  ],
  personLinks: [
    {
      key: 'pathway',
      order: 10,
      labelId: 'people.persons.link.pathway',
      href: (personId) => pathwayLink.href({ personId }),
    },
    {
      key: 'refer',
      order: 30,
      labelId: 'people.referrals.refer.action',
      manageOnly: true,
      href: (personId) => referLink.href({ personId }),
    },
  ],
};

/** A calendar day in the reader's format, or "not given". */
export { useDateFormat } from './pathways/format';
// The sharing component set: every module that shares a person (referrals, placement agreements…) uses it.
export const SharePreview = lazyPage('people', () =>
  import('./shared/share-preview').then((m) => m.SharePreview),
);
export const ConsentCheck = lazyPage('people', () =>
  import('./shared/ConsentCheck').then((m) => m.ConsentCheck),
);
export const FieldGroupsPicker = lazyPage('people', () =>
  import('./shared/FieldGroupsPicker').then((m) => m.FieldGroupsPicker),
);
export { useSharingFormat } from './shared/format';
export type { PickedOrg } from './shared/OrganisationPicker';
export const OrganisationPicker = lazyPage('people', () =>
  import('./shared/OrganisationPicker').then((m) => m.OrganisationPicker),
);
