import type { FastifyInstance } from 'fastify';
import {
  interpretingApi as api,
  publicInterpretingApi as pub,
} from '../../../../common/accompaniment/interpreting-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx, publicTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as b from './bookings';

export async function interpretingRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => b.listBookings(trx, a, req.query.view)));
  route(app, api.providers, (req) => inTx(deps, req, (trx, a) => b.providerList(trx, a)));
  route(app, api.prefill, (req) => inTx(deps, req, (trx, a) => b.prefill(trx, a, req.query.personId)));
  route(app, api.create, (req) => inTx(deps, req, (trx, a) => b.createBooking(trx, deps, a, req.body)));
  route(app, api.get, (req) => inTx(deps, req, (trx, a) => b.getBooking(trx, deps, a, req.params.id)));
  route(app, api.act, (req) =>
    inTx(deps, req, (trx, a) => b.actOnBooking(trx, deps, a, req.params.id, req.body)),
  );
  route(app, api.feedback, (req) =>
    inTx(deps, req, (trx, a) => b.giveFeedback(trx, deps, a, req.params.id, req.body)),
  );
  // The external interpreter's link: anonymous, limited like sign-in attempts, audited by the database.
  route(
    app,
    pub.booking,
    (req) =>
      publicTx(deps, req, (trx) =>
        b.externalView(trx, deps.secrets, deps.clock.now(), req.params.id, req.body.token),
      ),
    { config: { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } } },
  );
}
