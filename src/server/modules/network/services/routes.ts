import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  DirectoryPage,
  DirectoryQuery,
  ManagedServiceItem,
  ManagedServicesQuery,
  Municipality,
  ServiceDetail,
  ServiceInput,
  ServicePatch,
} from '../../../../common/network/service-schemas';
import type { Deps } from '../../../platform/deps';
import { inTx, publicTx } from '../../../platform/http';
import { createService } from './create-service';
import { deleteService } from './delete-service';
import { listOwnServices } from './list-own-services';
import { municipalities, searchServices } from './search-directory';
import { updateService } from './update-service';
import { viewService } from './view-service';

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const publicTags = ['directory'];
const tags = ['services'];

/**
 * The cross-border services directory: public search and entries (no account needed: people from the
 * other side of the border must find them), and the management of an organisation's own services.
 */
export async function serviceRoutes(app: FastifyInstance, deps: Deps) {
  // Generous for people browsing, tight enough to stop scraping; never stricter than sign-in, whose
  // limit tests and the benchmark raise.
  const searchLimit = {
    rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' },
  };

  app.get(
    '/api/directory/services',
    {
      schema: { tags: publicTags, querystring: DirectoryQuery, response: { 200: DirectoryPage } },
      config: searchLimit,
    },
    async (req) =>
      publicTx(deps, req, (trx) => searchServices(trx, req.query as DirectoryQuery, req.language)),
  );

  app.get(
    '/api/directory/services/:id',
    { schema: { tags: publicTags, params: IdParams, response: { 200: ServiceDetail } }, config: searchLimit },
    async (req) => {
      const { id } = req.params as { id: string };
      return publicTx(deps, req, (trx) => viewService(trx, req.actor, id));
    },
  );

  app.get(
    '/api/directory/municipalities',
    {
      schema: {
        tags: publicTags,
        response: { 200: Type.Object({ items: Type.Array(Municipality) }) },
      },
      config: searchLimit,
    },
    async (req) => ({ items: await publicTx(deps, req, (trx) => municipalities(trx)) }),
  );

  app.get(
    '/api/services',
    {
      schema: {
        tags,
        querystring: ManagedServicesQuery,
        response: {
          200: Type.Object({
            items: Type.Array(ManagedServiceItem),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 25 } = req.query as { page?: number; pageSize?: number };
      return inTx(deps, req, (trx, actor) => listOwnServices(trx, actor, page, pageSize));
    },
  );

  app.post(
    '/api/services',
    { schema: { tags, body: ServiceInput, response: { 201: ServiceDetail } } },
    async (req, reply) => {
      const created = await inTx(deps, req, (trx, actor) =>
        createService(trx, actor, req.body as ServiceInput),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/services/:id',
    { schema: { tags, params: IdParams, body: ServicePatch, response: { 200: ServiceDetail } } },
    async (req) => {
      const { id } = req.params as { id: string };
      return inTx(deps, req, (trx, actor) => updateService(trx, actor, id, req.body as ServicePatch));
    },
  );

  app.delete('/api/services/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    await inTx(deps, req, (trx, actor) => deleteService(trx, actor, id));
    return reply.status(204).send();
  });
}
