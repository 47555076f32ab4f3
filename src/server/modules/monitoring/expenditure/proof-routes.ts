import type { FastifyInstance } from 'fastify';
import { expenditureProofEndpoints as api } from '../../../../common/monitoring/expenditure-proof-endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { badRequest } from '../../../platform/errors';
import { authed, inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { sendUploadedFile } from '../../../platform/send-file';
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
    return sendUploadedFile(reply, file);
  });
  route(app, api.remove, (req) =>
    inTx(deps, req, (trx, a) => s.removeProof(trx, a, req.params.id, req.params.proofId)),
  );
}
