import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';

/**
 * Action 2, staff immersions at partner centres (issue 11): the offers teams publish and the network
 * searches (offers/); a professional's request, approved by their manager and by the host, with capacity
 * and the yearly-day rule, the immersion agreement, logbook and report (requests/).
 */
export const immersionsModule: ServerModule = {
  name: 'immersions',
  routes: async (_app: FastifyInstance, _deps: Deps) => {},
};
