import type { AccompanimentPart } from '../part';
import { seedTeams } from './demo';
import { teamIndicatorRules } from './indicators/rules';
import { teamNotifications } from './notifications';
import { teamRoutes } from './routes';

/**
 * Mobile teams (migration 0055): teams by profession, requests from partner organisations through the
 * sharing door, interventions (cross-border derived) and the team's encrypted clinical notes.
 */
export const teamsPart: AccompanimentPart = {
  routes: teamRoutes,
  notifications: teamNotifications,
  indicators: teamIndicatorRules,
  demo: [{ order: 310, seed: seedTeams }],
};
