import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { SharedPage, SharedPerson, SharedQuery } from '../../../../common/people/referral-schemas';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { getSharedPerson, listSharedPersons } from './shared-persons';

const tags = ['shared persons'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The recipient organisation's view of the persons shared with it. */
export async function sharedRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/shared/people',
    { schema: { tags, querystring: SharedQuery, response: { 200: SharedPage } } },
    async (req) => inTx(deps, req, (trx, actor) => listSharedPersons(trx, actor, req.query as SharedQuery)),
  );

  app.get(
    '/api/shared/people/:id',
    { schema: { tags, params: IdParams, response: { 200: SharedPerson } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => getSharedPerson(trx, actor, (req.params as { id: string }).id)),
  );
}
