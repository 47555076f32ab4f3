import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { ReferralAction } from '../../../../common/people/referral-rules';
import {
  ReferralCreateBody,
  ReferralDeclineBody,
  ReferralPage,
  ReferralPreview,
  ReferralPreviewQuery,
  ReferralQuery,
  ReferralView,
} from '../../../../common/people/referral-schemas';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { sharedRoutes } from '../shared/routes';
import { createReferral } from './create-referral';
import { decideReferral } from './decide-referral';
import { getReferral, listReferrals } from './list-referrals';
import { previewReferral } from './preview-referral';

const tags = ['referrals'];
const uuid = Type.String({ format: 'uuid' });
const IdParams = Type.Object({ id: uuid });
const PersonParams = Type.Object({ personId: uuid });

/** Referrals between organisations and, with them, the persons shared with one's organisation. */
export async function referralRoutes(app: FastifyInstance, deps: Deps) {
  app.post(
    '/api/people/:personId/referrals',
    { schema: { tags, params: PersonParams, body: ReferralCreateBody, response: { 201: ReferralView } } },
    async (req, reply) => {
      const created = await inTx(deps, req, (trx, actor) =>
        createReferral(
          trx,
          { config: deps.config },
          actor,
          (req.params as { personId: string }).personId,
          req.body as ReferralCreateBody,
        ),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/people/:personId/referral-preview',
    {
      schema: {
        tags,
        params: PersonParams,
        querystring: ReferralPreviewQuery,
        response: { 200: ReferralPreview },
      },
    },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        previewReferral(
          trx,
          actor,
          (req.params as { personId: string }).personId,
          req.query as ReferralPreviewQuery,
        ),
      ),
  );

  app.get(
    '/api/referrals',
    { schema: { tags, querystring: ReferralQuery, response: { 200: ReferralPage } } },
    async (req) => inTx(deps, req, (trx, actor) => listReferrals(trx, actor, req.query as ReferralQuery)),
  );

  app.get(
    '/api/referrals/:id',
    { schema: { tags, params: IdParams, response: { 200: ReferralView } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => getReferral(trx, actor, (req.params as { id: string }).id)),
  );

  for (const action of ['accept', 'done', 'revoke'] as const satisfies readonly ReferralAction[])
    app.post(
      `/api/referrals/:id/${action}`,
      { schema: { tags, params: IdParams, response: { 200: ReferralView } } },
      async (req) =>
        inTx(deps, req, (trx, actor) =>
          decideReferral(trx, actor, (req.params as { id: string }).id, action),
        ),
    );

  app.post(
    '/api/referrals/:id/decline',
    { schema: { tags, params: IdParams, body: ReferralDeclineBody, response: { 200: ReferralView } } },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        decideReferral(
          trx,
          actor,
          (req.params as { id: string }).id,
          'decline',
          (req.body as ReferralDeclineBody).reason,
        ),
      ),
  );

  await sharedRoutes(app, deps);
}
