import type { FastifyInstance } from 'fastify';
import { observatoryEndpoints as api } from '../../../common/observatory/endpoints';
import type { Deps } from '../../platform/deps';
import { inTx } from '../../platform/http';
import { route } from '../../platform/route';
import { catalogue, createElement } from './catalogue';
import { indicatorXlsx } from './export-xlsx';
import { indicatorMap } from './map';

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
}
