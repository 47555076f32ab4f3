import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedAgreements } from './agreements/demo';
import { agreementRoutes } from './agreements/routes';
import { seedPlacements } from './demo';
import { seedFollowUp } from './followup/demo';
import { followUpRoutes } from './followup/routes';
import { placementOverviewRoutes } from './overview/routes';
import { agreementPdfRoutes } from './pdf/routes';
import { placementAttention } from './reminders/attention';
import { caseloadAlerts } from './reminders/caseload-alerts';
import { registerPlacementReminders } from './reminders/run-reminders';
import { placementRoutes } from './routes';

/** Action 1: host offers and matching, placement agreements, follow-up, the programme's overview. */
export const placementsModule: ServerModule = {
  name: 'placements',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await placementRoutes(app, deps);
    await agreementRoutes(app, deps);
    await followUpRoutes(app, deps);
    await agreementPdfRoutes(app, deps);
    await placementOverviewRoutes(app, deps);
  },
  jobs: registerPlacementReminders,
  attention: [placementAttention],
  caseloadAlerts: [caseloadAlerts],
  demo: [
    { order: 70, seed: seedPlacements },
    { order: 80, seed: seedAgreements },
    { order: 90, seed: seedFollowUp },
  ],
};
