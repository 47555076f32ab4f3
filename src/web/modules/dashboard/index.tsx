import { dashboardLink } from '../../../common/dashboard/links';
import { lazyPage } from '../../app/lazy';
import type { NavItem, WebModule } from '../../app/module';

const DashboardPage = lazyPage('dashboard', () => import('./DashboardPage').then((m) => m.DashboardPage));

/** The dashboard lists shortcuts to every menu entry the user may use, so it receives the whole menu. */
export function dashboardModule(allNav: () => NavItem[]): WebModule {
  return {
    nav: [{ to: dashboardLink.href(), labelId: 'nav.dashboard', order: 0 }],
    routes: [{ index: true, element: <DashboardPage nav={allNav} /> }],
  };
}
