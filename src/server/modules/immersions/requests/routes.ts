import type { FastifyInstance } from 'fastify';
import { requestEndpoints as api } from '../../../../common/immersions/request-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as p from './partners';
import { drawPractice } from './practice';
import * as rec from './records';
import * as s from './service';

/** Immersion requests: the visitor's side asks and approves, the host approves; agreement, logbook, report. */
export async function requestRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.listRequests, (req) =>
    inTx(deps, req, (trx, a) => s.listRequests(trx, deps, a, req.query.scope)),
  );
  route(app, api.previewRequest, (req) => inTx(deps, req, (trx, a) => s.preview(trx, deps, a, req.body)));
  route(app, api.createRequest, (req) =>
    inTx(deps, req, (trx, a) => s.createRequest(trx, deps, a, req.body)),
  );
  route(app, api.colleagues, (req) => inTx(deps, req, (trx, a) => s.colleagues(trx, a)));
  route(app, api.request, (req) => inTx(deps, req, (trx, a) => s.viewRequest(trx, deps, a, req.params.id)));
  route(app, api.updateRequest, (req) =>
    inTx(deps, req, (trx, a) => s.updateRequest(trx, deps, a, req.params.id, req.body)),
  );
  route(app, api.transitionRequest, (req) =>
    inTx(deps, req, (trx, a) => s.transition(trx, deps, a, req.params.id, req.body)),
  );
  route(app, api.addObserverConsent, (req) =>
    inTx(deps, req, (trx, a) => rec.addObserverConsent(trx, a, req.params.id, req.body)),
  );
  route(app, api.addLogbookEntry, (req) =>
    inTx(deps, req, (trx, a) => rec.addLogbookEntry(trx, a, req.params.id, req.body)),
  );
  route(app, api.updateLogbookEntry, (req) =>
    inTx(deps, req, (trx, a) => rec.updateLogbookEntry(trx, a, req.params.id, req.params.entryId, req.body)),
  );
  route(app, api.saveReport, (req) =>
    inTx(deps, req, (trx, a) => rec.saveReport(trx, deps, a, req.params.id, req.body)),
  );
  route(app, api.drawPractice, (req) => inTx(deps, req, (trx, a) => drawPractice(trx, a, req.params.id)));
  route(app, api.partnerYear, (req) =>
    inTx(deps, req, (trx, a) => p.partnerYear(trx, deps, a, req.params.id, req.query.year)),
  );
  route(app, api.saveYearlyRule, (req) =>
    inTx(deps, req, (trx, a) => p.saveYearlyRule(trx, a, req.params.id, req.body)),
  );
}
