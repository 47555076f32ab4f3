import type { FastifyInstance, FastifyReply } from 'fastify';
import { reportEndpoints as api } from '../../../../common/monitoring/report-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { type RequestOf, route } from '../../../platform/route';
import { exportReport, type ReportFormat } from './exports';
import * as s from './service';

/** Progress reports: the lead creates, writes, submits and re-opens; partners read the submitted ones. */
export async function reportRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => s.listReports(trx, a, req.params.id)));
  route(app, api.create, (req) =>
    inTx(deps, req, (trx, a) => s.createReport(trx, deps, a, req.params.id, req.body)),
  );
  route(app, api.view, (req) =>
    inTx(deps, req, (trx, a) => s.viewReport(trx, a, req.params.id, req.query.version)),
  );
  route(app, api.saveNarrative, (req) =>
    inTx(deps, req, (trx, a) => s.saveNarrative(trx, a, req.params.id, req.body)),
  );
  route(app, api.refresh, (req) =>
    inTx(deps, req, (trx, a) => s.refreshFigures(trx, deps, a, req.params.id)),
  );
  route(app, api.submit, (req) => inTx(deps, req, (trx, a) => s.submitReport(trx, a, req.params.id)));
  route(app, api.reopen, (req) =>
    inTx(deps, req, (trx, a) => s.reopenReport(trx, a, req.params.id, req.body.reason)),
  );
  const download =
    (format: ReportFormat) =>
    async (req: RequestOf<typeof api.pdf | typeof api.xlsx>, reply: FastifyReply) => {
      const file = await inTx(deps, req, (trx, a) =>
        exportReport(trx, deps, a, req.params.id, req.query, format),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    };
  route(app, api.pdf, download('pdf'));
  route(app, api.xlsx, download('xlsx'));
}
