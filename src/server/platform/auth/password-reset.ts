import { sql } from 'kysely';
import { resetPasswordHref } from '../../../common/auth/links';
import { isLanguage } from '../../../common/i18n/locales';
import { absolute } from '../../../common/kernel/links';
import { audit } from '../audit';
import type { Config } from '../config';
import { hashToken, randomToken } from '../crypto';
import { switchContext, type Tx } from '../db/context';
import { badRequest } from '../errors';
import { enqueue } from '../jobs';
import { queueMail } from '../mail';
import { assertStrongPassword } from './account';
import { hashPassword } from './passwords';

const RESET_VALID_MINUTES = 60;
/** Per account: at most this many links an hour, and not two within a minute. */
const RESETS_PER_HOUR = 3;
const RESET_MIN_INTERVAL_MS = 60_000;

export const RESET_REQUEST_QUEUE = 'auth.reset_request';

/**
 * Takes a reset request: whatever the address, the same row is queued and the same answer given, in the
 * same time, so the form reveals neither who has an account nor how many links were sent.
 */
export async function acceptPasswordResetRequest(trx: Tx, email: string): Promise<void> {
  await enqueue(trx, RESET_REQUEST_QUEUE, { email: email.trim() });
}

/**
 * The job behind a request: a single-use link, mailed to the account's own address (never filed under an
 * organisation), if the address has an active account and it has not had too many links lately.
 * Runs in a 'system' transaction.
 */
export async function issuePasswordReset(
  trx: Tx,
  deps: { config: Config; secretKey: Buffer },
  email: string,
): Promise<void> {
  const found = await sql<{ user_id: string; locale: string }>`
    select user_id, locale from app.account_for_reset(${email})`.execute(trx);
  const u = found.rows[0];
  if (!u) return;
  await switchContext(trx, { userId: u.user_id });
  const recent = await trx
    .selectFrom('password_resets')
    .select(['created_at'])
    .where('user_id', '=', u.user_id)
    .where('purpose', '=', 'reset')
    .where('created_at', '>', new Date(Date.now() - 3600_000))
    .orderBy('created_at', 'desc')
    .execute();
  const last = recent[0] ? new Date(recent[0].created_at).getTime() : 0;
  if (recent.length >= RESETS_PER_HOUR || Date.now() - last < RESET_MIN_INTERVAL_MS) {
    await audit(trx, {
      action: 'password_reset',
      entity: 'user',
      entityId: u.user_id,
      detail: { step: 'throttled' },
    });
    return;
  }
  const token = randomToken();
  await trx
    .insertInto('password_resets')
    .values({
      user_id: u.user_id,
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + RESET_VALID_MINUTES * 60_000),
    })
    .execute();
  await queueMail(trx, {
    to: email,
    language: isLanguage(u.locale) ? u.locale : 'fr',
    template: 'password_reset',
    params: { minutes: RESET_VALID_MINUTES },
    secretParams: { link: absolute(deps.config.publicUrl, resetPasswordHref(token)) },
    secretKey: deps.secretKey,
    orgId: null,
  });
  await audit(trx, {
    action: 'password_reset',
    entity: 'user',
    entityId: u.user_id,
    detail: { step: 'requested' },
  });
}

/**
 * Sets a new password from a reset or invitation link. The link works once; every other link of the
 * account stops working too, and all open sessions end. An invitation's link also accepts the inviting
 * organisation's membership: choosing a password there is the holder's yes.
 */
export async function confirmPasswordReset(
  trx: Tx,
  token: string,
  password: string,
  requestId: string,
): Promise<void> {
  const r = await sql<{ user_id: string; purpose: 'reset' | 'invitation'; org_id: string | null }>`
    select user_id, purpose, org_id from app.reset_token(${hashToken(token)})`.execute(trx);
  const link = r.rows[0];
  if (!link) throw badRequest('auth.reset_invalid');
  const userId = link.user_id;
  await switchContext(trx, { userId, requestId });
  await assertStrongPassword(trx, userId, password, 'password');
  await trx
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password),
      password_changed_at: new Date(),
      failed_login_count: 0,
      locked_until: null,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute();
  await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).execute();
  if (link.purpose === 'invitation' && link.org_id)
    await sql`select app.accept_invitation(${link.org_id}::uuid)`.execute(trx);
  await audit(trx, {
    action: 'password_reset',
    entity: 'user',
    entityId: userId,
    detail: { step: 'done', purpose: link.purpose },
  });
}
