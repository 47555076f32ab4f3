import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  DuplicateCheck,
  PersonCreateBody,
  PersonCreated,
  PersonDetail,
  PersonIdentityBody,
  PersonPage,
  PersonPatchBody,
  PersonQuery,
  ReferentOption,
} from '../../../../common/people/schemas';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { inTx } from '../../../platform/http';
import { archivePerson } from './archive-person';
import { checkDuplicates, createPerson } from './create-person';
import { getPerson } from './get-person';
import { listPersons, listReferents } from './list-persons';
import { updatePerson } from './update-person';

const tags = ['people'];
/** Any string: a malformed id is answered 404 by the use case, like an id that does not exist. */
export const PersonParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const idOf = (req: { params: unknown }) => (req.params as { id: string }).id;

export async function personRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/people',
    { schema: { tags, querystring: PersonQuery, response: { 200: PersonPage } } },
    async (req) => inTx(deps, req, (trx, actor) => listPersons(trx, actor, req.query as PersonQuery)),
  );

  app.get(
    '/api/people/referents',
    { schema: { tags, response: { 200: Type.Array(ReferentOption) } } },
    async (req) => inTx(deps, req, (trx, actor) => listReferents(trx, actor)),
  );

  // Whether a named person is known in another centre must not become a look-up service: the check is
  // throttled per user (not per address), after the session is resolved, with a translated 429.
  const identityCheckLimit = {
    rateLimit: {
      max: deps.config.identityCheckRateLimit,
      timeWindow: '1 hour',
      hook: 'preHandler' as const,
      keyGenerator: (req: FastifyRequest) => (req.actor ? `user:${req.actor.userId}` : `ip:${req.ip}`),
      errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) =>
        new AppError(429, 'people.duplicates.rate_limited', {
          minutes: Math.max(1, Math.ceil(ctx.ttl / 60_000)),
        }),
    },
  };
  app.post(
    '/api/people/duplicates',
    {
      schema: { tags, body: PersonIdentityBody, response: { 200: DuplicateCheck } },
      config: identityCheckLimit,
    },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        checkDuplicates(trx, actor, deps.secrets, req.body as PersonIdentityBody),
      ),
  );

  app.post(
    '/api/people',
    { schema: { tags, body: PersonCreateBody, response: { 201: PersonCreated } } },
    async (req, reply) => {
      const created = await inTx(deps, req, (trx, actor) =>
        createPerson(trx, actor, deps.secrets, req.body as PersonCreateBody),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/people/:id',
    { schema: { tags, params: PersonParams, response: { 200: PersonDetail } } },
    async (req) => inTx(deps, req, (trx, actor) => getPerson(trx, actor, deps.secrets, idOf(req))),
  );

  app.patch(
    '/api/people/:id',
    { schema: { tags, params: PersonParams, body: PersonPatchBody, response: { 200: PersonDetail } } },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        updatePerson(trx, actor, deps.secrets, idOf(req), req.body as PersonPatchBody),
      ),
  );

  app.post(
    '/api/people/:id/archive',
    { schema: { tags, params: PersonParams, response: { 200: PersonDetail } } },
    async (req) => inTx(deps, req, (trx, actor) => archivePerson(trx, actor, deps.secrets, idOf(req))),
  );
}
