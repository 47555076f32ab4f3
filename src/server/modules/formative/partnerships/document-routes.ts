import type { FastifyInstance } from 'fastify';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { badRequest } from '../../../platform/errors';
import { authed, inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { attachDocument, detachDocument } from './documents';

/** The partnership's signed convention and funding order (documents of its programme). */
export async function partnershipDocumentRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.attachDocument, async (req) => {
    requirePermission(authed(req), 'formative.manage');
    // The whole file is read before the transaction opens, so a slow upload holds no connection.
    // A request that is no upload at all is told to choose a file (not the parser's bare 406).
    const part = req.isMultipart() ? await req.file() : undefined;
    if (!part) throw badRequest('network.programmes.errors.document_missing');
    const content = await part.toBuffer();
    return inTx(deps, req, (trx, actor) =>
      attachDocument(trx, actor, req.params.id, req.params.kind, { filename: part.filename, content }),
    );
  });
  route(app, api.detachDocument, (req) =>
    inTx(deps, req, (trx, actor) => detachDocument(trx, actor, req.params.id, req.params.kind)),
  );
}
