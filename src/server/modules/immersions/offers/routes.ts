import type { FastifyInstance } from 'fastify';
import { offerEndpoints as api } from '../../../../common/immersions/offer-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as offers from './service';

/** The network's catalogue of immersion offers, and a host's own offers. */
export async function offerRoutes(app: FastifyInstance, deps: Deps) {
  const today = () => deps.clock.today();
  route(app, api.search, (req) =>
    inTx(deps, req, (trx, actor) => offers.searchCatalogue(trx, actor, req.query, req.language, today())),
  );
  route(app, api.mine, (req) =>
    inTx(deps, req, (trx, actor) => offers.ownOffers(trx, actor, req.query, today())),
  );
  route(app, api.get, (req) =>
    inTx(deps, req, (trx, actor) => offers.getOffer(trx, actor, req.params.id, today())),
  );
  route(app, api.create, (req) =>
    inTx(deps, req, (trx, actor) => offers.createOffer(trx, actor, req.body, today())),
  );
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, actor) => offers.updateOffer(trx, actor, req.params.id, req.body, today())),
  );
  route(app, api.transition, (req) =>
    inTx(deps, req, (trx, actor) =>
      offers.transitionOffer(trx, actor, req.params.id, req.body.action, today()),
    ),
  );
}
