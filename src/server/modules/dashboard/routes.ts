import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { AttentionItem } from '../../../common/dashboard/attention';
import type { Deps } from '../../platform/deps';
import { inTx } from '../../platform/http';

const order = { high: 0, normal: 1, low: 2 } as const;

export async function dashboardRoutes(app: FastifyInstance, deps: Deps) {
  // In the order of the modules list; each module registers its providers in its manifest.
  const providers = deps.modules.flatMap((m) => m.attention ?? []);
  app.get(
    '/api/dashboard',
    { schema: { tags: ['dashboard'], response: { 200: Type.Object({ items: Type.Array(AttentionItem) }) } } },
    async (req) =>
      inTx(deps, req, async (trx, actor) => {
        const items: AttentionItem[] = [];
        const today = deps.clock.today();
        for (const p of providers) items.push(...(await p(trx, actor, { today })));
        return { items: items.sort((a, b) => order[a.severity] - order[b.severity]) };
      }),
  );
}
