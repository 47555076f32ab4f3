import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps';
import { dashboardRoutes } from './dashboard/routes';

/** Every module's routes. Each module owns its routes, use cases and store; this list is the only link. */
export async function registerModules(app: FastifyInstance, deps: Deps): Promise<void> {
  const modules: Array<(app: FastifyInstance, deps: Deps) => Promise<void>> = [dashboardRoutes];
  for (const register of modules) await app.register(async (scope) => register(scope, deps));
}
