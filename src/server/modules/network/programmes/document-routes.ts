import type { FastifyInstance } from 'fastify';
import { programmesApi } from '../../../../common/network/endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { badRequest } from '../../../platform/errors';
import { authed, inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { sendUploadedFile } from '../../../platform/send-file';
import { deleteDocument, documentFile, uploadDocument } from './documents';

/** A programme's documents: upload (the lead), download and delete. */
export async function programmeDocumentRoutes(app: FastifyInstance, deps: Deps) {
  route(app, programmesApi.uploadDocument, async (req) => {
    requirePermission(authed(req), 'programme.update');
    // The whole file is read before the transaction opens, so a slow upload holds no connection.
    const part = await req.file();
    if (!part) throw badRequest('network.programmes.errors.document_missing');
    const content = await part.toBuffer();
    return inTx(deps, req, (trx, actor) =>
      uploadDocument(trx, actor, req.params.id, { filename: part.filename, content }),
    );
  });
  route(app, programmesApi.documentFile, async (req, reply) => {
    const file = await inTx(deps, req, (trx, actor) =>
      documentFile(trx, actor, req.params.id, req.params.documentId),
    );
    return sendUploadedFile(reply, file);
  });
  route(app, programmesApi.deleteDocument, (req) =>
    inTx(deps, req, (trx, actor) =>
      deleteDocument(trx, actor, req.params.id, req.params.documentId, deps.clock.today()),
    ),
  );
}
