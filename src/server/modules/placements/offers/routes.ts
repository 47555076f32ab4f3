import type { FastifyInstance } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { createOffer } from './create-offer';
import { updateOffer } from './update-offer';
import { searchOffers, viewOffer } from './view-offers';

/** Placement offers of host organisations: the network's catalogue, and each host's own offers. */
export async function offersRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.offers, (req) =>
    inTx(deps, req, (trx, actor) => searchOffers(trx, actor, req.query, req.language)),
  );
  route(app, api.offer, (req) => inTx(deps, req, (trx, actor) => viewOffer(trx, actor, req.params.id)));
  route(app, api.createOffer, (req) => inTx(deps, req, (trx, actor) => createOffer(trx, actor, req.body)));
  route(app, api.updateOffer, (req) =>
    inTx(deps, req, (trx, actor) => updateOffer(trx, actor, req.params.id, req.body)),
  );
}
