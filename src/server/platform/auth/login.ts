import { sql } from 'kysely';
import { audit } from '../audit';
import type { Config } from '../config';
import { decryptField } from '../crypto';
import { CommitThenFail, switchContext, type Tx } from '../db/context';
import { AppError, unauthenticated } from '../errors';
import type { Secrets } from '../secrets';
import { verifyPassword } from './passwords';
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

const invalid = () => unauthenticated('auth.invalid_credentials');
const lockedError = (until: Date) =>
  new AppError(429, 'auth.locked', {
    minutes: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000)),
  });

/**
 * Checks e-mail and password (and the second factor when given), counts failures towards a temporary
 * lock-out, and opens a session. Runs in a 'system' transaction: nobody is signed in yet.
 */
export async function login(
  trx: Tx,
  config: Config,
  secrets: Secrets,
  input: LoginInput,
  meta: ClientMeta,
): Promise<LoginOutcome> {
  const found = await sql<{
    user_id: string;
    password_hash: string | null;
    status: string;
    locked_until: Date | null;
    totp_enabled: boolean;
  }>`select * from app.login_lookup(${input.email.trim()})`.execute(trx);
  const u = found.rows[0];
  const passwordOk = await verifyPassword(u?.password_hash ?? null, input.password);
  if (u?.status !== 'active') {
    await audit(trx, {
      action: 'login_failed',
      entity: 'user',
      orgId: null,
      detail: { reason: 'unknown', ip: meta.ip },
    });
    throw invalid();
  }
  if (u.locked_until && new Date(u.locked_until).getTime() > Date.now())
    throw lockedError(new Date(u.locked_until));
  if (!passwordOk) {
    const r = await sql<{
      locked: Date | null;
    }>`select app.login_failed(${u.user_id}, ${config.loginMaxFailures},
      ${config.loginLockMinutes}) as locked`.execute(trx);
    await audit(trx, {
      action: 'login_failed',
      entity: 'user',
      entityId: u.user_id,
      orgId: null,
      detail: { reason: 'password', ip: meta.ip },
    });
    const locked = r.rows[0]?.locked;
    // The failure must be recorded even though the request fails, so the error is returned, not thrown.
    if (locked && new Date(locked).getTime() > Date.now()) throw commitThen(lockedError(new Date(locked)));
    throw commitThen(invalid());
  }

  await switchContext(trx, { userId: u.user_id, requestId: meta.requestId });
  const membership = await trx
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.org_id')
    .select(['m.org_id'])
    .where('m.user_id', '=', u.user_id)
    .where('m.active', '=', true)
    .where('o.status', '=', 'active')
    .orderBy('m.created_at')
    .executeTakeFirst();
  const orgId = membership?.org_id ?? null;

  let mfaPending = false;
  if (u.totp_enabled) {
    if (!input.totp) mfaPending = true;
    else await checkTotp(trx, secrets, u.user_id, input.totp);
  }
  await trx
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null, ...(mfaPending ? {} : { last_login_at: new Date() }) })
    .where('id', '=', u.user_id)
    .execute();
  const token = await createSession(trx, config, {
    userId: u.user_id,
    orgId,
    mfaPending,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  if (!mfaPending)
    await audit(trx, {
      action: 'login',
      entity: 'user',
      entityId: u.user_id,
      orgId,
      detail: { ip: meta.ip },
    });
  return { status: mfaPending ? 'mfa_required' : 'ok', token };
}

/** Verifies a TOTP code for the user, refusing a code already used (replay). */
export async function checkTotp(trx: Tx, secrets: Secrets, userId: string, code: string): Promise<void> {
  const u = await trx
    .selectFrom('users')
    .select(['totp_secret_enc', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!u.totp_secret_enc) throw new AppError(400, 'auth.mfa_invalid');
  const secret = decryptField(u.totp_secret_enc, secrets.secretKey);
  const r = verifyTotp(secret, code, Date.now(), { window: 1, lastUsedStep: u.totp_last_step ?? undefined });
  if (!r.ok) {
    await audit(trx, {
      action: 'login_failed',
      entity: 'user',
      entityId: userId,
      orgId: null,
      detail: { reason: 'totp' },
    });
    throw commitThen(new AppError(400, 'auth.mfa_invalid', {}, [{ path: 'code', code: 'auth.mfa_invalid' }]));
  }
  await trx.updateTable('users').set({ totp_last_step: r.step }).where('id', '=', userId).execute();
}

/** Completes a login that waits for its second factor. */
export async function completeMfa(
  trx: Tx,
  secrets: Secrets,
  sessionId: string,
  userId: string,
  code: string,
) {
  await checkTotp(trx, secrets, userId, code);
  const s = await trx
    .updateTable('sessions')
    .set({ mfa_pending: false })
    .where('id', '=', sessionId)
    .returning('active_org_id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', userId).execute();
  await audit(trx, {
    action: 'login',
    entity: 'user',
    entityId: userId,
    orgId: s.active_org_id,
    detail: { mfa: true },
  });
}

const commitThen = (e: AppError) => new CommitThenFail(e);
