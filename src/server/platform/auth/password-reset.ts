import { sql } from 'kysely';
import { isLanguage } from '../../../common/i18n/locales';
import { audit } from '../audit';
import type { Config } from '../config';
import { hashToken, randomToken } from '../crypto';
import { switchContext, type Tx } from '../db/context';
import { badRequest } from '../errors';
import { queueMail } from '../mail';
import { assertStrongPassword } from './account';
import { hashPassword } from './passwords';

const RESET_VALID_MINUTES = 60;

/**
 * Sends a single-use reset link if the address belongs to an active account. The caller always answers
 * the same way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(
  trx: Tx,
  config: Config,
  delivers: boolean,
  email: string,
  requestId: string,
): Promise<void> {
  const found = await sql<{ user_id: string; status: string; locale: string }>`
    select user_id, status, locale from app.login_lookup(${email.trim()})`.execute(trx);
  const u = found.rows[0];
  if (u?.status !== 'active') return;
  await switchContext(trx, { userId: u.user_id, requestId });
  const token = randomToken();
  await trx
    .insertInto('password_resets')
    .values({
      user_id: u.user_id,
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + RESET_VALID_MINUTES * 60_000),
    })
    .execute();
  const org = await trx
    .selectFrom('memberships')
    .select('org_id')
    .where('user_id', '=', u.user_id)
    .orderBy('created_at')
    .executeTakeFirst();
  await switchContext(trx, { userId: u.user_id, orgId: org?.org_id ?? null, requestId });
  await queueMail(trx, {
    to: email.trim(),
    language: isLanguage(u.locale) ? u.locale : 'fr',
    template: 'password_reset',
    params: { link: `${config.publicUrl}/reset-password#token=${token}`, minutes: RESET_VALID_MINUTES },
    orgId: org?.org_id ?? null,
    delivers,
  });
  await audit(trx, {
    action: 'password_reset',
    entity: 'user',
    entityId: u.user_id,
    orgId: null,
    detail: { step: 'requested' },
  });
}

/** Sets a new password from a reset link; the link works once, and all open sessions end. */
export async function confirmPasswordReset(
  trx: Tx,
  token: string,
  password: string,
  requestId: string,
): Promise<void> {
  const r = await sql<{
    user_id: string | null;
  }>`select app.reset_token_user(${hashToken(token)}) as user_id`.execute(trx);
  const userId = r.rows[0]?.user_id;
  if (!userId) throw badRequest('auth.reset_invalid');
  await switchContext(trx, { userId, requestId });
  await assertStrongPassword(trx, userId, password, 'password');
  await trx
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(token))
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
  await audit(trx, {
    action: 'password_reset',
    entity: 'user',
    entityId: userId,
    orgId: null,
    detail: { step: 'done' },
  });
}
