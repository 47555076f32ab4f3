import type { FastifyInstance } from 'fastify';
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

  app.post(
    '/api/people/duplicates',
    { schema: { tags, body: PersonIdentityBody, response: { 200: DuplicateCheck } } },
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
