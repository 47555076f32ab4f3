import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { analysisRoutes } from './analyses/routes';
import { boardRoutes } from './boards/routes';
import { seedObservatory } from './demo';
import { seedObservatoryAnalyses } from './demo-analyses';
import { seedObservatoryBoards } from './demo-boards';
import { importRoutes } from './import-routes';
import { registerOwnRecordsJob } from './own-records/recompute';
import { ownRecordsRoutes } from './own-records/routes';
import { observatoryRoutes } from './routes';

/**
 * The cross-border observatory of social needs (issue 12, Action 3), on the DHIS2 model: data elements and
 * indicators (a ratio of sums, computed after aggregation) with their sources and comparability class;
 * values per territory, period and vintage imported from the official files (INSEE, CAF, Statbel, IWEPS, a
 * generic long format) all-or-nothing with a preview; an indicator's map and table under the small-number
 * rules, class-C indicators shown side by side on their own national scales.
 */
export const observatoryModule: ServerModule = {
  name: 'observatory',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await observatoryRoutes(app, deps);
    await importRoutes(app, deps);
    await boardRoutes(app, deps);
    await analysisRoutes(app, deps);
    await ownRecordsRoutes(app, deps);
  },
  // samen's own figures, recomputed nightly (own-records/).
  jobs: registerOwnRecordsJob,
  // After the territories and organisations; its values name the demo municipalities.
  demo: [
    { order: 180, seed: seedObservatory },
    // The joint board over the demo indicators, once they exist.
    { order: 190, seed: seedObservatoryBoards },
    // Two partners' published local analyses, on the same indicators.
    { order: 195, seed: seedObservatoryAnalyses },
  ],
};
