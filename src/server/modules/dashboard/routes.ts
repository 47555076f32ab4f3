import type { FastifyInstance } from 'fastify';
import type { AttentionItem } from '../../../common/dashboard/attention';
import { dashboardApi as api } from '../../../common/dashboard/endpoints';
import type { Deps } from '../../platform/deps';
import { inTx } from '../../platform/http';
import { route } from '../../platform/route';

const order = { high: 0, normal: 1, low: 2 } as const;

export async function dashboardRoutes(app: FastifyInstance, deps: Deps) {
  // In the order of the modules list; each module registers its providers in its manifest.
  const providers = deps.modules.flatMap((m) => m.attention ?? []);
  route(app, api.attention, (req) =>
    inTx(deps, req, async (trx, actor) => {
      const items: AttentionItem[] = [];
      const today = deps.clock.today();
      for (const p of providers) items.push(...(await p(trx, actor, { today })));
      return { items: items.sort((a, b) => order[a.severity] - order[b.severity]) };
    }),
  );
}
