import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedFormative } from './demo';
import { formativeIndicatorRules } from './indicators';
import { moduleRoutes } from './modules/routes';
import { partnershipDocumentRoutes } from './partnerships/document-routes';
import { partnershipRoutes } from './partnerships/routes';

/**
 * The year-long immersion formative (issue 11, the Charleroi–Binche partnership): a partnership between a
 * lead CPAS and a partner CPAS, the trainee's learning plan across the host's modules with sessions,
 * progress and signed reviews, and the application year's projects in the trainee's home centre; the
 * host's training modules; the partnership's dated steps and signed documents as its programme's
 * milestones and documents (through the network module).
 */
export const formativeModule: ServerModule = {
  name: 'formative',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await partnershipRoutes(app, deps);
    await partnershipDocumentRoutes(app, deps);
    await moduleRoutes(app, deps);
  },
  indicators: formativeIndicatorRules,
  // After the programmes (30), the units (< 70) and the monitoring demo (100–130).
  demo: [{ order: 170, seed: seedFormative }],
};
