import type { FastifyInstance } from 'fastify';
import { territoriesApi, territoryGroupsApi } from '../../../../common/network/endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { badRequest } from '../../../platform/errors';
import { authed, inTx, publicTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { describeCode } from './code-history';
import { getTerritory } from './get-territory';
import * as groups from './groups';
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
  route(app, territoriesApi.resolveCode, (req) =>
    publicTx(deps, req, (trx) => describeCode(trx, req.params.code, req.query.asOf)),
  );

  route(app, territoryGroupsApi.list, (req) =>
    publicTx(deps, req, (trx) => groups.listGroups(trx, req.actor, req.language, req.query)),
  );
  route(app, territoryGroupsApi.get, (req) =>
    publicTx(deps, req, (trx) => groups.getGroup(trx, req.actor, req.params.code)),
  );
  route(app, territoryGroupsApi.create, (req) =>
    inTx(deps, req, (trx, actor) => groups.createGroup(trx, actor, req.body)),
  );
  route(app, territoryGroupsApi.update, (req) =>
    inTx(deps, req, (trx, actor) => groups.updateGroup(trx, actor, req.params.code, req.body)),
  );
  route(app, territoryGroupsApi.setMembers, (req) =>
    inTx(deps, req, (trx, actor) => groups.setGroupMembers(trx, actor, req.params.code, req.body)),
  );
  route(app, territoryGroupsApi.remove, (req) =>
    inTx(deps, req, (trx, actor) => groups.deleteGroup(trx, actor, req.params.code)),
  );
}
