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
import type { WebModule } from '../../app/module';
import { BudgetPage } from './budgets/BudgetPage';
import { ProgrammeDashboard } from './dashboard/ProgrammeDashboard';
import { DeclarationPage } from './expenditure/DeclarationPage';
import { ExpenditurePage } from './expenditure/ExpenditurePage';
import { IndicatorsPage } from './indicators/IndicatorsPage';
import { RecordsPage } from './indicators/RecordsPage';
import { ReportPage } from './reports/ReportPage';
import { ReportsPage } from './reports/ReportsPage';

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
