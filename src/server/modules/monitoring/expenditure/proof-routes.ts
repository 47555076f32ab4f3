import type { FastifyInstance } from 'fastify';
import { expenditureProofEndpoints as api } from '../../../../common/monitoring/expenditure-proof-endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { badRequest } from '../../../platform/errors';
import { authed, inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import * as s from './proofs';

/** Proof files of expenditure items: list, upload (the declaring partner, draft), download, remove. */
export async function expenditureProofRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => s.listProofs(trx, a, req.params.id)));
  route(app, api.upload, async (req) => {
    requirePermission(authed(req), 'expenditure.declare');
    // The whole file is read before the transaction opens, so a slow upload holds no connection.
    const part = await req.file();
    if (!part) throw badRequest('monitoring.expenditure.errors.proof_missing');
    const content = await part.toBuffer();
    return inTx(deps, req, (trx, a) =>
      s.uploadProof(trx, a, req.params.id, req.params.itemId, { filename: part.filename, content }),
    );
  });
  route(app, api.file, async (req, reply) => {
    const file = await inTx(deps, req, (trx, a) => s.proofFile(trx, a, req.params.id, req.params.proofId));
    const ascii = file.filename.replace(/[^\w.-]/g, '_');
    // Never rendered by the browser: a download, its recorded type, no sniffing, a sandbox if opened anyway.
    return reply
      .header('content-type', file.mediaType)
      .header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
  route(app, api.remove, (req) =>
    inTx(deps, req, (trx, a) => s.removeProof(trx, a, req.params.id, req.params.proofId)),
  );
}
