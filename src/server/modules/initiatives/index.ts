import type { ServerModule } from '../../platform/module';
import { seedInitiatives } from './demo';
import { initiativeIndicatorRules } from './indicators/rules';
import { initiativeRoutes } from './routes';

/**
 * Action 4, solidarity initiatives (issue 13): the proposals a forum's organiser records and the
 * initiatives partners run together (born from a proposal or not), with partners on both sides,
 * municipalities, results and the volunteers assigned to them; a workflow idea → preparing → running →
 * ended; publication in the public directory. Migration 0049.
 */
export const initiativesModule: ServerModule = {
  name: 'initiatives',
  routes: initiativeRoutes,
  // SAM indicator 3, cross-border initiatives in social matters (migration 0049).
  indicators: initiativeIndicatorRules,
  // After the forums (200, the past forum's proposal) and the volunteers (170, the assignments).
  demo: [{ order: 220, seed: seedInitiatives }],
};
