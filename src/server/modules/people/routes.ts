import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { consentRoutes } from './consents/routes';
import { personRoutes } from './persons/routes';

/** Persons and their consent records (pathways and referrals register their own route plugins). */
export async function peopleRoutes(app: FastifyInstance, deps: Deps) {
  await personRoutes(app, deps);
  await consentRoutes(app, deps);
}
