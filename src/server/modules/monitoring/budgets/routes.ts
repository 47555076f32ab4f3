import type { FastifyInstance } from 'fastify';
import { budgetEndpoints as api } from '../../../../common/monitoring/budget-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { createVersion, viewBudget } from './service';

/** A programme's budget (a version and its computed totals) and new versions by the lead. */
export async function budgetRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.budget, (req) =>
    inTx(deps, req, (trx, actor) => viewBudget(trx, actor, req.params.id, req.query.version)),
  );
  route(app, api.createVersion, (req) =>
    inTx(deps, req, (trx, actor) => createVersion(trx, deps, actor, req.params.id, req.body)),
  );
}
