import { localized } from '../../../../common/i18n/locales';
import { immersionSignLink } from '../../../../common/immersions/request-links';
import {
  ROLE_SIDE,
  SIGNATURE_LINK_DAYS,
  type SignatureInput,
  type SignatureRole,
} from '../../../../common/immersions/signature-schemas';
import { absolute } from '../../../../common/kernel/links';
import { organisationLanguage } from '../../../../common/people/referral-rules';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { hashToken, randomToken } from '../../../platform/crypto';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { queueMail } from '../../../platform/mail';
import { sideOf, visitorName } from '../requests/access';
import { recordRequestEvent } from '../requests/notifications';
import * as requests from '../requests/store';
import * as store from './store';

/**
 * Signing the immersion agreement (issue 11, migration 0032). Each role's signature belongs to one side:
 * the visitor's organisation asks for, witnesses or makes the visitor's and its own; the host its own.
 * In one's session a signer signs in their own name (the visitor only as the visitor, a manager for their
 * side, never the visitor for their own organisation); by link, a side's manager has a single-use link
 * mailed to the signer; on paper, a side's manager records what they witnessed. The last of the three
 * signatures tells everyone; the immersion may then start.
 */

export const S = (code: string) => `immersions.signatures.errors.${code}`;
const DAY_MS = 86_400_000;

export async function sign(trx: Tx, deps: Deps, actor: Actor, id: string, input: SignatureInput) {
  requirePermission(actor, 'immersion.view');
  const seen = await requests.findRequest(trx, id);
  const side = seen ? sideOf(actor, seen) : null;
  if (!seen || !side) throw notFound();
  if (ROLE_SIDE[input.role] !== side) throw forbidden(S('wrong_side'));
  const r = await store.lockRequest(trx, id);
  if (!r) throw notFound();
  if (r.status !== 'agreed') throw conflict(S('not_open'));
  const manager = actorCan(actor, 'immersion.manage');

  if (input.method === 'account') {
    if (input.role === 'visitor' ? actor.userId !== r.visitor_user_id : !manager)
      throw forbidden(S('not_the_signer'));
    // The visitor does not sign for their own organisation: a colleague who manages does.
    if (input.role === 'visitor_org' && actor.userId === r.visitor_user_id)
      throw forbidden(S('visitor_for_own_org'));
    if (input.accept !== true) throw validationFailed([{ path: 'accept', code: S('accept_required') }]);
    const done = await store.signNow(trx, r, {
      role: input.role,
      method: 'account',
      signerName: actor.displayName,
      by: actor.userId,
      witnessName: null,
    });
    if (!done) throw conflict(S('already_signed'));
    // The visitor's signature carries the confidentiality undertaking: recorded as accepted too.
    if (input.role === 'visitor') await requests.acceptConfidentiality(trx, r.id);
  } else {
    if (!manager) throw forbidden(S('not_a_manager'));
    const signerName = input.signerName?.trim() ?? '';
    if (signerName.length < 2)
      throw validationFailed([{ path: 'signerName', code: S('signer_name_required') }]);
    if (input.method === 'in_person') {
      if (input.accept !== true) throw validationFailed([{ path: 'accept', code: S('witness_required') }]);
      const done = await store.signNow(trx, r, {
        role: input.role,
        method: 'in_person',
        signerName,
        by: actor.userId,
        witnessName: actor.displayName,
      });
      if (!done) throw conflict(S('already_signed'));
    } else {
      const email = input.email?.trim();
      if (!email) throw validationFailed([{ path: 'email', code: S('email_required') }]);
      await mailLink(trx, deps, actor, r, { role: input.role, signerName, email });
      return { ok: true };
    }
  }
  await announceIfSigned(trx, actor, r);
  return { ok: true };
}

/** Once the current version is signed by all three, everyone hears it (the link's signer acts for nobody). */
export async function announceIfSigned(
  trx: Tx,
  actor: Pick<Actor, 'orgId' | 'userId'> | null,
  r: requests.RequestRow,
): Promise<void> {
  if (!(await store.fullySigned(trx, r.id, r.agreement_version))) return;
  await recordRequestEvent(trx, actor, r, 'agreement_signed', await visitorName(trx, r.id));
}

/**
 * A single-use link for one signer, in their side's language: only the token's hash is kept, the mail
 * reaches nobody but the signer (redacted in the outbox), and asking again replaces the pending link.
 */
async function mailLink(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  r: requests.RequestRow,
  p: { role: SignatureRole; signerName: string; email: string },
) {
  const token = randomToken();
  const done = await store.askByLink(trx, r, {
    ...p,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + SIGNATURE_LINK_DAYS * DAY_MS),
    by: actor.userId,
  });
  if (!done) throw conflict(S('already_signed'));
  const orgs = await trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'short_name', 'region'])
    .where('id', 'in', [r.org_id, r.host_org_id])
    .execute();
  const sideOrg = ROLE_SIDE[p.role] === 'host' ? r.host_org_id : r.org_id;
  const language = organisationLanguage(orgs.find((o) => o.id === sideOrg)?.region ?? null);
  const name = (orgId: string) => {
    const o = orgs.find((x) => x.id === orgId);
    return o ? o.short_name || localized(language, o.name_fr, o.name_nl) : '';
  };
  await queueMail(trx, {
    to: p.email,
    language,
    template: 'immersions.signatures.signature_request',
    params: {
      signer: p.signerName,
      visitor: await visitorName(trx, r.id),
      visitorOrg: name(r.org_id),
      host: name(r.host_org_id),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      version: r.agreement_version,
      days: SIGNATURE_LINK_DAYS,
    },
    secretParams: {
      link: `${absolute(deps.config.publicUrl, immersionSignLink.href())}#token=${token}`,
    },
    secretKey: deps.secrets.secretKey,
    orgId: sideOrg,
  });
}
