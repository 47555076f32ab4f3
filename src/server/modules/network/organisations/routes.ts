import type { FastifyInstance } from 'fastify';
import { organisationsApi } from '../../../../common/network/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { createOrganisation } from './create-organisation';
import { getOrganisation } from './get-organisation';
import { listOrganisations } from './list-organisations';
import { updateOrganisation } from './update-organisation';

export async function organisationRoutes(app: FastifyInstance, deps: Deps) {
  route(app, organisationsApi.list, (req) =>
    inTx(deps, req, (trx, actor) => listOrganisations(trx, actor, req.query)),
  );
  route(app, organisationsApi.get, (req) =>
    inTx(deps, req, (trx, actor) => getOrganisation(trx, actor, req.params.id)),
  );
  route(app, organisationsApi.create, (req) =>
    inTx(deps, req, (trx, actor) => createOrganisation(trx, actor, req.body)),
  );
  route(app, organisationsApi.update, (req) =>
    inTx(deps, req, (trx, actor) => updateOrganisation(trx, actor, req.params.id, req.body)),
  );
}
