import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';

/**
 * The good-practice library (issue 11): sheets drawn from immersion reports or written directly, in French
 * and Dutch, searchable across the network and optionally published without sign-in, with their take-up
 * follow-up (which organisation plans, tries or adopted a practice).
 */
export const practicesModule: ServerModule = {
  name: 'practices',
  routes: async (_app: FastifyInstance, _deps: Deps) => {},
};
