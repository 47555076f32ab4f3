import type { FastifyInstance } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { cohortSuggestion } from './cohort-suggestion';
import { rankOffersForPerson } from './rank-for-person';

/** Open offers ranked for one person, and cohort suggestions for a coordinator. */
export async function matchingRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.offerRanking, (req) =>
    inTx(deps, req, (trx, actor) => rankOffersForPerson(trx, actor, req.params.id, req.query)),
  );
  route(app, api.cohortSuggestion, (req) =>
    inTx(deps, req, (trx, actor) => cohortSuggestion(trx, actor, req.body)),
  );
}
