import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { attendanceRoutes } from './attendance/routes';
import { seedForums } from './demo';
import { registerForumFeedback } from './feedback/requests';
import { forumFeedbackRoutes } from './feedback/routes';
import { forumIndicatorRules } from './indicators/rules';
import { registerForumReminders } from './reminders';
import { forumRoutes } from './routes';

/** For the initiatives' proposals: whether an event is visible and who organises it. */
export { type EventOrganiser, eventOrganiser } from './lookup';

/**
 * Action 4, forums and events (issue 13): thematic forums, awareness and information sessions, trainings
 * and network meetings an organisation organises with partners; public registration without an account,
 * with a waiting list, a cancellation link and a reminder the day before; check-in and attendance.
 * Migrations 0044, 0047 and 0050.
 */
export const forumsModule: ServerModule = {
  name: 'forums',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await forumRoutes(app, deps);
    await forumFeedbackRoutes(app, deps);
    // Check-in, attendance and the attendance sheet (migration 0050).
    await attendanceRoutes(app, deps);
  },
  jobs: (deps) => {
    registerForumReminders(deps);
    // The feedback link after the event (migration 0048).
    registerForumFeedback(deps);
  },
  // RCO115, cross-border public events (migration 0047); SAM 5 and RCO81 from attendance (0050).
  indicators: forumIndicatorRules,
  // After the network and programmes (30) and every earlier module; the volunteers (issue 13) come after.
  demo: [{ order: 200, seed: seedForums }],
};
