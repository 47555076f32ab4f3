import { sql } from 'kysely';
import { forgotPasswordLink } from '../../../common/auth/links';
import { isLanguage } from '../../../common/i18n/locales';
import { absolute } from '../../../common/kernel/links';
import { audit } from '../audit';
import type { Config } from '../config';
import { decryptField } from '../crypto';
import { CommitThenFail, switchContext, type Tx } from '../db/context';
import { AppError, unauthenticated } from '../errors';
import { queueMail } from '../mail';
import { platformKeys, type Secrets } from '../secrets';
import { ownTotp } from './own-credentials';
import { hashWithSalt } from './passwords';
import { createSession } from './sessions';
import { verifyTotp } from './totp';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
}
export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export type LoginOutcome = { status: 'ok'; token: string } | { status: 'mfa_required'; token: string };

// One answer for an unknown address, a wrong password and a locked account: the form never tells which.
// The holder of a locked account learns it by e-mail.
const invalid = () => unauthenticated('auth.invalid_credentials_or_locked');
const commitThen = (e: AppError) => new CommitThenFail(e);

interface Attempt {
  outcome: 'ok' | 'invalid' | 'locked';
  user_id: string | null;
  totp_enabled: boolean;
  locale: string | null;
  locked_now: boolean;
}

/**
 * Checks e-mail and password (and the second factor when given) and opens a session. The database
 * decides: it hands out the salt of the stored hash, compares the hash computed here, and counts
 * failures toward the lock-out with the platform's settings. Runs in a 'system' transaction (nobody is
 * signed in yet); a failure commits its counter and audit entry before the error is returned.
 */
export async function login(
  trx: Tx,
  config: Config,
  secrets: Secrets,
  input: LoginInput,
  meta: ClientMeta,
): Promise<LoginOutcome> {
  const email = input.email.trim();
  const salt = await sql<{ s: string }>`select app.login_salt(${email}) as s`.execute(trx);
  // The same work whether the account exists or not: the salt of an unknown address is derived from it.
  const candidate = (await hashWithSalt(salt.rows[0]?.s ?? '', input.password)) ?? '';
  const attempt = (await sql<Attempt>`select * from app.login_attempt(${email}, ${candidate})`.execute(trx))
    .rows[0];
  if (!attempt || attempt.outcome !== 'ok' || !attempt.user_id) {
    await audit(trx, {
      action: 'login_failed',
      entity: 'user',
      entityId: attempt?.user_id ?? null,
      detail: {
        reason: !attempt?.user_id ? 'unknown' : attempt.outcome === 'locked' ? 'locked' : 'password',
        ip: meta.ip,
      },
    });
    if (attempt?.locked_now && attempt.user_id) await mailLocked(trx, config, email, attempt.locale);
    throw commitThen(invalid());
  }
  const userId = attempt.user_id;

  await switchContext(trx, { userId, requestId: meta.requestId });
  const membership = await trx
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.org_id')
    .select(['m.org_id'])
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .where('m.accepted_at', 'is not', null)
    .where('o.status', '=', 'active')
    .orderBy('m.created_at')
    .executeTakeFirst();
  const orgId = membership?.org_id ?? null;

  let mfaPending = false;
  if (attempt.totp_enabled) {
    if (!input.totp) mfaPending = true;
    else await checkTotp(trx, secrets, input.totp, { countFailure: true, config, email });
  }
  if (!mfaPending)
    // Fully signed in: the failures counted so far (passwords and codes) are forgiven.
    await trx
      .updateTable('users')
      .set({ last_login_at: new Date(), failed_login_count: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  const token = await createSession(trx, config, {
    userId,
    orgId,
    mfaPending,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  if (!mfaPending) {
    await switchContext(trx, { userId, orgId, requestId: meta.requestId });
    await audit(trx, { action: 'login', entity: 'user', entityId: userId, detail: { ip: meta.ip } });
  }
  return { status: mfaPending ? 'mfa_required' : 'ok', token };
}

/** Tells the holder that their account is locked, and how to get back in (no link: they ask for one). */
async function mailLocked(trx: Tx, config: Config, email: string, locale: string | null) {
  await queueMail(trx, {
    to: email,
    language: isLanguage(locale) ? locale : 'fr',
    template: 'account_locked',
    params: { minutes: config.loginLockMinutes, url: absolute(config.publicUrl, forgotPasswordLink.href()) },
    orgId: null,
  });
}

/**
 * Verifies a TOTP code of the transaction's user (whose context is set), refusing a code already used
 * (replay). At sign-in a wrong code counts toward the lock-out like a wrong password, and a locked
 * account accepts no code at all.
 */
export async function checkTotp(
  trx: Tx,
  secrets: Secrets,
  code: string,
  signIn?: { countFailure: true; config: Config; email: string },
): Promise<void> {
  const refuse = () =>
    commitThen(new AppError(400, 'auth.mfa_invalid', {}, [{ path: 'code', code: 'auth.mfa_invalid' }]));
  const own = await ownTotp(trx);
  if (!own.secretEnc) throw new AppError(400, 'auth.mfa_invalid');
  if (signIn) {
    const locked = await sql<{ l: boolean }>`select app.current_user_locked() as l`.execute(trx);
    if (locked.rows[0]?.l) {
      await audit(trx, {
        action: 'login_failed',
        entity: 'user',
        detail: { reason: 'locked', step: 'totp' },
      });
      throw refuse();
    }
  }
  const secret = decryptField(own.secretEnc, platformKeys(secrets));
  const r = verifyTotp(secret, code, Date.now(), { window: 1, lastUsedStep: own.lastStep ?? undefined });
  if (!r.ok) {
    await audit(trx, { action: 'login_failed', entity: 'user', detail: { reason: 'totp' } });
    if (signIn) {
      const locked = await sql<{ l: boolean }>`select app.second_factor_failed() as l`.execute(trx);
      if (locked.rows[0]?.l) {
        const u = await trx
          .selectFrom('users')
          .select('locale')
          .where('id', '=', sql<string>`app.current_user_id()`)
          .executeTakeFirst();
        await mailLocked(trx, signIn.config, signIn.email, u?.locale ?? null);
      }
    }
    throw refuse();
  }
  await trx
    .updateTable('users')
    .set({ totp_last_step: r.step })
    .where('id', '=', sql<string>`app.current_user_id()`)
    .execute();
}

/**
 * Completes a login that waits for its second factor. Runs as the session's user, no organisation yet.
 * Returns the token of a new session: the one issued before the second factor (its cookie set before
 * sign-in was complete) is revoked, so a token known before sign-in never becomes a signed-in one.
 */
export async function completeMfa(
  trx: Tx,
  config: Config,
  secrets: Secrets,
  session: { sessionId: string; userId: string; email: string; requestId: string },
  code: string,
): Promise<string> {
  await checkTotp(trx, secrets, code, { countFailure: true, config, email: session.email });
  const s = await trx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('id', '=', session.sessionId)
    .where('mfa_pending', '=', true)
    .returning(['active_org_id', 'ip', 'user_agent'])
    .executeTakeFirstOrThrow();
  const token = await createSession(trx, config, {
    userId: session.userId,
    orgId: s.active_org_id,
    mfaPending: false,
    ip: s.ip,
    userAgent: s.user_agent,
  });
  await trx
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', session.userId)
    .execute();
  await switchContext(trx, { userId: session.userId, orgId: s.active_org_id, requestId: session.requestId });
  await audit(trx, { action: 'login', entity: 'user', entityId: session.userId, detail: { mfa: true } });
  return token;
}
