import type { FastifyInstance, FastifyReply } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { type RequestOf, route } from '../../../platform/route';
import { type ExportFormat, exportOverview } from './export-overview';
import { viewOverview } from './view-overview';

/** The coordinator's overview of a programme's placements, and its CSV and XLSX exports. */
export async function overviewRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.overview, (req) =>
    inTx(deps, req, (trx, actor) => viewOverview(trx, actor, req.params.id, req.query)),
  );

  const download =
    (format: ExportFormat) =>
    async (req: RequestOf<typeof api.overviewCsv | typeof api.overviewXlsx>, reply: FastifyReply) => {
      const file = await inTx(deps, req, (trx, actor) =>
        exportOverview(trx, actor, req.params.id, req.query, format),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    };
  route(app, api.overviewCsv, download('csv'));
  route(app, api.overviewXlsx, download('xlsx'));
}
