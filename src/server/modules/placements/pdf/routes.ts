import type { FastifyInstance } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { exportHref, storeExport } from '../../../platform/exports';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { exportAgreementPdf } from './agreement-pdf';

/**
 * The placement agreement as a bilingual PDF, for both parties. It names the person: stored for the one who
 * asked (encrypted, 24 hours) and downloaded from there (ADR 0033).
 */
export async function pdfRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.agreementPdf, async (req, reply) => {
    const made = await inTx(deps, req, async (trx, actor) => {
      const { filename, pdf } = await exportAgreementPdf(trx, actor, req.params.id);
      return storeExport(trx, deps.secrets, actor, {
        kind: 'placements.agreement',
        filename: filename.replace(/[^\w.-]/g, '_'),
        contentType: 'application/pdf',
        body: Buffer.from(pdf),
      });
    });
    return reply.header('cache-control', 'no-store').redirect(exportHref(made.id), 303);
  });
}
