import { defineLink } from '../kernel/links';

/** The monitoring module's pages others point to (the programme page, the dashboard, mails). */

/** A programme's indicators: achievements against targets and milestones, by partner. */
export const indicatorsLink = defineLink('/app/programmes/:id/indicators');

/** The pseudonymous records behind one indicator. */
export const indicatorRecordsLink = defineLink('/app/indicators/:id/records', { page: 'integer' });

/** A programme's budget: its current version (or an older one), totals, co-financing and envelopes. */
export const budgetLink = defineLink('/app/programmes/:id/budget', { version: 'integer' });

/** A programme's expenditure declarations: the caller's, those the lead reviews, and the absorption. */
export const expenditureLink = defineLink('/app/programmes/:id/expenditure');

/** One expenditure declaration with its items (edited in draft, reviewed by the lead once submitted). */
export const declarationLink = defineLink('/app/expenditure/:id');

/** A programme's progress reports: their periods, deadlines and states. */
export const reportsLink = defineLink('/app/programmes/:id/reports');

/** One progress report: its latest version (or an older one), figures, narratives and exports. */
export const reportLink = defineLink('/app/reports/:id', { version: 'integer' });

/** A programme's monitoring dashboard: indicators against targets, absorption, upcoming deadlines. */
export const dashboardLink = defineLink('/app/programmes/:id/monitoring');
