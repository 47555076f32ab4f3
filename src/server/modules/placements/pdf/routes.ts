import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { exportAgreementPdf } from './agreement-pdf';

// A free string, not a uuid format: a malformed id is an agreement that does not exist (404, not 400).
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** The placement agreement as a bilingual PDF, for both parties. */
export async function agreementPdfRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/placements/:id/agreement.pdf',
    { schema: { tags: ['placements'], params: IdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const { filename, pdf } = await inTx(deps, req, (trx, actor) => exportAgreementPdf(trx, actor, id));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
