import type { FastifyInstance, FastifyRequest } from 'fastify';
import { agreementEndpoints as api } from '../../../../common/immersions/agreement-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx, systemTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { asciiFilename } from '../../../platform/send-file';
import { storedDownload } from '../../../platform/stored-download';
import { amend } from '../signatures/amend';
import { lookupSignature, signaturePdf, signWithToken } from '../signatures/by-link';
import { sign } from '../signatures/sign';
import { exportAgreementPdf } from './agreement-pdf';

const pdfReply = (filename: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `attachment; filename="${asciiFilename(filename)}"`,
  'cache-control': 'no-store',
});

/** The immersion agreement: its PDF for the two parties, its signatures and amendments, the signer's link. */
export async function agreementRoutes(app: FastifyInstance, deps: Deps) {
  // It names the visitor and the parties: stored for the one who asked and downloaded from there (ADR 0033).
  route(app, api.agreementPdf, (req, reply) =>
    storedDownload(deps, req, reply, 'immersions.agreement', async (trx, actor) => {
      const { filename, pdf } = await exportAgreementPdf(trx, actor, req.params.id, req.query.lang);
      return { filename, contentType: 'application/pdf', body: Buffer.from(pdf) };
    }),
  );
  route(app, api.sign, (req) => inTx(deps, req, (trx, a) => sign(trx, deps, a, req.params.id, req.body)));
  route(app, api.amend, (req) => inTx(deps, req, (trx, a) => amend(trx, deps, a, req.params.id, req.body)));

  // The signer's link works without a session, rate limited like the password reset (see placements).
  const config = { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } };
  const link = (req: FastifyRequest) => ({ requestId: req.id, today: deps.clock.today() });
  route(
    app,
    api.signatureLookup,
    (req) => systemTx(deps, req, (trx) => lookupSignature(trx, req.body.token, link(req))),
    { config },
  );
  route(
    app,
    api.signaturePdf,
    async (req, reply) => {
      const { filename, pdf } = await systemTx(deps, req, (trx) =>
        signaturePdf(trx, req.body.token, link(req)),
      );
      return reply.headers(pdfReply(filename)).send(pdf);
    },
    { config },
  );
  route(
    app,
    api.signByLink,
    async (req) => {
      await systemTx(deps, req, (trx) => signWithToken(trx, req.body.token, link(req)));
      return null;
    },
    { config },
  );
}
