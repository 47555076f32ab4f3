import type { FastifyInstance } from 'fastify';
import { expenditureEndpoints as api } from '../../../../common/monitoring/expenditure-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { expenditureProofRoutes } from './proof-routes';
import * as s from './service';

/** Expenditure declarations: the partner declares and submits, the lead reviews item by item. */
export async function expenditureRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.overview, (req) => inTx(deps, req, (trx, a) => s.overview(trx, a, req.params.id)));
  route(app, api.createDeclaration, (req) =>
    inTx(deps, req, (trx, a) => s.createDeclaration(trx, a, req.params.id, req.body.period)),
  );
  route(app, api.declaration, (req) => inTx(deps, req, (trx, a) => s.viewDeclaration(trx, a, req.params.id)));
  route(app, api.addItem, (req) =>
    inTx(deps, req, (trx, a) => s.addItem(trx, deps, a, req.params.id, req.body)),
  );
  route(app, api.updateItem, (req) =>
    inTx(deps, req, (trx, a) => s.updateItem(trx, deps, a, req.params.id, req.params.itemId, req.body)),
  );
  route(app, api.deleteItem, (req) =>
    inTx(deps, req, (trx, a) => s.deleteItem(trx, a, req.params.id, req.params.itemId)),
  );
  route(app, api.submit, (req) => inTx(deps, req, (trx, a) => s.submit(trx, a, req.params.id)));
  route(app, api.reviewItem, (req) =>
    inTx(deps, req, (trx, a) => s.reviewItem(trx, a, req.params.id, req.params.itemId, req.body)),
  );
  route(app, api.closeReview, (req) => inTx(deps, req, (trx, a) => s.closeReview(trx, a, req.params.id)));
  route(app, api.reopen, (req) =>
    inTx(deps, req, (trx, a) => s.reopen(trx, a, req.params.id, req.body.reason)),
  );
  await expenditureProofRoutes(app, deps);
}
