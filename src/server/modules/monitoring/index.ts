import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedBudgets } from './budgets/demo';
import { budgetRoutes } from './budgets/routes';
import { seedExpenditure } from './expenditure/demo';
import { expenditureRoutes } from './expenditure/routes';
import { seedIndicators } from './indicators/demo';
import { indicatorRoutes } from './indicators/routes';

/**
 * Programme monitoring: a programme's indicators counted live by the rules the other modules declare in
 * their manifests (read from deps.modules, never imported), explained, drilled into and audited; and its
 * budget in dated versions (lines, co-financing, envelopes), totals computed (budgets/); the partners'
 * expenditure declarations, reviewed by the lead, and their absorption of the budget (expenditure/).
 */
export const monitoringModule: ServerModule = {
  name: 'monitoring',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await indicatorRoutes(app, deps);
    await budgetRoutes(app, deps);
    await expenditureRoutes(app, deps);
  },
  // After the programmes (30) and the placements' demo records (70–90).
  // Budgets after the indicators (100).
  demo: [
    { order: 100, seed: seedIndicators },
    { order: 110, seed: seedBudgets },
    { order: 120, seed: seedExpenditure },
  ],
};
