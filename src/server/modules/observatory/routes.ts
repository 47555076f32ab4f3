import type { FastifyInstance } from 'fastify';
import { observatoryEndpoints as api } from '../../../common/observatory/endpoints';
import type { Deps } from '../../platform/deps';
import { inTx } from '../../platform/http';
import { route } from '../../platform/route';
import { catalogue, createElement } from './catalogue';
import { indicatorMap } from './map';

/** The observatory's catalogue, its definitions and an indicator on the map. */
export async function observatoryRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.catalogue, (req) => inTx(deps, req, (trx, a) => catalogue(trx, a)));
  route(app, api.createElement, (req) => inTx(deps, req, (trx, a) => createElement(trx, a, req.body)));
  route(app, api.indicatorMap, (req) =>
    inTx(deps, req, (trx, a) => indicatorMap(trx, a, req.params.code, req.query)),
  );
}
