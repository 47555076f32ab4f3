import type { FastifyInstance, FastifyRequest } from 'fastify';
import { practicesApi as api, publicPracticesApi as pub } from '../../../../common/practices/endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { badRequest } from '../../../platform/errors';
import { authed, inTx, publicTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { sendUploadedFile } from '../../../platform/send-file';
import * as t from '../takeups/service';
import * as a from './attachments';
import * as p from './public';
import * as s from './service';

/** The whole file is read before the transaction opens, so a slow upload holds no connection. */
async function readFile(req: FastifyRequest) {
  requirePermission(authed(req), 'practice.write');
  const part = await req.file();
  if (!part) throw badRequest('practices.sheets.errors.file_missing');
  return { filename: part.filename, content: await part.toBuffer() };
}

/** The library (signed-in), sheets, attachments and take-ups; and the public library without sign-in. */
export async function practiceRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.search, (req) =>
    inTx(deps, req, (trx, actor) => s.searchPractices(trx, actor, req.query, req.language)),
  );
  route(app, api.facets, (req) => inTx(deps, req, (trx, actor) => s.practiceFacets(trx, actor)));
  route(app, api.create, (req) => inTx(deps, req, (trx, actor) => s.createPractice(trx, actor, req.body)));
  route(app, api.get, (req) => inTx(deps, req, (trx, actor) => s.getPractice(trx, actor, req.params.id)));
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, actor) => s.updatePractice(trx, actor, req.params.id, req.body)),
  );
  route(app, api.remove, (req) =>
    inTx(deps, req, (trx, actor) => s.removePractice(trx, actor, req.params.id)),
  );
  route(app, api.transition, (req) =>
    inTx(deps, req, (trx, actor) => s.transitionPractice(trx, actor, req.params.id, req.body)),
  );
  route(app, api.attach, async (req) => {
    const file = await readFile(req);
    return inTx(deps, req, (trx, actor) => a.attach(trx, actor, req.params.id, file));
  });
  route(app, api.attachment, async (req, reply) => {
    const file = await inTx(deps, req, (trx, actor) =>
      a.signedInAttachmentFile(trx, actor, req.params.id, req.params.attachmentId),
    );
    return sendUploadedFile(reply, file);
  });
  route(app, api.detach, (req) =>
    inTx(deps, req, (trx, actor) => a.detach(trx, actor, req.params.id, req.params.attachmentId)),
  );
  route(app, api.recordTakeUp, (req) =>
    inTx(deps, req, (trx, actor) => t.recordTakeUp(trx, actor, req.params.id, req.body, deps.clock.today())),
  );
  route(app, api.takeUpEvidence, async (req) => {
    const file = await readFile(req);
    return inTx(deps, req, (trx, actor) =>
      t.addEvidenceFile(trx, actor, req.params.id, req.params.takeUpId, file),
    );
  });
  route(app, api.takeUpEvidenceFile, async (req, reply) => {
    const file = await inTx(deps, req, (trx, actor) =>
      t.evidenceFile(trx, actor, req.params.id, req.params.takeUpId),
    );
    return sendUploadedFile(reply, file);
  });
  route(app, api.removeTakeUp, (req) =>
    inTx(deps, req, (trx, actor) => t.removeTakeUp(trx, actor, req.params.id, req.params.takeUpId)),
  );

  // Without sign-in, limited like the services directory (same limit, same reasons).
  const config = { rateLimit: { max: deps.config.directoryRateLimit, timeWindow: '1 minute' } };
  route(
    app,
    pub.search,
    (req) => publicTx(deps, req, (trx) => p.searchPublic(trx, req.query, req.language)),
    { config },
  );
  route(app, pub.facets, (req) => publicTx(deps, req, (trx) => p.publicFacets(trx)), { config });
  route(app, pub.get, (req) => publicTx(deps, req, (trx) => p.getPublic(trx, req.params.id)), { config });
  route(
    app,
    pub.attachment,
    async (req, reply) => {
      const file = await publicTx(deps, req, (trx) =>
        p.publicAttachmentFile(trx, req.params.id, req.params.attachmentId),
      );
      return sendUploadedFile(reply, file);
    },
    { config },
  );
}
