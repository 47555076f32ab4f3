import type { FastifyInstance } from 'fastify';
import { referralsApi } from '../../../../common/people/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { createReferral } from './create-referral';
import { decideReferral } from './decide-referral';
import { getReferral, listReferrals } from './list-referrals';

/** Referrals between organisations: sent by the person's home centre, decided by the recipient. */
export async function referralRoutes(app: FastifyInstance, deps: Deps) {
  route(app, referralsApi.create, (req) =>
    inTx(deps, req, (trx, actor) => createReferral(trx, actor, deps.secrets, req.params.personId, req.body)),
  );
  route(app, referralsApi.list, (req) =>
    inTx(deps, req, (trx, actor) => listReferrals(trx, actor, deps.secrets, req.query)),
  );
  route(app, referralsApi.get, (req) =>
    inTx(deps, req, (trx, actor) => getReferral(trx, actor, deps.secrets, req.params.id)),
  );
  for (const action of ['accept', 'done', 'revoke'] as const)
    route(app, referralsApi[action], (req) =>
      inTx(deps, req, (trx, actor) => decideReferral(trx, actor, deps.secrets, req.params.id, action)),
    );
  route(app, referralsApi.decline, (req) =>
    inTx(deps, req, (trx, actor) =>
      decideReferral(trx, actor, deps.secrets, req.params.id, 'decline', req.body.reason),
    ),
  );
}
