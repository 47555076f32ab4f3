import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  PlacementCreateBody,
  PlacementPage,
  PlacementPatch,
  PlacementQuery,
  PlacementView,
  SignatureBody,
  SignatureLinkView,
  SignatureTokenBody,
  TransitionBody,
} from '../../../../common/placements/agreement-schemas';
import {
  HostTutorList,
  HostTutorQuery,
  SignatureLookupBody,
} from '../../../../common/placements/agreement-support-schemas';
import { CohortDraftBody, CohortDraftResult } from '../../../../common/placements/cohort-draft-schemas';
import type { Deps } from '../../../platform/deps';
import { inTx, publicTx } from '../../../platform/http';
import { draftsFromCohort } from './cohort-drafts';
import { createPlacementView } from './create-placement';
import { listHostTutors, listPlacements } from './list-placements';
import { lookupSignature, requestSignature, signWithToken } from './signatures';
import { transitionPlacement } from './transition';
import { updatePlacementTerms } from './update-placement';
import { loadView } from './view';

const tags = ['agreements'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

/** Placement agreements: drafts, terms, transitions, signatures (with the public signature link). */
export async function agreementRoutes(app: FastifyInstance, deps: Deps) {
  const mail = { config: deps.config, secretKey: deps.secrets.secretKey };

  app.post(
    '/api/placements',
    { schema: { tags, body: PlacementCreateBody, response: { 201: PlacementView } } },
    async (req, reply) => {
      const view = await inTx(deps, req, (trx, actor) =>
        createPlacementView(trx, actor, req.body as PlacementCreateBody),
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/placements',
    { schema: { tags, querystring: PlacementQuery, response: { 200: PlacementPage } } },
    async (req) => inTx(deps, req, (trx, actor) => listPlacements(trx, actor, req.query as PlacementQuery)),
  );

  app.get(
    '/api/placements/tutors',
    { schema: { tags, querystring: HostTutorQuery, response: { 200: HostTutorList } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => listHostTutors(trx, actor, (req.query as HostTutorQuery).hostOrgId)),
  );

  app.post(
    '/api/placements/from-cohort',
    { schema: { tags, body: CohortDraftBody, response: { 200: CohortDraftResult } } },
    async (req) => inTx(deps, req, (trx, actor) => draftsFromCohort(trx, actor, req.body as CohortDraftBody)),
  );

  app.get(
    '/api/placements/:id',
    { schema: { tags, params: IdParams, response: { 200: PlacementView } } },
    async (req) => inTx(deps, req, (trx, actor) => loadView(trx, actor, id(req))),
  );

  app.patch(
    '/api/placements/:id',
    { schema: { tags, params: IdParams, body: PlacementPatch, response: { 200: PlacementView } } },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        updatePlacementTerms(trx, mail, actor, id(req), req.body as PlacementPatch),
      ),
  );

  app.post(
    '/api/placements/:id/transitions',
    { schema: { tags, params: IdParams, body: TransitionBody, response: { 200: PlacementView } } },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        transitionPlacement(trx, mail, actor, id(req), req.body as TransitionBody),
      ),
  );

  app.post(
    '/api/placements/:id/signatures',
    { schema: { tags, params: IdParams, body: SignatureBody, response: { 201: PlacementView } } },
    async (req, reply) => {
      const view = await inTx(deps, req, (trx, actor) =>
        requestSignature(trx, mail, actor, id(req), req.body as SignatureBody),
      );
      return reply.status(201).send(view);
    },
  );

  // The signer's link works without a session; both calls are rate limited like the password reset.
  const limit = { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } };
  app.post(
    '/api/signatures/lookup',
    { schema: { tags, body: SignatureLookupBody, response: { 200: SignatureLinkView } }, config: limit },
    async (req) =>
      publicTx(deps, req, (trx) => lookupSignature(trx, (req.body as SignatureLookupBody).token)),
  );

  app.post(
    '/api/signatures/sign',
    { schema: { tags, body: SignatureTokenBody }, config: limit },
    async (req, reply) => {
      await publicTx(deps, req, (trx) => signWithToken(trx, (req.body as SignatureTokenBody).token));
      return reply.status(204).send();
    },
  );
}
