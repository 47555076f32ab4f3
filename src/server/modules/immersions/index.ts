import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { agreementRoutes } from './agreement/routes';
import { calendarRoutes } from './calendar/routes';
import { seedOffers } from './offers/demo';
import { offerRoutes } from './offers/routes';
import { requestAttention } from './requests/attention';
import { seedRequests } from './requests/demo';
import { immersionIndicatorRules } from './requests/indicators';
import { requestNotifications } from './requests/notifications';
import { registerRequestReminders } from './requests/reminders';
import { requestRoutes } from './requests/routes';
import { registerTakeUpReminders, takeUpAttention } from './requests/takeup-reminders';

/** The iCalendar text rules, for other modules' calendar files (the forums' event invitations). */
export { escapeText, foldLine } from './calendar/ical';

/**
 * Action 2, staff immersions at partner centres (issue 11): the offers teams publish and the network
 * searches (offers/); a professional's request, approved by their manager and by the host, with capacity
 * and the yearly-day rule, the immersion agreement, logbook and report (requests/); the calendars and each
 * user's iCalendar feed (calendar/).
 */
export const immersionsModule: ServerModule = {
  name: 'immersions',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await offerRoutes(app, deps);
    await requestRoutes(app, deps);
    await agreementRoutes(app, deps);
    await calendarRoutes(app, deps);
  },
  jobs: (deps) => {
    registerRequestReminders(deps);
    registerTakeUpReminders(deps);
  },
  attention: [requestAttention, takeUpAttention],
  notifications: [...requestNotifications],
  indicators: immersionIndicatorRules,
  demo: [
    { order: 140, seed: seedOffers },
    // After the offers: the requests are made on them.
    { order: 150, seed: seedRequests },
  ],
};
