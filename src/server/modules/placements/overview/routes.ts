import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { ExportQuery, OverviewPage, OverviewQuery } from '../../../../common/placements/overview-schemas';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { type ExportFormat, exportOverview } from './export-overview';
import { viewOverview } from './view-overview';

const tags = ['placements'];
// The id is checked by the use case, so that a malformed one answers 404 like an unknown one.
const Params = Type.Object({ id: Type.String({ maxLength: 100 }) });
type Params = { id: string };

/** The coordinator's overview of a programme's placements, and its CSV and XLSX exports. */
export async function placementOverviewRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/programmes/:id/placements',
    { schema: { tags, params: Params, querystring: OverviewQuery, response: { 200: OverviewPage } } },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        viewOverview(trx, actor, (req.params as Params).id, req.query as OverviewQuery),
      ),
  );

  const download = (format: ExportFormat) => async (req: FastifyRequest, reply: FastifyReply) => {
    const file = await inTx(deps, req, (trx, actor) =>
      exportOverview(trx, actor, (req.params as Params).id, req.query as ExportQuery, format),
    );
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  };
  const exportSchema = { tags, params: Params, querystring: ExportQuery };
  app.get('/api/programmes/:id/placements.csv', { schema: exportSchema }, download('csv'));
  app.get('/api/programmes/:id/placements.xlsx', { schema: exportSchema }, download('xlsx'));
}
