import type { FastifyInstance } from 'fastify';
import { territoriesApi } from '../../../../common/network/endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { badRequest } from '../../../platform/errors';
import { authed, inTx, publicTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { getTerritory } from './get-territory';
import { importTerritories } from './import-territories';
import { listTerritories } from './list-territories';

export async function territoryRoutes(app: FastifyInstance, deps: Deps) {
  route(app, territoriesApi.list, (req) =>
    publicTx(deps, req, (trx) => listTerritories(trx, req.language, req.query)),
  );
  route(app, territoriesApi.get, (req) =>
    publicTx(deps, req, (trx) => getTerritory(trx, req.params.code, req.query.geometry === '1')),
  );
  route(app, territoriesApi.import, async (req) => {
    requirePermission(authed(req), 'territory.import');
    // The whole file is read before the transaction opens, so a slow upload holds no connection.
    const part = await req.file();
    if (!part) throw badRequest('network.territories.errors.no_file');
    const content = await part.toBuffer();
    return inTx(deps, req, (trx, actor) =>
      importTerritories(trx, actor, { filename: part.filename, content }),
    );
  });
}
