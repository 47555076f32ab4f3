import type { FastifyInstance } from 'fastify';
import { calendarEndpoints as api } from '../../../../common/immersions/calendar-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx, systemTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as f from './feed';
import * as s from './service';

/** Immersion calendars: the three views and the reader's feed (signed in); the feed itself (no session). */
export async function calendarRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.calendar, (req) => inTx(deps, req, (trx, a) => s.calendar(trx, deps, a, req.query)));
  route(app, api.feedState, (req) => inTx(deps, req, (trx, a) => f.feedState(trx, a)));
  route(app, api.createFeed, (req) => inTx(deps, req, (trx, a) => f.createFeed(trx, deps, a)));
  route(app, api.revokeFeed, (req) => inTx(deps, req, (trx, a) => f.revokeFeed(trx, a)));

  // Without a session, limited like the public directory routes (guessing a 256-bit token is hopeless;
  // the limit keeps a calendar application's polling from loading the database).
  const config = { rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' } };
  route(
    app,
    api.feed,
    async (req, reply) => {
      const text = await systemTx(deps, req, (trx) => f.feedText(trx, deps, req.query.token, req.id));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline; filename="immersions.ics"')
        .send(text);
    },
    { config },
  );
}
