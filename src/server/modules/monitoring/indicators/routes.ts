import type { FastifyInstance } from 'fastify';
import { monitoringEndpoints as api } from '../../../../common/monitoring/endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { viewBoard, viewIndicator } from './board';
import { viewRecords } from './records';
import { ruleInfos } from './registry';
import { addManualValue, createIndicator, updateIndicator } from './write';

/** A programme's indicators: the board, the rules on offer, definitions, manual values, drill-down. */
export async function indicatorRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.board, (req) => inTx(deps, req, (trx, actor) => viewBoard(trx, deps, actor, req.params.id)));
  route(app, api.indicator, (req) =>
    inTx(deps, req, (trx, actor) => viewIndicator(trx, deps, actor, req.params.id)),
  );
  route(app, api.rules, (req) =>
    inTx(deps, req, async (_trx, actor) => {
      requirePermission(actor, 'indicators.view');
      return { items: ruleInfos(deps.modules) };
    }),
  );
  route(app, api.create, (req) =>
    inTx(deps, req, (trx, actor) => createIndicator(trx, deps, actor, req.params.id, req.body)),
  );
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, actor) => updateIndicator(trx, deps, actor, req.params.id, req.body)),
  );
  route(app, api.addValue, (req) =>
    inTx(deps, req, (trx, actor) => addManualValue(trx, deps, actor, req.params.id, req.body)),
  );
  route(app, api.records, (req) =>
    inTx(deps, req, (trx, actor) => viewRecords(trx, deps, actor, req.params.id, req.query)),
  );
}
