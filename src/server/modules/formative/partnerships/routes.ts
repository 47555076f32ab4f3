import type { FastifyInstance } from 'fastify';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as s from './service';

/** The formative partnerships: the lead creates and edits; trainee and tutor record; the partner's projects. */
export async function partnershipRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => s.list(trx, a)));
  route(app, api.options, (req) => inTx(deps, req, (trx, a) => s.options(trx, a)));
  route(app, api.create, (req) => inTx(deps, req, (trx, a) => s.create(trx, a, req.body)));
  route(app, api.view, (req) => inTx(deps, req, (trx, a) => s.view(trx, a, req.params.id)));
  route(app, api.update, (req) => inTx(deps, req, (trx, a) => s.update(trx, a, req.params.id, req.body)));
  route(app, api.addSession, (req) =>
    inTx(deps, req, (trx, a) => s.addSession(trx, deps, a, req.params.id, req.body)),
  );
  route(app, api.deleteSession, (req) =>
    inTx(deps, req, (trx, a) => s.deleteSession(trx, a, req.params.id, req.params.itemId)),
  );
  route(app, api.progress, (req) =>
    inTx(deps, req, (trx, a) => s.recordProgress(trx, a, req.params.id, req.params.itemId, req.body)),
  );
  route(app, api.writeReview, (req) =>
    inTx(deps, req, (trx, a) => s.writeReview(trx, deps, a, req.params.id, req.params.kind, req.body)),
  );
  route(app, api.signReview, (req) =>
    inTx(deps, req, (trx, a) => s.signReview(trx, a, req.params.id, req.params.kind)),
  );
  route(app, api.addProject, (req) =>
    inTx(deps, req, (trx, a) => s.addProject(trx, a, req.params.id, req.body)),
  );
  route(app, api.updateProject, (req) =>
    inTx(deps, req, (trx, a) => s.updateProject(trx, a, req.params.id, req.params.itemId, req.body)),
  );
  route(app, api.projectPractice, (req) =>
    inTx(deps, req, (trx, a) => s.projectPractice(trx, a, req.params.id, req.params.itemId)),
  );
}
