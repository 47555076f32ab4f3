import type { FastifyInstance } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { getAttendanceWeek, saveAttendanceWeek } from './attendance';
import { saveEvaluation } from './evaluations';
import { reportIncident } from './incidents';
import { logMobility } from './mobility';
import { saveOutcome } from './outcomes';
import { recordStay, removeStay } from './stays';
import { getFollowUp } from './view';

/** A placement's follow-up: attendance by week, evaluations, incidents, mobility, stays abroad, outcomes. */
export async function followupRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.followUp, (req) =>
    inTx(deps, req, (trx, actor) => getFollowUp(trx, actor, deps.secrets, req.params.id)),
  );
  route(app, api.attendanceWeek, (req) =>
    inTx(deps, req, (trx, actor) =>
      getAttendanceWeek(trx, actor, deps.secrets, req.params.id, req.query.week),
    ),
  );
  route(app, api.saveAttendanceWeek, (req) =>
    inTx(deps, req, (trx, actor) =>
      saveAttendanceWeek(trx, actor, deps.secrets, req.params.id, req.query.week, req.body),
    ),
  );
  route(app, api.saveEvaluation, (req) =>
    inTx(deps, req, (trx, actor) =>
      saveEvaluation(trx, actor, deps.secrets, req.params.id, req.params.kind, req.body),
    ),
  );
  route(app, api.reportIncident, (req) =>
    inTx(deps, req, (trx, actor) => reportIncident(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, api.logMobility, (req) =>
    inTx(deps, req, (trx, actor) => logMobility(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, api.recordStay, (req) =>
    inTx(deps, req, (trx, actor) => recordStay(trx, actor, deps.secrets, req.params.id, req.body)),
  );
  route(app, api.removeStay, (req) =>
    inTx(deps, req, (trx, actor) => removeStay(trx, actor, deps.secrets, req.params.id, req.params.stayId)),
  );
  route(app, api.saveOutcome, (req) =>
    inTx(deps, req, (trx, actor) =>
      saveOutcome(trx, actor, deps.secrets, req.params.id, req.params.kind, req.body),
    ),
  );
}
