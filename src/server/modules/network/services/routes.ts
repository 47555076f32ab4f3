import type { FastifyInstance } from 'fastify';
import { directoryApi, servicesApi } from '../../../../common/network/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx, publicTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { createService } from './create-service';
import { deleteService } from './delete-service';
import { listOwnServices } from './list-own-services';
import { municipalities, searchServices } from './search-directory';
import { updateService } from './update-service';
import { viewService } from './view-service';

/**
 * The cross-border services directory: public search and entries (no account needed: people from the
 * other side of the border must find them), and the management of an organisation's own services.
 */
export async function serviceRoutes(app: FastifyInstance, deps: Deps) {
  // Generous for people browsing, tight enough to stop scraping; never stricter than sign-in, whose
  // limit tests and the benchmark raise.
  const config = { rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' } };

  route(
    app,
    directoryApi.search,
    (req) => publicTx(deps, req, (trx) => searchServices(trx, req.query, req.language)),
    { config },
  );
  route(
    app,
    directoryApi.service,
    (req) => publicTx(deps, req, (trx) => viewService(trx, req.actor, req.params.id)),
    {
      config,
    },
  );
  route(
    app,
    directoryApi.municipalities,
    async (req) => ({ items: await publicTx(deps, req, (trx) => municipalities(trx)) }),
    { config },
  );

  route(app, servicesApi.list, (req) =>
    inTx(deps, req, (trx, actor) => listOwnServices(trx, actor, req.query)),
  );
  route(app, servicesApi.create, (req) =>
    inTx(deps, req, (trx, actor) => createService(trx, actor, req.body)),
  );
  route(app, servicesApi.update, (req) =>
    inTx(deps, req, (trx, actor) => updateService(trx, actor, req.params.id, req.body)),
  );
  route(app, servicesApi.remove, async (req) => {
    await inTx(deps, req, (trx, actor) => deleteService(trx, actor, req.params.id));
    return null;
  });
}
