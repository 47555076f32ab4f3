import type { FastifyInstance } from 'fastify';
import { unitEndpoints as api } from '../../../../common/network/unit-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as units from './service';

/** Teams and services inside organisations, and their members. */
export async function unitRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) =>
    inTx(deps, req, (trx, actor) => units.listUnits(trx, actor, req.params.id, req.query.archived === true)),
  );
  route(app, api.create, (req) =>
    inTx(deps, req, (trx, actor) => units.createUnit(trx, actor, req.params.id, req.body)),
  );
  route(app, api.staff, (req) => inTx(deps, req, (trx, actor) => units.unitStaff(trx, actor, req.params.id)));
  route(app, api.get, (req) => inTx(deps, req, (trx, actor) => units.getUnit(trx, actor, req.params.id)));
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, actor) => units.updateUnit(trx, actor, req.params.id, req.body)),
  );
  route(app, api.archive, (req) =>
    inTx(deps, req, (trx, actor) => units.archiveUnit(trx, actor, req.params.id, req.body.archived)),
  );
  route(app, api.members, (req) =>
    inTx(deps, req, (trx, actor) => units.unitMembers(trx, actor, req.params.id)),
  );
  route(app, api.setMembers, (req) =>
    inTx(deps, req, (trx, actor) => units.setUnitMembers(trx, actor, req.params.id, req.body)),
  );
}
