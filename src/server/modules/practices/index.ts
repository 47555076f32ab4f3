import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedPractices } from './demo';
import { practiceIndicatorRules } from './indicators/rules';
import { practiceAttention } from './sheets/attention';
import { practiceRoutes } from './sheets/routes';

export type { DraftFromSource } from './sheets/draft-from-source';
/** For other modules (immersion reports, formative projects): draft a sheet from a record, find it again. */
export { draftPracticeFromSource, practiceFromSource } from './sheets/draft-from-source';

/**
 * The good-practice library (issue 11): sheets drawn from immersion reports or written directly, in French
 * and Dutch, searchable across the network and optionally published without sign-in, with their take-up
 * follow-up (which organisation plans, tries or adopted a practice). Migration 0028; the counting rules of
 * RCO116 (jointly developed solutions) and RCR104 (solutions taken up).
 */
export const practicesModule: ServerModule = {
  name: 'practices',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await practiceRoutes(app, deps);
  },
  attention: [practiceAttention],
  indicators: practiceIndicatorRules,
  // After the programmes (30) and the monitoring demo (100–130); before nothing that reads it.
  demo: [{ order: 160, seed: seedPractices }],
};
