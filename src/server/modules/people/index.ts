import type { ServerModule } from '../../platform/module';
import { seedDemoPersons } from './demo';
import { peopleIndicatorRules } from './indicators/rules';
import { seedDemoPathways } from './pathways/demo';
import { seedDemoReferrals } from './referrals/demo';
import { referralNotifications } from './referrals/notifications';
import { peopleRoutes } from './routes';
import { peopleSubjectData } from './subject-rights/providers';

/** Persons followed by their home centre, consents, pathways, referrals and sharing with other centres. */
export const peopleModule: ServerModule = {
  name: 'people',
  routes: peopleRoutes,
  notifications: referralNotifications,
  indicators: peopleIndicatorRules,
  subjectData: peopleSubjectData,
  demo: [
    { order: 40, seed: seedDemoPersons },
    { order: 50, seed: seedDemoPathways },
    { order: 60, seed: seedDemoReferrals },
  ],
};

// The people module's public use cases: what other modules may ask of it.

/** The consent in force of a person of the actor's organisation (outreach contacts are linked only with one). */
export { activeConsentOf } from './consents/store';
/** Whether a pathway belongs to a person. */
export { isPathwayOf } from './pathways/store';
/**
 * A person the actor may open with the permission (own organisation and caseload, as the person page),
 * or a 404: what another module's records about the person follow (the newcomer record).
 */
export { loadPerson as loadPersonFor } from './persons/get-person';
/** The participant code of a name and birth date (demo seeders of other modules create fictional persons). */
export { participantCode } from './persons/participant-code';
/** A person of the actor's own organisation (RLS), for a use case about to act on them. */
/**
 * A person's interpreter need (the organisation's own person, under RLS), for booking an interpreter:
 * undefined when the person is not the organisation's, null when no need is recorded.
 */
export {
  findOwnPerson,
  findOwnPersonAudited,
  interpreterNeedOf as personInterpreterNeed,
} from './persons/store';
/** The one sharing door: preview, basis (consent or override) and the grant with its audit entry. */
export {
  type GrantSource,
  grantPersonAccess,
  previewShare,
  type Share,
  type ShareBasis,
  type Sharer,
  shareBasis,
} from './shared/share';
/**
 * Persons as the current organisation may see them through its grants (only the granted groups), for a
 * page that lists several: one audited read in each home organisation's chain (accompaniment requests).
 */
export { sharedPersons as sharedPersonsThroughGrants } from './shared/store';
/**
 * Erasure by anonymisation of a person of the actor's organisation (ADR 0032): every module's part, then the
 * record; the retention job calls it with reason 'retention'.
 */
export { anonymisePerson, type ErasureReason, type ErasureReport } from './subject-rights/anonymise';
