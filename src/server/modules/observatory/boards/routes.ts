import type { FastifyInstance, FastifyReply } from 'fastify';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx, publicTx, systemTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { boardPdf, type PdfFile, publicBoardPdf } from './export';
import * as f from './followups';
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
  route(app, api.addFollowup, (req) =>
    inTx(deps, req, (trx, a) => f.addFollowup(trx, a, req.params.code, req.body)),
  );
  route(app, api.updateFollowup, (req) =>
    inTx(deps, req, (trx, a) => f.updateFollowup(trx, a, req.params.code, req.params.followup, req.body)),
  );
  route(app, api.removeFollowup, (req) =>
    inTx(deps, req, (trx, a) => f.removeFollowup(trx, a, req.params.code, req.params.followup)),
  );
  route(app, api.pdf, async (req, reply) =>
    send(reply, await inTx(deps, req, (trx, a) => boardPdf(trx, a, req.params.code, req.query))),
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
  route(
    app,
    api.publicPdf,
    async (req, reply) => {
      const language = req.query.lang ?? (req.language === 'nl' ? 'nl' : 'fr');
      const found = await publicTx(deps, req, (trx) => findPublished(trx, req.params.code));
      return send(reply, await systemTx(deps, req, (trx) => publicBoardPdf(trx, found, language)));
    },
    { config },
  );
}

/** A generated PDF (never a user's upload): a download under the board's address. */
const send = (reply: FastifyReply, file: PdfFile) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.body);
