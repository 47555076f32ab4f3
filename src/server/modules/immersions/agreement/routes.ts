import type { FastifyInstance } from 'fastify';
import { agreementEndpoints as api } from '../../../../common/immersions/agreement-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { exportAgreementPdf } from './agreement-pdf';

/** The immersion agreement as a PDF, for the two parties of the request. */
export async function agreementRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.agreementPdf, async (req, reply) => {
    const { filename, pdf } = await inTx(deps, req, (trx, actor) =>
      exportAgreementPdf(trx, actor, req.params.id, req.query.lang),
    );
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
