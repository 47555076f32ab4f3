import type { FastifyInstance } from 'fastify';
import { programmesApi } from '../../../../common/network/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { createProgramme } from './create-programme';
import { programmeDocumentRoutes } from './document-routes';
import { getProgramme } from './get-programme';
import { listProgrammes } from './list-programmes';
import { replacePartners } from './replace-partners';
import { updateProgramme } from './update-programme';
import { replaceActions, replaceMilestones, replacePerimeter } from './update-structure';

/** Programmes (projects) of the partner network and their partners; statuses follow the server's day. */
export async function programmeRoutes(app: FastifyInstance, deps: Deps) {
  route(app, programmesApi.list, (req) =>
    inTx(deps, req, (trx, actor) => listProgrammes(trx, actor, req.query, deps.clock.today())),
  );
  route(app, programmesApi.get, (req) =>
    inTx(deps, req, (trx, actor) => getProgramme(trx, actor, req.params.id, deps.clock.today())),
  );
  route(app, programmesApi.create, (req) =>
    inTx(deps, req, (trx, actor) => createProgramme(trx, actor, req.body, deps.clock.today())),
  );
  route(app, programmesApi.update, (req) =>
    inTx(deps, req, (trx, actor) => updateProgramme(trx, actor, req.params.id, req.body, deps.clock.today())),
  );
  route(app, programmesApi.replacePartners, (req) =>
    inTx(deps, req, (trx, actor) => replacePartners(trx, actor, req.params.id, req.body, deps.clock.today())),
  );
  route(app, programmesApi.replaceActions, (req) =>
    inTx(deps, req, (trx, actor) => replaceActions(trx, actor, req.params.id, req.body, deps.clock.today())),
  );
  route(app, programmesApi.replaceMilestones, (req) =>
    inTx(deps, req, (trx, actor) =>
      replaceMilestones(trx, actor, req.params.id, req.body, deps.clock.today()),
    ),
  );
  route(app, programmesApi.replacePerimeter, (req) =>
    inTx(deps, req, (trx, actor) =>
      replacePerimeter(trx, actor, req.params.id, req.body, deps.clock.today()),
    ),
  );
  await programmeDocumentRoutes(app, deps);
}
