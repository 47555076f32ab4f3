import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedAgreements } from './agreements/demo';
import { hostSignatoryInvitation } from './agreements/invitations';
import { agreementNotifications } from './agreements/notifications';
import { agreementsRoutes } from './agreements/routes';
import { signedCopyNotifications } from './agreements/signed-copies';
import { seedPlacements } from './demo';
import { seedFollowUp } from './followup/demo';
import { followupRoutes } from './followup/routes';
import { placementIndicatorRules } from './indicators/rules';
import { matchingRoutes } from './matching/routes';
import { offersRoutes } from './offers/routes';
import { overviewRoutes } from './overview/routes';
import { pdfRoutes } from './pdf/routes';
import { placementAttention } from './reminders/attention';
import { caseloadAlerts } from './reminders/caseload-alerts';
import { registerPlacementReminders } from './reminders/run-reminders';
import { placementsSubjectData } from './subject-data/providers';

/** Action 1: host offers and matching, placement agreements, follow-up, the programme's overview. */
export const placementsModule: ServerModule = {
  name: 'placements',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await offersRoutes(app, deps);
    await matchingRoutes(app, deps);
    await agreementsRoutes(app, deps);
    await followupRoutes(app, deps);
    await pdfRoutes(app, deps);
    await overviewRoutes(app, deps);
  },
  jobs: registerPlacementReminders,
  attention: [placementAttention],
  caseloadAlerts: [caseloadAlerts],
  indicators: placementIndicatorRules,
  subjectData: [placementsSubjectData],
  notifications: [...agreementNotifications, hostSignatoryInvitation, ...signedCopyNotifications],
  demo: [
    { order: 70, seed: seedPlacements },
    { order: 80, seed: seedAgreements },
    { order: 90, seed: seedFollowUp },
  ],
};
