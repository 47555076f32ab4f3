import type { FastifyInstance } from 'fastify';
import { withContext } from '../platform/db/context';
import type { Deps } from '../platform/deps';
import { type DomainEvent, EVENTS_QUEUE } from '../platform/events';
import type { ModuleDemo, ServerModule } from '../platform/module';
import { accompanimentModule } from './accompaniment';
import { adminModule } from './admin';
import { dashboardModule } from './dashboard';
import { formativeModule } from './formative';
import { forumsModule } from './forums';
import { immersionsModule } from './immersions';
import { initiativesModule } from './initiatives';
import { monitoringModule } from './monitoring';
import { networkModule } from './network';
import { observatoryModule } from './observatory';
import { peopleModule } from './people';
import { placementsModule } from './placements';
import { practicesModule } from './practices';
import { volunteersModule } from './volunteers';

/**
 * Every server module, in order. The only place modules are named: routes, jobs, dashboard items, demo
 * data, indicators and notifications are all read from their manifests (src/server/modules/<m>/index.ts).
 */
export const SERVER_MODULES: readonly ServerModule[] = [
  dashboardModule,
  adminModule,
  networkModule,
  peopleModule,
  placementsModule,
  monitoringModule,
  immersionsModule,
  practicesModule,
  formativeModule,
  observatoryModule,
  forumsModule,
  volunteersModule,
  initiativesModule,
  accompanimentModule,
];

/** Each module's routes, each in its own encapsulated scope. */
export async function registerModules(app: FastifyInstance, deps: Deps): Promise<void> {
  for (const m of deps.modules) {
    const routes = m.routes;
    if (routes) await app.register(async (scope) => routes(scope, deps));
  }
}

/** Each module's jobs, and the delivery of domain events to the modules' notification handlers. */
export function registerModuleJobs(deps: Deps): void {
  for (const m of deps.modules) m.jobs?.(deps);
  const handlers = deps.modules.flatMap((m) => m.notifications ?? []);
  deps.jobs.register(EVENTS_QUEUE, async (payload, job) => {
    const event: DomainEvent = {
      type: String(payload.type),
      orgId: job.orgId,
      actorUserId: typeof payload.actorUserId === 'string' ? payload.actorUserId : null,
      payload: (payload.payload ?? {}) as Record<string, unknown>,
    };
    for (const h of handlers.filter((x) => x.event === event.type)) {
      const orgId = h.actsFor?.(event) ?? event.orgId;
      // The actor acted for the event's organisation; acting for another one, the handler is nobody.
      const userId = orgId === event.orgId ? event.actorUserId : null;
      await withContext(deps.db, { orgId, userId, today: deps.clock.today() }, (trx) =>
        h.handle(trx, deps, event),
      );
    }
  });
}

/** The modules' demo seeders, in their order. */
export const demoSeeders = (modules: readonly ServerModule[] = SERVER_MODULES): ModuleDemo[] =>
  modules.flatMap((m) => m.demo ?? []).sort((a, b) => a.order - b.order);
