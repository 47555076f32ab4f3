import { type Language, localized } from '../../../../common/i18n/locales';
import { organisationLanguage } from '../../../../common/people/referral-rules';
import { SIGNATURE_LINK_DAYS, SIGNATURE_SIDE } from '../../../../common/placements/agreement-rules';
import type {
  PlacementView,
  SignatureBody,
  SignatureLinkView,
} from '../../../../common/placements/agreement-schemas';
import { type GuardFacts, signingBlockers } from '../../../../common/placements/agreement-workflow';
import { type Actor, actorCan } from '../../../platform/actor';
import { hashToken, randomToken } from '../../../platform/crypto';
import type { Tx } from '../../../platform/db/context';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { findPlacement, placementForActor } from './access';
import { loadFacts } from './facts';
import { type MailDeps, mailSignatureLink } from './notify';
import * as store from './store';
import { upsertSignature } from './store-writes';
import { loadView } from './view';

const DAY_MS = 86_400_000;

/**
 * No signature is asked for or collected on an agreement that could no longer be validated as it stands
 * (start past, duration, overlap, programme): 409 naming the reasons, also as `guards.<guard>` fields.
 */
function refuseBlockedSigning(language: Language, guards: GuardFacts): void {
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
  const token = randomToken();
  const done = await upsertSignature(trx, {
    ...common,
    token_hash: hashToken(token),
    token_expires_at: new Date(Date.now() + SIGNATURE_LINK_DAYS * DAY_MS),
  });
  if (!done) throw conflict('placements.agreements.errors.already_signed');
  const signerOrg = body.role === 'host_representative' ? row.host_org_id : row.org_id;
  const language =
    body.role === 'person'
      ? (row.language as 'fr' | 'nl')
      : organisationLanguage((await store.findOrganisation(trx, signerOrg))?.region ?? null);
  await mailSignatureLink(trx, deps, {
    to: email,
    language,
    token,
    days: SIGNATURE_LINK_DAYS,
    homeOrgId: row.org_id,
    hostOrgId: row.host_org_id,
    outboxOrgId: side === 'home' ? row.org_id : row.host_org_id,
  });
  return loadView(trx, actor, row.id);
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

/** What the holder of a link signs (no session). Unknown, used, expired or outdated links are all 404. */
export async function lookupSignature(trx: Tx, token: string): Promise<SignatureLinkView> {
  const v = await store.signatureByToken(trx, hashToken(token));
  if (!v) throw notFound('placements.agreements.errors.link_invalid');
  const language = v.language === 'nl' ? 'nl' : 'fr';
  return {
    role: v.role as SignatureLinkView['role'],
    signerName: str(v.signerName),
    language,
    personName: `${str(v.personFirstName)} ${str(v.personLastName)}`.trim(),
    homeOrgName: localized(language, strOrNull(v.homeOrgNameFr), strOrNull(v.homeOrgNameNl)),
    hostOrgName: localized(language, strOrNull(v.hostOrgNameFr), strOrNull(v.hostOrgNameNl)),
    siteName: str(v.siteName),
    municipalityCode: str(v.municipalityCode),
    tasks: strOrNull(v.tasks),
    schedule: strOrNull(v.schedule),
    hoursPerWeek: v.hoursPerWeek === null || v.hoursPerWeek === undefined ? null : Number(v.hoursPerWeek),
    startsOn: str(v.startsOn),
    endsOn: str(v.endsOn),
  };
}

/**
 * Signs through the link, once; the change is audited by the signatures table's trigger. The link is the
 * signer's only credential: the agreement is read (to check that it can still be validated) only once the
 * token has opened it, which is why this runs in the system scope (a pre-authentication flow).
 */
export async function signWithToken(trx: Tx, token: string, language: Language): Promise<void> {
  const hash = hashToken(token);
  const link = await store.signatureByToken(trx, hash);
  const row = typeof link?.placementId === 'string' ? await findPlacement(trx, link.placementId) : undefined;
  if (!row) throw notFound('placements.agreements.errors.link_invalid');
  refuseBlockedSigning(language, (await loadFacts(trx, row, 'home')).guards);
  const r = await store.signWithToken(trx, hash);
  if (!r) throw notFound('placements.agreements.errors.link_invalid');
}
