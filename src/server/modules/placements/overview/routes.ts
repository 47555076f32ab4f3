import type { FastifyInstance, FastifyReply } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { exportHref, storeExport } from '../../../platform/exports';
import { inTx } from '../../../platform/http';
import { type RequestOf, route } from '../../../platform/route';
import { type ExportFormat, exportOverview } from './export-overview';
import { viewOverview } from './view-overview';

/** The coordinator's overview of a programme's placements, and its CSV and XLSX exports (stored exports). */
export async function overviewRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.overview, (req) =>
    inTx(deps, req, (trx, actor) => viewOverview(trx, actor, req.params.id, req.query)),
  );

  const download =
    (format: ExportFormat) =>
    async (req: RequestOf<typeof api.overviewCsv | typeof api.overviewXlsx>, reply: FastifyReply) => {
      // The file is stored for its owner (encrypted, 24 hours) and downloaded from there (ADR 0033).
      const stored = await inTx(deps, req, async (trx, actor) =>
        storeExport(trx, deps.secrets, actor, {
          kind: 'placements.overview',
          ...(await exportOverview(trx, actor, req.params.id, req.query, format)),
        }),
      );
      return reply.header('cache-control', 'no-store').redirect(exportHref(stored.id), 303);
    };
  route(app, api.overviewCsv, download('csv'));
  route(app, api.overviewXlsx, download('xlsx'));
}
