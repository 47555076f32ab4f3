import type { FastifyInstance } from 'fastify';
import {
  experimentationsApi as api,
  deliverablesApi as dl,
  experimentationTransfersApi as tr,
} from '../../../../common/accompaniment/experimentations-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as dv from './deliverables';
import * as ex from './experimentations';
import * as pr from './practice';
import * as tf from './transfers';

/** The experimentations, their transfers and practice sheets, and the deliverables per module. */
export async function experimentationRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.options, (req) => inTx(deps, req, (trx, a) => ex.options(trx, a)));
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => ex.listExperimentations(trx, a, req.query)));
  route(app, api.create, (req) => inTx(deps, req, (trx, a) => ex.createExperimentation(trx, a, req.body)));
  route(app, api.get, (req) => inTx(deps, req, (trx, a) => ex.getExperimentation(trx, a, req.params.id)));
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, a) => ex.updateExperimentation(trx, a, req.params.id, req.body)),
  );
  route(app, api.transition, (req) =>
    inTx(deps, req, (trx, a) => ex.transitionExperimentation(trx, a, req.params.id, req.body.action)),
  );
  route(app, api.evaluate, (req) =>
    inTx(deps, req, (trx, a) => ex.evaluateExperimentation(trx, a, req.params.id, req.body)),
  );
  route(app, api.drawPractice, (req) =>
    inTx(deps, req, (trx, a) => pr.drawFromExperimentation(trx, a, req.params.id)),
  );
  route(app, api.createTransfer, (req) =>
    inTx(deps, req, (trx, a) => tf.createTransfer(trx, a, req.params.id, req.body)),
  );

  route(app, tr.update, (req) =>
    inTx(deps, req, (trx, a) => tf.updateTransfer(trx, a, req.params.id, req.body)),
  );
  route(app, tr.transition, (req) =>
    inTx(deps, req, (trx, a) => tf.transitionTransfer(trx, a, req.params.id, req.body.action)),
  );
  route(app, tr.evaluate, (req) =>
    inTx(deps, req, (trx, a) => tf.evaluateTransfer(trx, a, req.params.id, req.body)),
  );
  route(app, tr.drawPractice, (req) =>
    inTx(deps, req, (trx, a) => pr.drawFromTransfer(trx, a, req.params.id)),
  );

  route(app, dl.list, (req) =>
    inTx(deps, req, (trx, a) => dv.listDeliverables(trx, a, req.query.programmeId)),
  );
  route(app, dl.create, (req) => inTx(deps, req, (trx, a) => dv.createDeliverable(trx, a, req.body)));
  route(app, dl.remove, (req) => inTx(deps, req, (trx, a) => dv.deleteDeliverable(trx, a, req.params.id)));
}
