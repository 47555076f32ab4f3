import type { FastifyInstance } from 'fastify';
import { sharedApi } from '../../../../common/people/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { previewPersonShare } from './preview-share';
import { getSharedPerson, listSharedPersons } from './shared-persons';

/** The preview of a share, and the recipient organisation's view of the persons shared with it. */
export async function sharedRoutes(app: FastifyInstance, deps: Deps) {
  route(app, sharedApi.preview, (req) =>
    inTx(deps, req, (trx, actor) => previewPersonShare(trx, actor, req.params.personId, req.query)),
  );
  route(app, sharedApi.list, (req) =>
    inTx(deps, req, (trx, actor) => listSharedPersons(trx, actor, deps.secrets, req.query)),
  );
  route(app, sharedApi.get, (req) =>
    inTx(deps, req, (trx, actor) => getSharedPerson(trx, actor, deps.secrets, req.params.id)),
  );
}
