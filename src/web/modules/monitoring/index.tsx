import {
  budgetLink,
  dashboardLink,
  declarationLink,
  expenditureLink,
  indicatorRecordsLink,
  indicatorsLink,
  reportLink,
  reportsLink,
} from '../../../common/monitoring/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const BudgetPage = lazyPage('monitoring', () => import('./budgets/BudgetPage').then((m) => m.BudgetPage));
const ProgrammeDashboard = lazyPage('monitoring', () =>
  import('./dashboard/ProgrammeDashboard').then((m) => m.ProgrammeDashboard),
);
const DeclarationPage = lazyPage('monitoring', () =>
  import('./expenditure/DeclarationPage').then((m) => m.DeclarationPage),
);
const ExpenditurePage = lazyPage('monitoring', () =>
  import('./expenditure/ExpenditurePage').then((m) => m.ExpenditurePage),
);
const IndicatorsPage = lazyPage('monitoring', () =>
  import('./indicators/IndicatorsPage').then((m) => m.IndicatorsPage),
);
const RecordsPage = lazyPage('monitoring', () =>
  import('./indicators/RecordsPage').then((m) => m.RecordsPage),
);
const ReportPage = lazyPage('monitoring', () => import('./reports/ReportPage').then((m) => m.ReportPage));
const ReportsPage = lazyPage('monitoring', () => import('./reports/ReportsPage').then((m) => m.ReportsPage));

/**
 * Programme monitoring: a programme's indicators (achievements against targets and milestones, by
 * partner, explained) and the pseudonymous records behind them; its budget (versions, totals by partner,
 * category and fund, envelopes); the partners' expenditure declarations, their review by the lead and
 * the absorption of the budget (reached from the budget page). Reached from the programme page's slot.
 */
export const monitoringModule: WebModule = {
  routes: [
    { path: dashboardLink.pattern, element: <ProgrammeDashboard /> },
    { path: indicatorsLink.pattern, element: <IndicatorsPage /> },
    { path: indicatorRecordsLink.pattern, element: <RecordsPage /> },
    { path: budgetLink.pattern, element: <BudgetPage /> },
    { path: expenditureLink.pattern, element: <ExpenditurePage /> },
    { path: declarationLink.pattern, element: <DeclarationPage /> },
    { path: reportsLink.pattern, element: <ReportsPage /> },
    { path: reportLink.pattern, element: <ReportPage /> },
  ],
  programmeLinks: [
    {
      key: 'monitoring-dashboard',
      order: 4,
      labelId: 'monitoring.dashboard.link',
      permission: 'indicators.view',
      href: (id) => dashboardLink.href({ id }),
    },
    {
      key: 'monitoring-indicators',
      order: 5,
      labelId: 'monitoring.indicators.link',
      permission: 'indicators.view',
      href: (id) => indicatorsLink.href({ id }),
    },
    {
      key: 'monitoring-budget',
      order: 6,
      labelId: 'monitoring.budgets.link',
      permission: 'indicators.view',
      href: (id) => budgetLink.href({ id }),
    },
    {
      key: 'monitoring-reports',
      order: 7,
      labelId: 'monitoring.reports.link',
      permission: 'indicators.view',
      href: (id) => reportsLink.href({ id }),
    },
  ],
};
