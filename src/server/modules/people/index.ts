import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { seedDemoPersons } from './demo';
import { seedDemoPathways } from './pathways/demo';
import { pathwayRoutes } from './pathways/routes';
import { seedDemoReferrals } from './referrals/demo';
import { referralRoutes } from './referrals/routes';
import { peopleRoutes } from './routes';

/** Persons followed by their home centre, consents, pathways, referrals and sharing with other centres. */
export const peopleModule: ServerModule = {
  name: 'people',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await peopleRoutes(app, deps);
    await pathwayRoutes(app, deps);
    await referralRoutes(app, deps);
  },
  demo: [
    { order: 40, seed: seedDemoPersons },
    { order: 50, seed: seedDemoPathways },
    { order: 60, seed: seedDemoReferrals },
  ],
};
