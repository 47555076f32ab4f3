import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedForums } from './demo';
import { forumIndicatorRules } from './indicators/rules';
import { registerForumReminders } from './reminders';
import { forumRoutes } from './routes';

/**
 * Action 4, forums and events (issue 13): thematic forums, awareness and information sessions, trainings
 * and network meetings an organisation organises with partners; public registration without an account,
 * with a waiting list, a cancellation link and a reminder the day before. Migrations 0044 and 0047.
 */
export const forumsModule: ServerModule = {
  name: 'forums',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await forumRoutes(app, deps);
  },
  jobs: (deps) => registerForumReminders(deps),
  // RCO115, cross-border public events (migration 0047).
  indicators: forumIndicatorRules,
  // After the network and programmes (30) and every earlier module; the volunteers (issue 13) come after.
  demo: [{ order: 200, seed: seedForums }],
};
