import type { FastifyInstance } from 'fastify';
import { observatoryEndpoints as api, shapesEndpoints } from '../../../common/observatory/endpoints';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { inTx, publicTx } from '../../platform/http';
import { route } from '../../platform/route';
import { catalogue, createElement, O } from './catalogue';
import { indicatorXlsx } from './export-xlsx';
import { indicatorMap } from './map';
import { shapeSetJson } from './shape-sets';

/** The observatory's catalogue, its definitions and an indicator on the map (or as a workbook). */
export async function observatoryRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.catalogue, (req) => inTx(deps, req, (trx, a) => catalogue(trx, a)));
  route(app, api.createElement, (req) => inTx(deps, req, (trx, a) => createElement(trx, a, req.body)));
  route(app, api.indicatorMap, (req) =>
    inTx(deps, req, (trx, a) => indicatorMap(trx, a, req.params.code, req.query)),
  );
  route(app, api.indicatorXlsx, async (req, reply) => {
    const file = await inTx(deps, req, (trx, a) => indicatorXlsx(trx, a, req.params.code, req.query));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });

  // Public boundaries under a digest key, no login: rate limited like the other public reads. The key only
  // answers once a map named it; an unknown or retired one gives the same translated 404.
  route(
    app,
    shapesEndpoints.shapes,
    async (req, reply) => {
      const json = await publicTx(deps, req, (trx) => shapeSetJson(trx, req.params.key));
      if (!json) throw notFound(O('unknown_shapes'));
      const etag = `"${req.params.key}"`;
      reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', etag);
      const asked = String(req.headers['if-none-match'] ?? '').split(',');
      if (asked.some((e) => e.trim().replace(/^W\//, '') === etag)) return reply.status(304).send();
      return reply.header('content-type', 'application/json; charset=utf-8').send(json);
    },
    { config: { rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' } } },
  );
}
