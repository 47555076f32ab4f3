import type { AccompanimentPart } from '../part';
import { permitAttention } from './attention';
import { seedNewcomerRecords } from './demo';
import { newcomerIndicatorRules } from './indicators';
import { registerPermitReminders } from './reminders';
import { recordsRoutes } from './routes';

/**
 * The newcomer record (issue 14, migration 0054): profile, household, legal status history, integration
 * path, guardian of a minor, psychosocial flag; permit expiry reminders; the shared summary.
 */
export const recordsPart: AccompanimentPart = {
  routes: recordsRoutes,
  jobs: registerPermitReminders,
  attention: [permitAttention],
  // Newcomers accompanied, across the module's parts (migration 0058).
  indicators: newcomerIndicatorRules,
  // After the people (40-60) and the accounts; before the teams' requests, which refer this demo's family.
  demo: [{ order: 300, seed: seedNewcomerRecords }],
};
