import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { AttentionItem } from '../../../common/dashboard/attention';
import type { Deps } from '../../platform/deps';
import { inTx } from '../../platform/http';
import { placementAttention } from '../placements/reminders/attention';
import { type AttentionProvider, platformAttention } from './providers';

/** Providers in display order; each module adds its own here. */
export const ATTENTION_PROVIDERS: AttentionProvider[] = [platformAttention, placementAttention];

const order = { high: 0, normal: 1, low: 2 } as const;

export async function dashboardRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/dashboard',
    { schema: { tags: ['dashboard'], response: { 200: Type.Object({ items: Type.Array(AttentionItem) }) } } },
    async (req) =>
      inTx(deps, req, async (trx, actor) => {
        const items: AttentionItem[] = [];
        for (const p of ATTENTION_PROVIDERS) items.push(...(await p(trx, actor)));
        return { items: items.sort((a, b) => order[a.severity] - order[b.severity]) };
      }),
  );
}
