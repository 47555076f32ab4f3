import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';

/**
 * The year-long immersion formative (issue 11, the Charleroi–Binche partnership): a partnership between a
 * lead CPAS and a partner CPAS, the trainee's learning plan across the host's modules with sessions,
 * progress and signed reviews, and the application year's projects in the trainee's home centre.
 */
export const formativeModule: ServerModule = {
  name: 'formative',
  routes: async (_app: FastifyInstance, _deps: Deps) => {},
};
