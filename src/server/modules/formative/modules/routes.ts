import type { FastifyInstance } from 'fastify';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as s from './service';

/** The host's training modules: its coordinators define, order and retire them. */
export async function moduleRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.modules, (req) => inTx(deps, req, (trx, a) => s.list(trx, a)));
  route(app, api.createModule, (req) => inTx(deps, req, (trx, a) => s.create(trx, a, req.body)));
  route(app, api.orderModules, (req) => inTx(deps, req, (trx, a) => s.order(trx, a, req.body)));
  route(app, api.updateModule, (req) =>
    inTx(deps, req, (trx, a) => s.update(trx, a, req.params.id, req.body)),
  );
  route(app, api.retireModule, (req) =>
    inTx(deps, req, (trx, a) => s.retire(trx, a, req.params.id, req.body.retired)),
  );
  route(app, api.deleteModule, (req) => inTx(deps, req, (trx, a) => s.remove(trx, a, req.params.id)));
}
