import type { FastifyInstance } from 'fastify';
import { forumsApi as api, publicForumsApi as pub } from '../../../common/forums/endpoints';
import { withContext } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { inTx, publicTx } from '../../platform/http';
import { route } from '../../platform/route';
import * as ev from './events';
import * as reg from './registration';

/** The organiser's events (signed in), and a published event's page, registration and cancellation link. */
export async function forumRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => ev.listEvents(trx, a)));
  route(app, api.create, (req) => inTx(deps, req, (trx, a) => ev.createEvent(trx, a, req.body)));
  route(app, api.get, (req) => inTx(deps, req, (trx, a) => ev.getEvent(trx, a, req.params.id)));
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, a) => ev.updateEvent(trx, deps, a, req.params.id, req.body)),
  );
  route(app, api.transition, (req) =>
    inTx(deps, req, (trx, a) => ev.transitionEvent(trx, deps, a, req.params.id, req.body)),
  );

  // The anonymous registration scope: registrations and events, no other tenant row (migration 0044).
  const registrationTx = <T>(requestId: string, fn: Parameters<typeof withContext<T>>[2]) =>
    withContext(deps.db, { scope: 'forum_registration', requestId, today: deps.clock.today() }, fn);

  // Reading: limited like the public directory. Writing: like sign-in attempts, per address and route.
  const reading = { rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' } };
  const writing = { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } };
  route(
    app,
    pub.get,
    async (req) => {
      const language = req.query.lang ?? (req.language === 'nl' ? 'nl' : 'fr');
      const now = deps.clock.now();
      // Whether it is full comes from the registration scope (the public one sees no registration).
      const full = await registrationTx(req.id, (trx) => reg.isFull(trx, req.params.id));
      return publicTx(deps, req, (trx) => reg.publicEvent(trx, req.params.id, language, full, now));
    },
    { config: reading },
  );
  route(
    app,
    pub.register,
    (req) =>
      registrationTx(req.id, (trx) => reg.register(trx, deps, req.params.id, req.body, deps.clock.now())),
    { config: writing },
  );
  route(
    app,
    pub.cancel,
    (req) =>
      registrationTx(req.id, (trx) =>
        reg.cancelByToken(trx, deps, req.params.id, req.body.token, deps.clock.now()),
      ),
    { config: writing },
  );
}
