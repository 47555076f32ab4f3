import type { FastifyInstance } from 'fastify';
import { serviceLinkEndpoints as api } from '../../../../common/network/service-links-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { acceptServiceLink, endServiceLink, listNetworkLinks, listServiceLinks, proposeLink } from './links';
import { listUses, recordUse } from './uses';

/** The cross-border services network: signed-in members only; the rules are in links.ts and uses.ts. */
export async function serviceLinkRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.network, (req) => inTx(deps, req, (trx, actor) => listNetworkLinks(trx, actor)));
  route(app, api.ofService, (req) =>
    inTx(deps, req, (trx, actor) => listServiceLinks(trx, actor, req.params.id)),
  );
  route(app, api.propose, (req) =>
    inTx(deps, req, (trx, actor) => proposeLink(trx, actor, req.params.id, req.body)),
  );
  route(app, api.accept, (req) =>
    inTx(deps, req, (trx, actor) =>
      acceptServiceLink(trx, actor, req.params.id, req.params.linkId, req.body),
    ),
  );
  route(app, api.end, (req) =>
    inTx(deps, req, (trx, actor) =>
      endServiceLink(trx, actor, req.params.id, req.params.linkId, req.body, deps.clock.today()),
    ),
  );
  route(app, api.uses, (req) => inTx(deps, req, (trx, actor) => listUses(trx, actor, req.params.id)));
  route(app, api.recordUse, (req) =>
    inTx(deps, req, (trx, actor) => recordUse(trx, actor, req.params.id, req.body, deps.clock.today())),
  );
}
