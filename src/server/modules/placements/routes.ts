import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  CohortRequest,
  CohortResult,
  OfferDetail,
  OfferInput,
  OfferPage,
  OfferPatch,
  OfferQuery,
  OfferRanking,
  RankingQuery,
} from '../../../common/placements/offer-schemas';
import type { Deps } from '../../platform/deps';
import { inTx } from '../../platform/http';
import { cohortSuggestion } from './matching/cohort-suggestion';
import { rankOffersForPerson } from './matching/rank-for-person';
import { createOffer } from './offers/create-offer';
import { updateOffer } from './offers/update-offer';
import { searchOffers, viewOffer } from './offers/view-offers';

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const tags = ['placements'];

/** Placement offers of host organisations, their ranking for a person, and cohort suggestions. */
export async function placementRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/offers',
    { schema: { tags, querystring: OfferQuery, response: { 200: OfferPage } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => searchOffers(trx, actor, req.query as OfferQuery, req.language)),
  );

  app.get(
    '/api/offers/:id',
    { schema: { tags, params: IdParams, response: { 200: OfferDetail } } },
    async (req) => {
      const { id } = req.params as { id: string };
      return inTx(deps, req, (trx, actor) => viewOffer(trx, actor, id));
    },
  );

  app.post(
    '/api/offers',
    { schema: { tags, body: OfferInput, response: { 201: OfferDetail } } },
    async (req, reply) => {
      const created = await inTx(deps, req, (trx, actor) => createOffer(trx, actor, req.body as OfferInput));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/offers/:id',
    { schema: { tags, params: IdParams, body: OfferPatch, response: { 200: OfferDetail } } },
    async (req) => {
      const { id } = req.params as { id: string };
      return inTx(deps, req, (trx, actor) => updateOffer(trx, actor, id, req.body as OfferPatch));
    },
  );

  app.get(
    '/api/people/:id/offer-ranking',
    { schema: { tags, params: IdParams, querystring: RankingQuery, response: { 200: OfferRanking } } },
    async (req) => {
      const { id } = req.params as { id: string };
      return inTx(deps, req, (trx, actor) => rankOffersForPerson(trx, actor, id, req.query as RankingQuery));
    },
  );

  app.post(
    '/api/offers/cohort-suggestion',
    { schema: { tags, body: CohortRequest, response: { 200: CohortResult } } },
    async (req) => inTx(deps, req, (trx, actor) => cohortSuggestion(trx, actor, req.body as CohortRequest)),
  );
}
