import { resetPasswordHref } from '../../../../common/auth/links';
import type { Language } from '../../../../common/i18n/locales';
import { localized } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import type { Actor } from '../../../platform/actor';
import { actorContext } from '../../../platform/actor';
import type { Config } from '../../../platform/config';
import { hashToken, randomToken } from '../../../platform/crypto';
import { switchContext, type Tx } from '../../../platform/db/context';
import { recordEvent } from '../../../platform/events';
import { queueMail } from '../../../platform/mail';

/** Invitations last longer than a password reset: people do not always read their mail the same day. */
export const INVITATION_VALID_DAYS = 7;

/** An existing account was invited to join an organisation; payload `{ userId }` (no secret). */
export const MEMBER_INVITED = 'admin.members.invited';

/**
 * Queues the invitation of a new account: a single-use link to the password-reset page, built on the
 * password-reset tokens (same table, same confirmation, same single use), in the invitee's language.
 * Written here, not by a notification handler, because it carries the secret this use case creates.
 */
export async function inviteNewUser(
  trx: Tx,
  deps: { config: Config; secretKey: Buffer },
  actor: Actor,
  invitee: { userId: string; email: string; displayName: string; language: Language },
  org: { id: string; name_fr: string; name_nl: string },
): Promise<void> {
  const token = randomToken();
  // Reset tokens are readable and writable only by their own user: act as the invitee for this insert.
  await switchContext(trx, { userId: invitee.userId, requestId: actor.requestId });
  await trx
    .insertInto('password_resets')
    .values({
      user_id: invitee.userId,
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + INVITATION_VALID_DAYS * 86_400_000),
      purpose: 'invitation',
      org_id: org.id,
    })
    .execute();
  await switchContext(trx, actorContext(actor));
  await queueMail(trx, {
    to: invitee.email,
    language: invitee.language,
    template: 'admin.members.invitation',
    params: {
      name: invitee.displayName,
      inviter: actor.displayName,
      organisation: localized(invitee.language, org.name_fr, org.name_nl),
      days: INVITATION_VALID_DAYS,
    },
    // The link is the invitee's alone: the outbox the organisation's admins read shows it redacted.
    secretParams: { link: absolute(deps.config.publicUrl, resetPasswordHref(token)) },
    secretKey: deps.secretKey,
    orgId: org.id,
  });
}

/**
 * Records that the holder of an existing account was invited. The mail that asks them to accept is
 * written after commit by the notification handler (./notifications.ts).
 */
export async function inviteExistingAccount(
  trx: Tx,
  actor: Actor & { orgId: string },
  userId: string,
): Promise<void> {
  await recordEvent(trx, {
    type: MEMBER_INVITED,
    orgId: actor.orgId,
    actorUserId: actor.userId,
    payload: { userId },
  });
}
