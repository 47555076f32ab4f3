import type { Language } from '../../../../common/i18n/locales';
import { SIGNATURE_SIDE } from '../../../../common/placements/agreement-rules';
import type { PlacementView, SignatureBody } from '../../../../common/placements/agreement-schemas';
import { type GuardFacts, signingBlockers } from '../../../../common/placements/agreement-workflow';
import { type Actor, actorCan } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { placementForActor } from './access';
import { loadFacts } from './facts';
import type { MailDeps } from './notify';
import { issueSignatureLink } from './signature-links';
import * as store from './store';
import { upsertSignature } from './store-writes';
import { loadView } from './view';

/**
 * No signature is asked for or collected on an agreement that could no longer be validated as it stands
 * (start past, duration, overlap, programme): 409 naming the reasons, also as `guards.<guard>` fields.
 */
export function refuseBlockedSigning(language: Language, guards: GuardFacts): void {
  const blocked = signingBlockers(guards);
  if (!blocked.length) return;
  throw new AppError(
    409,
    'placements.agreements.errors.signing_blocked',
    {
      guards: blocked.map((g) => t(language, `placements.agreements.guard.${g}`)).join(' ; '),
      codes: blocked.join(','),
    },
    blocked.map((g) => ({ path: `guards.${g}`, code: `placements.agreements.guard.${g}` })),
  );
}

/**
 * Asks one party to sign the current version: the home centre for the person and its referent, the host
 * for its representative. In person: recorded now, witnessed by the actor. By link: a single-use token
 * (only its hash is kept) mailed to the signer in their language; asking again replaces a pending link.
 */
export async function requestSignature(
  trx: Tx,
  deps: MailDeps,
  actor: Actor,
  id: string,
  body: SignatureBody,
): Promise<PlacementView> {
  const access = await placementForActor(trx, actor, id);
  const { side } = access;
  if (SIGNATURE_SIDE[body.role] !== side) throw forbidden('placements.agreements.errors.wrong_side');
  const allowed =
    actorCan(actor, 'placement.manage') || (side === 'host' && actorCan(actor, 'placement.host_validate'));
  if (!allowed) throw forbidden('placements.agreements.errors.action_forbidden');
  const row = await store.lockPlacement(trx, access.row.id);
  if (!row) throw notFound('placements.agreements.errors.not_found');
  if (row.status !== 'awaiting_signatures')
    throw conflict('placements.agreements.errors.not_awaiting_signatures');
  // Checked for a link too: a link to an agreement nobody can validate would only waste the signer's time.
  refuseBlockedSigning(actor.language, (await loadFacts(trx, row, side)).guards);

  const email = body.email?.trim() || null;
  const common = {
    org_id: row.org_id,
    host_org_id: row.host_org_id,
    placement_id: row.id,
    version: row.version,
    role: body.role,
    signer_name: body.signerName.trim(),
    email,
    requested_by: actor.userId,
  };
  if (body.method === 'in_person') {
    const done = await upsertSignature(trx, {
      ...common,
      method: 'in_person',
      signed_at: new Date(),
      recorded_by: actor.userId,
    });
    if (!done) throw conflict('placements.agreements.errors.already_signed');
    return loadView(trx, actor, row.id);
  }

  if (!email)
    throw validationFailed([{ path: 'email', code: 'placements.agreements.errors.email_required' }]);
  const done = await issueSignatureLink(trx, deps, row, {
    role: body.role,
    signerName: common.signer_name,
    email,
    requestedBy: actor.userId,
  });
  if (!done) throw conflict('placements.agreements.errors.already_signed');
  return loadView(trx, actor, row.id);
}
