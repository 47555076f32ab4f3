import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { consentRoutes } from './consents/routes';
import { pathwayRoutes } from './pathways/routes';
import { personRoutes } from './persons/routes';
import { referralRoutes } from './referrals/routes';
import { sharedRoutes } from './shared/routes';
import { subjectRightsRoutes } from './subject-rights/routes';

/** Every route of the people module, feature by feature. */
export async function peopleRoutes(app: FastifyInstance, deps: Deps) {
  await personRoutes(app, deps);
  await consentRoutes(app, deps);
  await pathwayRoutes(app, deps);
  await referralRoutes(app, deps);
  await sharedRoutes(app, deps);
  await subjectRightsRoutes(app, deps);
}
