import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ConsentCreateBody, ConsentView, ConsentWithdrawBody } from '../../../../common/people/schemas';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { PersonParams } from '../persons/routes';
import { listConsents, recordConsent, withdrawConsent } from './consents';

const tags = ['people'];
const ConsentParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  cid: Type.String({ maxLength: 100 }),
});

export async function consentRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/people/:id/consents',
    { schema: { tags, params: PersonParams, response: { 200: Type.Array(ConsentView) } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => listConsents(trx, actor, (req.params as { id: string }).id)),
  );

  app.post(
    '/api/people/:id/consents',
    { schema: { tags, params: PersonParams, body: ConsentCreateBody, response: { 201: ConsentView } } },
    async (req, reply) => {
      const created = await inTx(deps, req, (trx, actor) =>
        recordConsent(trx, actor, (req.params as { id: string }).id, req.body as ConsentCreateBody),
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/people/:id/consents/:cid/withdraw',
    { schema: { tags, params: ConsentParams, body: ConsentWithdrawBody, response: { 200: ConsentView } } },
    async (req) => {
      const { id, cid } = req.params as { id: string; cid: string };
      return inTx(deps, req, (trx, actor) =>
        withdrawConsent(trx, actor, id, cid, req.body as ConsentWithdrawBody),
      );
    },
  );
}
