import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedBudgets } from './budgets/demo';
import { budgetRoutes } from './budgets/routes';
import { expenditureAttention } from './expenditure/attention';
import { seedExpenditure } from './expenditure/demo';
import { expenditureNotifications } from './expenditure/notifications';
import { expenditureRoutes } from './expenditure/routes';
import { seedIndicators } from './indicators/demo';
import { indicatorRoutes } from './indicators/routes';
import { reportAttention } from './reports/attention';
import { seedReports } from './reports/demo';
import { registerReportReminders } from './reports/reminders';
import { reportRoutes } from './reports/routes';

/**
 * Programme monitoring: a programme's indicators counted live by the rules the other modules declare in
 * their manifests (read from deps.modules, never imported), explained, drilled into and audited; and its
 * budget in dated versions (lines, co-financing, envelopes), totals computed (budgets/); the partners'
 * expenditure declarations, reviewed by the lead, and their absorption of the budget (expenditure/); the
 * progress reports per period, their figures snapshotted and frozen on submission, their exports and
 * deadline reminders (reports/).
 */
export const monitoringModule: ServerModule = {
  name: 'monitoring',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await indicatorRoutes(app, deps);
    await budgetRoutes(app, deps);
    await expenditureRoutes(app, deps);
    await reportRoutes(app, deps);
  },
  jobs: registerReportReminders,
  attention: [reportAttention, expenditureAttention],
  notifications: [...expenditureNotifications],
  // After the programmes (30) and the placements' demo records (70–90).
  // Budgets after the indicators (100).
  demo: [
    { order: 100, seed: seedIndicators },
    { order: 110, seed: seedBudgets },
    { order: 120, seed: seedExpenditure },
    // Reports last: their figures are taken from every demo record above.
    { order: 130, seed: seedReports },
  ],
};
