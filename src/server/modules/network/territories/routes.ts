import type { FastifyInstance } from 'fastify';
import {
  TerritoryCodeParam,
  TerritoryDetail,
  TerritoryDetailQuery,
  TerritoryImportResult,
  TerritoryPage,
  TerritoryQuery,
} from '../../../../common/network/territory-schemas';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { badRequest } from '../../../platform/errors';
import { authed, inTx, publicTx } from '../../../platform/http';
import { getTerritory } from './get-territory';
import { importTerritories } from './import-territories';
import { listTerritories } from './list-territories';

const tags = ['territories'];

export async function territoryRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/territories',
    { schema: { tags, querystring: TerritoryQuery, response: { 200: TerritoryPage } } },
    async (req) =>
      publicTx(deps, req, (trx) => listTerritories(trx, req.language, req.query as TerritoryQuery)),
  );

  app.get(
    '/api/territories/:code',
    {
      schema: {
        tags,
        params: TerritoryCodeParam,
        querystring: TerritoryDetailQuery,
        response: { 200: TerritoryDetail },
      },
    },
    async (req) =>
      publicTx(deps, req, (trx) =>
        getTerritory(
          trx,
          (req.params as { code: string }).code,
          (req.query as { geometry?: string }).geometry === '1',
        ),
      ),
  );

  app.post(
    '/api/territories/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: 'Multipart upload of one file (TopoJSON, GeoJSON or CSV) in the field "file".',
        response: { 200: TerritoryImportResult },
      },
    },
    async (req) => {
      requirePermission(authed(req), 'territory.import');
      // The whole file is read before the transaction opens, so a slow upload holds no connection.
      const part = await req.file();
      if (!part) throw badRequest('territory.import.no_file');
      const content = await part.toBuffer();
      return inTx(deps, req, (trx, actor) =>
        importTerritories(trx, actor, { filename: part.filename, content }),
      );
    },
  );
}
