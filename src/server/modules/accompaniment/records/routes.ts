import type { FastifyInstance } from 'fastify';
import { newcomerRecordsApi as api } from '../../../../common/accompaniment/records-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as rec from './records';
import { sharedNewcomer } from './shared';

/** The newcomer record of a person of one's organisation, and what a partner may see of it. */
export async function recordsRoutes(app: FastifyInstance, deps: Deps) {
  const id = (req: { params: { personId: string } }) => req.params.personId;
  route(app, api.get, (req) => inTx(deps, req, (trx, a) => rec.getRecord(trx, a, deps.secrets, id(req))));
  route(app, api.setProfile, (req) => inTx(deps, req, (trx, a) => rec.setProfile(trx, a, id(req), req.body)));
  route(app, api.addStatusEvent, (req) =>
    inTx(deps, req, (trx, a) => rec.addStatusEvent(trx, a, deps.secrets, id(req), req.body)),
  );
  route(app, api.setIntegration, (req) =>
    inTx(deps, req, (trx, a) => rec.setIntegration(trx, a, id(req), req.body)),
  );
  route(app, api.setHousehold, (req) =>
    inTx(deps, req, (trx, a) => rec.setHousehold(trx, a, id(req), req.body)),
  );
  route(app, api.setGuardian, (req) =>
    inTx(deps, req, (trx, a) => rec.setGuardian(trx, a, deps.secrets, id(req), req.body)),
  );
  route(app, api.setPsychosocial, (req) =>
    inTx(deps, req, (trx, a) => rec.setPsychosocial(trx, a, deps.secrets, id(req), req.body)),
  );
  route(app, api.shared, (req) => inTx(deps, req, (trx, a) => sharedNewcomer(trx, a, deps.secrets, id(req))));
}
