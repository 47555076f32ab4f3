import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedIndicators } from './indicators/demo';
import { indicatorRoutes } from './indicators/routes';

/**
 * Programme monitoring: a programme's indicators counted live by the rules the other modules declare in
 * their manifests (read from deps.modules, never imported), explained, drilled into and audited.
 */
export const monitoringModule: ServerModule = {
  name: 'monitoring',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await indicatorRoutes(app, deps);
  },
  // After the programmes (30) and the placements' demo records (70–90).
  demo: [{ order: 100, seed: seedIndicators }],
};
