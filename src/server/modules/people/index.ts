import type { ServerModule } from '../../platform/module';
import { seedDemoPersons } from './demo';
import { peopleIndicatorRules } from './indicators/rules';
import { seedDemoPathways } from './pathways/demo';
import { seedDemoReferrals } from './referrals/demo';
import { referralNotifications } from './referrals/notifications';
import { peopleRoutes } from './routes';

/** Persons followed by their home centre, consents, pathways, referrals and sharing with other centres. */
export const peopleModule: ServerModule = {
  name: 'people',
  routes: peopleRoutes,
  notifications: referralNotifications,
  indicators: peopleIndicatorRules,
  demo: [
    { order: 40, seed: seedDemoPersons },
    { order: 50, seed: seedDemoPathways },
    { order: 60, seed: seedDemoReferrals },
  ],
};

// The people module's public use cases: what other modules may ask of it.

/** Whether a pathway belongs to a person. */
export { isPathwayOf } from './pathways/store';
/** A person of the actor's own organisation (RLS), for a use case about to act on them. */
export { findOwnPerson } from './persons/store';
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
