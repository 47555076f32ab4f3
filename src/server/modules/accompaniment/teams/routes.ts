import type { FastifyInstance } from 'fastify';
import { teamsApi as api, teamRequestsApi as req } from '../../../../common/accompaniment/teams-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as cn from './clinical-notes';
import * as iv from './interventions';
import * as rq from './requests';
import * as tm from './teams';

/** Mobile teams, requests to them, their interventions and clinical notes (signed in). */
export async function teamRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (r) => inTx(deps, r, (trx, a) => tm.listTeams(trx, a)));
  route(app, api.create, (r) => inTx(deps, r, (trx, a) => tm.createTeam(trx, a, r.body)));
  route(app, api.get, (r) => inTx(deps, r, (trx, a) => tm.getTeam(trx, a, r.params.id)));
  route(app, api.update, (r) => inTx(deps, r, (trx, a) => tm.updateTeam(trx, a, r.params.id, r.body)));
  route(app, api.addMember, (r) => inTx(deps, r, (trx, a) => tm.addMember(trx, a, r.params.id, r.body)));
  route(app, api.removeMember, (r) =>
    inTx(deps, r, (trx, a) => tm.removeMember(trx, a, r.params.id, r.params.memberId)),
  );

  route(app, req.list, (r) => inTx(deps, r, (trx, a) => rq.listRequests(trx, a, r.query)));
  route(app, req.preview, (r) => inTx(deps, r, (trx, a) => rq.previewRequest(trx, a, r.query)));
  route(app, req.create, (r) => inTx(deps, r, (trx, a) => rq.createRequest(trx, a, deps.secrets, r.body)));
  route(app, req.get, (r) => inTx(deps, r, (trx, a) => rq.getRequest(trx, a, deps.secrets, r.params.id)));
  route(app, req.decide, (r) =>
    inTx(deps, r, (trx, a) =>
      rq.decideRequest(trx, a, deps.secrets, r.params.id, r.body.action, r.body.reason),
    ),
  );
  route(app, req.addIntervention, (r) =>
    inTx(deps, r, (trx, a) => iv.addIntervention(trx, a, deps.secrets, r.params.id, r.body)),
  );
  route(app, req.updateIntervention, (r) =>
    inTx(deps, r, (trx, a) => iv.updateIntervention(trx, a, deps.secrets, r.params.id, r.body)),
  );
  route(app, req.notes, (r) =>
    inTx(deps, r, (trx, a) => cn.listClinicalNotes(trx, a, deps.secrets, r.params.id)),
  );
  route(app, req.addNote, (r) =>
    inTx(deps, r, (trx, a) => cn.addClinicalNote(trx, a, deps.secrets, r.params.id, r.body)),
  );
}
