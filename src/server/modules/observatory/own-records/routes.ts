import type { FastifyInstance } from 'fastify';
import { ownRecordsEndpoints as api } from '../../../../common/observatory/own-records-endpoints';
import { actorCan, requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { unauthenticated } from '../../../platform/errors';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { recomputeOwnRecords } from './recompute';
import { lastComputation } from './store';

/** The observatory page's "recompute from samen's records": for those who may import, at most a few a minute. */
export async function ownRecordsRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.status, (req) =>
    inTx(deps, req, async (trx, actor) => {
      // The observatory page's panel: for its readers only (issue 16), as every other observatory read.
      requirePermission(actor, 'observatory.view');
      const last = await lastComputation(trx);
      return {
        computedAt: last ? new Date(last.created_at).toISOString() : null,
        vintage: last?.vintage ?? null,
        values: last?.value_count ?? 0,
        canRecompute: actorCan(actor, 'observatory.import'),
      };
    }),
  );
  route(
    app,
    api.recompute,
    async (req) => {
      if (!req.actor) throw unauthenticated();
      requirePermission(req.actor, 'observatory.import');
      const r = await recomputeOwnRecords(deps, { userId: req.actor.userId, requestId: req.id });
      return { vintage: r.vintage, values: r.values, secret: r.secret, replaced: r.replaced };
    },
    // Counted per user once the access check passed (preHandler runs after it): a refused caller gets its
    // 403 and does not spend the budget of the analysts behind the same address.
    {
      config: {
        rateLimit: {
          max: 5,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) => req.actor?.userId ?? req.ip,
        },
      },
    },
  );
}
