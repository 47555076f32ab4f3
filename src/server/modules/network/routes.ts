import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { organisationRoutes } from './organisations/routes';
import { territoryRoutes } from './territories/routes';

/** The partner network's organisations and territories (programmes and services register their own). */
export async function networkRoutes(app: FastifyInstance, deps: Deps) {
  await organisationRoutes(app, deps);
  await territoryRoutes(app, deps);
}
