import { sql } from 'kysely';
import { PERMISSIONS } from '../../../../common/access/permissions';
import type { SignatureInvitations } from '../../../../common/placements/agreement-schemas';
import { signingBlockers } from '../../../../common/placements/agreement-workflow';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { NotificationHandler } from '../../../platform/module';
import type { PlacementRow } from './access';
import { agreementEvent, agreementPayload } from './events';
import { loadFacts } from './facts';
import type { MailDeps } from './notify';
import { issueSignatureLink } from './signature-links';
import * as store from './store';

/**
 * Issue 9, item 3: sending for signature asks every signatory at once. The home centre's own signatories
 * (the person, its referent) get their link now, in the sending transaction, each at the address the
 * sender confirmed; one the sender left out signs in person (the existing "signed in person" record).
 */
export async function inviteHomeSignatories(
  trx: Tx,
  deps: MailDeps,
  actor: Actor,
  row: Pick<PlacementRow, 'id' | 'org_id' | 'host_org_id' | 'version' | 'language'>,
  invitations: SignatureInvitations,
): Promise<void> {
  for (const role of ['person', 'home_referent'] as const) {
    const invite = invitations[role];
    if (!invite) continue;
    await issueSignatureLink(trx, deps, row, {
      role,
      signerName: invite.signerName,
      email: invite.email.trim(),
      requestedBy: actor.userId,
    });
  }
}

/** The event payload's mark that the sender asked for the host's representative to be invited too. */
export const INVITE_HOST = 'inviteHost';

const VALIDATOR_ROLES = PERMISSIONS['placement.host_validate'] as readonly string[];

/** The host's staff who may sign for it (its coordinators and organisation admins), read as the host. */
async function hostSignatories(trx: Tx, hostOrgId: string) {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.display_name'])
    .where('m.org_id', '=', hostOrgId)
    .where('m.active', '=', true)
    .where('m.accepted_at', 'is not', null)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`m.roles && ${sql.val([...VALIDATOR_ROLES])}::text[]`)
    .orderBy('u.email')
    .execute();
}

/**
 * The host's half of "invite everyone at once". The home centre neither sees the host's staff nor may
 * choose who signs for the host, so this runs after the sending committed, acting for the host: when the
 * platform knows exactly one person who signs for it, that person gets their link at their account's
 * address. With none or several, or once the host asked someone itself, nothing is sent: the host's
 * dashboard ("signature of your organisation") and its "to sign" mail ask it to choose.
 */
export const hostSignatoryInvitation: NotificationHandler = {
  event: agreementEvent('send_for_signature'),
  actsFor: (event) => agreementPayload(event)?.hostOrgId ?? null,
  async handle(trx, deps, event) {
    const p = agreementPayload(event);
    if (!p || event.payload[INVITE_HOST] !== true || !event.actorUserId) return;
    const row = await store.lockPlacement(trx, p.placementId);
    if (!row || row.status !== 'awaiting_signatures') return;
    const asked = await trx
      .selectFrom('placement_signatures')
      .select('id')
      .where('placement_id', '=', row.id)
      .where('version', '=', row.version)
      .where('role', '=', 'host_representative')
      .executeTakeFirst();
    if (asked) return;
    if (signingBlockers((await loadFacts(trx, row, 'host')).guards).length) return;
    const signers = await hostSignatories(trx, row.host_org_id);
    const [signer] = signers;
    // A name the signature line cannot hold (under 2 characters) is left for the host to choose.
    if (signers.length !== 1 || !signer || signer.display_name.trim().length < 2) return;
    await issueSignatureLink(trx, { config: deps.config, secretKey: deps.secrets.secretKey }, row, {
      role: 'host_representative',
      signerName: signer.display_name,
      email: signer.email,
      // The home centre's staff member who sent it asked for it.
      requestedBy: event.actorUserId,
    });
  },
};
