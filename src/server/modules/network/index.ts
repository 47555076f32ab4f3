import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { networkIndicatorRules } from './indicators/rules';
import { organisationRoutes } from './organisations/routes';
import { seedProgrammes } from './programmes/demo';
import { programmeRoutes } from './programmes/routes';
import { seedServiceLinks } from './service-links/demo';
import { serviceLinkIndicatorRules } from './service-links/indicators';
import { serviceLinkRoutes } from './service-links/routes';
import { seedDemoServices } from './services/demo';
import { serviceRoutes } from './services/routes';
import { seedDemoTerritories } from './territories/demo';
import { territoryRoutes } from './territories/routes';
import { seedUnits } from './units/demo';
import { unitRoutes } from './units/routes';

/**
 * For other modules: a programme milestone kept in step with one of their dates, and the programme's
 * documents (listed under RLS; uploaded by the lead through the same checks as on the programme's page).
 */
export { listDocuments, uploadDocument } from './programmes/documents';
export { keepMilestone } from './programmes/kept-milestones';

/**
 * For other modules (the observatory): the territory tree (ancestors, children, descendants of a level),
 * the territories a group covers, and what an old code stands for today (migration 0035).
 */
export {
  addCodeChanges,
  codeChangesAround,
  type ResolvedCode,
  resolveTerritoryCode,
  resolveTerritoryCodes,
} from './territories/code-history';
/** The demo network's municipalities (the observatory's demo dataset is keyed on them). */
export { DEMO_TERRITORIES } from './territories/demo-territories';
export {
  ancestorsByCode,
  groupsOfTerritory,
  groupTerritoryCodes,
  territoryAncestors,
  territoryChildren,
  territoryDescendants,
} from './territories/store';
/** For other modules: a unit's names for display, and whether the actor manages an organisation's units. */
export { managesUnitsOf } from './units/service';
export { findUnit, unitNames } from './units/store';

/** The partner network: organisations, territories, programmes with partners and budgets, services. */
export const networkModule: ServerModule = {
  name: 'network',
  routes: async (app: FastifyInstance, deps: Deps) => {
    await organisationRoutes(app, deps);
    await territoryRoutes(app, deps);
    await programmeRoutes(app, deps);
    await serviceRoutes(app, deps);
    await serviceLinkRoutes(app, deps);
    await unitRoutes(app, deps);
  },
  indicators: [...networkIndicatorRules, ...serviceLinkIndicatorRules],
  demo: [
    { order: 10, seed: seedDemoTerritories },
    { order: 20, seed: seedDemoServices },
    { order: 25, seed: seedServiceLinks },
    { order: 30, seed: seedProgrammes },
    { order: 35, seed: seedUnits },
  ],
};
