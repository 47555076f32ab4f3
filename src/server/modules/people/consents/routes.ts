import type { FastifyInstance } from 'fastify';
import { consentsApi } from '../../../../common/people/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { listConsents, recordConsent, withdrawConsent } from './consents';

export async function consentRoutes(app: FastifyInstance, deps: Deps) {
  route(app, consentsApi.list, (req) =>
    inTx(deps, req, (trx, actor) => listConsents(trx, actor, req.params.id)),
  );

  route(app, consentsApi.record, (req) =>
    inTx(deps, req, (trx, actor) => recordConsent(trx, actor, req.params.id, req.body)),
  );

  route(app, consentsApi.withdraw, (req) =>
    inTx(deps, req, (trx, actor) => withdrawConsent(trx, actor, req.params.id, req.params.cid, req.body)),
  );
}
