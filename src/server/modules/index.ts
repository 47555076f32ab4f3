import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps';
import { adminRoutes } from './admin/routes';
import { dashboardRoutes } from './dashboard/routes';
import { programmeRoutes } from './network/programmes/routes';
import { networkRoutes } from './network/routes';
import { serviceRoutes } from './network/services/routes';
import { pathwayRoutes } from './people/pathways/routes';
import { referralRoutes } from './people/referrals/routes';
import { peopleRoutes } from './people/routes';
import { agreementRoutes } from './placements/agreements/routes';
import { followUpRoutes } from './placements/followup/routes';
import { placementOverviewRoutes } from './placements/overview/routes';
import { agreementPdfRoutes } from './placements/pdf/routes';
import { placementRoutes } from './placements/routes';

/** Every module's routes. Each module owns its routes, use cases and store; this list is the only link. */
export async function registerModules(app: FastifyInstance, deps: Deps): Promise<void> {
  const modules: Array<(app: FastifyInstance, deps: Deps) => Promise<void>> = [
    dashboardRoutes,
    adminRoutes,
    networkRoutes,
    serviceRoutes,
    programmeRoutes,
    peopleRoutes,
    pathwayRoutes,
    referralRoutes,
    placementRoutes,
    agreementRoutes,
    followUpRoutes,
    agreementPdfRoutes,
    placementOverviewRoutes,
  ];
  for (const register of modules) await app.register(async (scope) => register(scope, deps));
}
