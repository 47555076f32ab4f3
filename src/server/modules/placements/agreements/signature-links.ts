import { organisationLanguage } from '../../../../common/people/referral-rules';
import {
  SIGNATURE_LINK_DAYS,
  SIGNATURE_SIDE,
  type SignatureRole,
} from '../../../../common/placements/agreement-rules';
import { hashToken, randomToken } from '../../../platform/crypto';
import type { Tx } from '../../../platform/db/context';
import type { PlacementRow } from './access';
import { type MailDeps, mailSignatureLink } from './notify';
import * as store from './store';
import { upsertSignature } from './store-writes';

export const DAY_MS = 86_400_000;

type Parties = Pick<PlacementRow, 'id' | 'org_id' | 'host_org_id' | 'version' | 'language'>;

/**
 * The language of a signer's mails: the agreement's for the person, their organisation's region's for the
 * staff who sign. The reminders use the same rule, so a signer is never reminded in another language.
 */
export async function signerLanguage(trx: Tx, row: Parties, role: SignatureRole): Promise<'fr' | 'nl'> {
  if (role === 'person') return row.language === 'nl' ? 'nl' : 'fr';
  const org = SIGNATURE_SIDE[role] === 'host' ? row.host_org_id : row.org_id;
  return organisationLanguage((await store.findOrganisation(trx, org))?.region ?? null);
}

/** The outbox a signer's mails are kept in: that of the side the signature belongs to. */
export const signerOutbox = (row: Parties, role: SignatureRole) =>
  SIGNATURE_SIDE[role] === 'home' ? row.org_id : row.host_org_id;

/**
 * Asks one signer to sign the current version through a single-use link: only the token's hash is kept and
 * the link reaches nobody but the signer (redacted in the outbox). Replaces a pending link of the same
 * role (which stops working); false when that role has already signed. The row's audit trigger records
 * the request, without the hash.
 */
export async function issueSignatureLink(
  trx: Tx,
  deps: MailDeps,
  row: Parties,
  p: { role: SignatureRole; signerName: string; email: string; requestedBy: string },
): Promise<boolean> {
  const token = randomToken();
  const done = await upsertSignature(trx, {
    org_id: row.org_id,
    host_org_id: row.host_org_id,
    placement_id: row.id,
    version: row.version,
    role: p.role,
    signer_name: p.signerName.trim(),
    email: p.email,
    requested_by: p.requestedBy,
    token_hash: hashToken(token),
    token_expires_at: new Date(Date.now() + SIGNATURE_LINK_DAYS * DAY_MS),
  });
  if (!done) return false;
  await mailSignatureLink(trx, deps, {
    to: p.email,
    language: await signerLanguage(trx, row, p.role),
    token,
    days: SIGNATURE_LINK_DAYS,
    homeOrgId: row.org_id,
    hostOrgId: row.host_org_id,
    outboxOrgId: signerOutbox(row, p.role),
    placement: { id: row.id, version: row.version },
  });
  return true;
}
