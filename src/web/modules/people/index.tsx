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
import type { WebModule } from '../../app/module';
import { PathwayPage } from './pathways/PathwayPage';
import { PeoplePage } from './persons/PeoplePage';
import { PersonCreatePage, PersonEditPage } from './persons/PersonFormPages';
import { PersonPage } from './persons/PersonPage';
import { ReferPage } from './referrals/ReferPage';
import { ReferralPage } from './referrals/ReferralPage';
import { ReferralsPage } from './referrals/ReferralsPage';
import { SharedPersonPage } from './shared/SharedPersonPage';
import { SharedPersonsPage } from './shared/SharedPersonsPage';

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
export { ConsentCheck, useSharePreview } from './shared/ConsentCheck';
export { FieldGroupsPicker } from './shared/FieldGroupsPicker';
export { useSharingFormat } from './shared/format';
export { OrganisationPicker, type PickedOrg } from './shared/OrganisationPicker';
