import type { FastifyInstance } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { exportAgreementPdf } from './agreement-pdf';

/** The placement agreement as a bilingual PDF, for both parties. */
export async function pdfRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.agreementPdf, async (req, reply) => {
    const { filename, pdf } = await inTx(deps, req, (trx, actor) =>
      exportAgreementPdf(trx, actor, req.params.id),
    );
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
