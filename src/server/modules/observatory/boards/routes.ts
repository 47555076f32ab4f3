import type { FastifyInstance } from 'fastify';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx, publicTx, systemTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { findPublished, publicBoardView } from './public';
import * as s from './service';

/** The thematic boards, and a published board without login. */
export async function boardRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => s.listBoards(trx, a)));
  route(app, api.create, (req) => inTx(deps, req, (trx, a) => s.createBoard(trx, a, req.body)));
  route(app, api.view, (req) => inTx(deps, req, (trx, a) => s.viewBoard(trx, a, req.params.code, req.query)));
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, a) => s.updateBoard(trx, a, req.params.code, req.body)),
  );
  route(app, api.addTile, (req) => inTx(deps, req, (trx, a) => s.addTile(trx, a, req.params.code, req.body)));
  route(app, api.removeTile, (req) =>
    inTx(deps, req, (trx, a) => s.removeTile(trx, a, req.params.code, req.params.tile)),
  );
  route(app, api.moveTile, (req) =>
    inTx(deps, req, (trx, a) => s.moveTile(trx, a, req.params.code, req.params.tile, req.body.direction)),
  );
  route(app, api.publish, (req) =>
    inTx(deps, req, (trx, a) => s.publishBoard(trx, a, req.params.code, req.body.published)),
  );

  // Limited like the public directory: generous for people reading, tight enough to stop scraping.
  const config = { rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' } };
  route(
    app,
    api.publicView,
    async (req) => {
      const language = req.query.lang ?? (req.language === 'nl' ? 'nl' : 'fr');
      const found = await publicTx(deps, req, (trx) => findPublished(trx, req.params.code));
      return systemTx(deps, req, (trx) => publicBoardView(trx, found, language));
    },
    { config },
  );
}
