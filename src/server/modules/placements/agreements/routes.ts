import type { FastifyInstance, FastifyRequest } from 'fastify';
import { placementsEndpoints as api } from '../../../../common/placements/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx, requestLanguage, systemTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { asciiFilename } from '../../../platform/send-file';
import { draftsFromCohort } from './cohort-drafts';
import { createPlacementView } from './create-placement';
import { signatureInvitees } from './invitees';
import { listHostTutors, listPlacements } from './list-placements';
import { lookupSignature, signaturePdf, signWithToken } from './sign-by-link';
import { requestSignature } from './signatures';
import { transitionPlacement } from './transition';
import { updatePlacementTerms } from './update-placement';
import { loadView } from './view';

/** Placement agreements: drafts, terms, transitions, signatures (with the public signature link). */
export async function agreementsRoutes(app: FastifyInstance, deps: Deps) {
  const mail = { config: deps.config, secretKey: deps.secrets.secretKey };

  route(app, api.createPlacement, (req) =>
    inTx(deps, req, (trx, actor) => createPlacementView(trx, actor, req.body)),
  );
  route(app, api.placements, (req) => inTx(deps, req, (trx, actor) => listPlacements(trx, actor, req.query)));
  route(app, api.hostTutors, (req) =>
    inTx(deps, req, (trx, actor) => listHostTutors(trx, actor, req.query.hostOrgId)),
  );
  route(app, api.draftsFromCohort, (req) =>
    inTx(deps, req, (trx, actor) => draftsFromCohort(trx, actor, req.body)),
  );
  route(app, api.placement, (req) => inTx(deps, req, (trx, actor) => loadView(trx, actor, req.params.id)));
  route(app, api.updatePlacement, (req) =>
    inTx(deps, req, (trx, actor) => updatePlacementTerms(trx, actor, req.params.id, req.body)),
  );
  route(app, api.transition, (req) =>
    inTx(deps, req, (trx, actor) => transitionPlacement(trx, mail, actor, req.params.id, req.body)),
  );
  route(app, api.signatureInvitees, (req) =>
    inTx(deps, req, (trx, actor) => signatureInvitees(trx, actor, req.params.id)),
  );
  route(app, api.requestSignature, (req) =>
    inTx(deps, req, (trx, actor) => requestSignature(trx, mail, actor, req.params.id, req.body)),
  );

  // The signer's link works without a session; both calls are rate limited like the password reset. Signing
  // reads the agreement the token opened (is it still valid?), hence the system scope of pre-authentication.
  const config = { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } };
  // The look-up and the PDF then read the agreement acting for the signer's party (sign-by-link.ts).
  const linkRequest = (req: FastifyRequest) => ({ requestId: req.id, today: deps.clock.today() });
  route(
    app,
    api.signatureLookup,
    (req) => systemTx(deps, req, (trx) => lookupSignature(trx, req.body.token, linkRequest(req))),
    { config },
  );
  route(
    app,
    api.signaturePdf,
    async (req, reply) => {
      const { filename, pdf } = await systemTx(deps, req, (trx) =>
        signaturePdf(trx, req.body.token, linkRequest(req)),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${asciiFilename(filename)}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
    { config },
  );
  route(
    app,
    api.sign,
    async (req) => {
      await systemTx(deps, req, (trx) => signWithToken(trx, req.body.token, requestLanguage(req)));
      return null;
    },
    { config },
  );
}
