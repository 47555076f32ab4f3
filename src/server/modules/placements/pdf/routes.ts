import type { FastifyInstance } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { route } from '../../../platform/route';
import { storedDownload } from '../../../platform/stored-download';
import { exportAgreementPdf } from './agreement-pdf';

/**
 * The placement agreement as a bilingual PDF, for both parties. It names the person: stored for the one who
 * asked (encrypted, 24 hours) and downloaded from there (ADR 0033).
 */
export async function pdfRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.agreementPdf, (req, reply) =>
    storedDownload(deps, req, reply, 'placements.agreement', async (trx, actor) => {
      const { filename, pdf } = await exportAgreementPdf(trx, actor, req.params.id);
      return { filename, contentType: 'application/pdf', body: Buffer.from(pdf) };
    }),
  );
}
