import type { FastifyInstance, FastifyReply } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { type RequestOf, route } from '../../../platform/route';
import { storedDownload } from '../../../platform/stored-download';
import { type ExportFormat, exportOverview } from './export-overview';
import { viewOverview } from './view-overview';

/** The coordinator's overview of a programme's placements, and its CSV and XLSX exports (stored exports). */
export async function overviewRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.overview, (req) =>
    inTx(deps, req, (trx, actor) => viewOverview(trx, actor, req.params.id, req.query)),
  );

  // The file is stored for its owner (encrypted, 24 hours) and downloaded from there (ADR 0033).
  const download =
    (format: ExportFormat) =>
    (req: RequestOf<typeof api.overviewCsv | typeof api.overviewXlsx>, reply: FastifyReply) =>
      storedDownload(deps, req, reply, 'placements.overview', (trx, actor) =>
        exportOverview(trx, actor, req.params.id, req.query, format),
      );
  route(app, api.overviewCsv, download('csv'));
  route(app, api.overviewXlsx, download('xlsx'));
}
