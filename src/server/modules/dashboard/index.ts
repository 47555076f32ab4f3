import type { ServerModule } from '../../platform/module';
import { dashboardRoutes } from './routes';

/** The "what needs my attention" page: every module's attention providers, in one list. */
export const dashboardModule: ServerModule = {
  name: 'dashboard',
  routes: dashboardRoutes,
};
