import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { Uuid } from '../../../../common/auth/schemas';
import {
  OrganisationCreateBody,
  OrganisationDetail,
  OrganisationPage,
  OrganisationPatchBody,
  OrganisationQuery,
} from '../../../../common/network/organisation-schemas';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { createOrganisation } from './create-organisation';
import { getOrganisation } from './get-organisation';
import { listOrganisations } from './list-organisations';
import { updateOrganisation } from './update-organisation';

const tags = ['organisations'];
const IdParams = Type.Object({ id: Uuid });

export async function organisationRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/organisations',
    { schema: { tags, querystring: OrganisationQuery, response: { 200: OrganisationPage } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => listOrganisations(trx, actor, req.query as OrganisationQuery)),
  );

  app.get(
    '/api/organisations/:id',
    { schema: { tags, params: IdParams, response: { 200: OrganisationDetail } } },
    async (req) =>
      inTx(deps, req, (trx, actor) => getOrganisation(trx, actor, (req.params as { id: string }).id)),
  );

  app.post(
    '/api/organisations',
    { schema: { tags, body: OrganisationCreateBody, response: { 201: OrganisationDetail } } },
    async (req, reply) => {
      const created = await inTx(deps, req, (trx, actor) =>
        createOrganisation(trx, actor, req.body as OrganisationCreateBody),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/organisations/:id',
    {
      schema: { tags, params: IdParams, body: OrganisationPatchBody, response: { 200: OrganisationDetail } },
    },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        updateOrganisation(trx, actor, (req.params as { id: string }).id, req.body as OrganisationPatchBody),
      ),
  );
}
