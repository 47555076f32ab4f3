import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Role } from '../../../common/access/permissions';
import { isLanguage, type Language } from '../../../common/i18n/locales';
import type { Actor } from '../actor';
import type { Config } from '../config';
import { hashToken, randomToken } from '../crypto';
import { type Tx, withContext } from '../db/context';
import type { Database } from '../db/database';

export const SESSION_COOKIE = 'samen_session';

/** How often a session's last activity is written: not on every request. */
export const LAST_SEEN_REFRESH_MS = 60_000;

export async function createSession(
  trx: Tx,
  config: Config,
  s: {
    userId: string;
    orgId: string | null;
    mfaPending: boolean;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<string> {
  const token = randomToken();
  await trx
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: s.userId,
      active_org_id: s.orgId,
      csrf_token: randomToken(),
      mfa_pending: s.mfaPending,
      expires_at: new Date(Date.now() + config.sessionAbsoluteHours * 3600_000),
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export interface ResolvedSession {
  actor: Actor;
  mfaPending: boolean;
}

interface SessionActorRow {
  session_id: string;
  user_id: string;
  active_org_id: string | null;
  csrf_token: string;
  mfa_pending: boolean;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  display_name: string;
  locale: string;
  platform_admin: boolean;
  totp_enabled: boolean;
  roles: string[] | null;
  org_country: string | null;
  org_mfa_required: boolean | null;
}

/**
 * The session, its account and its active membership in one statement (migration 0070). The definer needs
 * no request context (the token's hash is its key), so it is read in a single round trip, with no
 * transaction around it (issue 15: begin, context, read, commit were four). The login role calls it with
 * the rights it inherits from samen_app, as it calls app.begin_request() before switching to samen_app.
 */
async function readSessionActor(db: Kysely<Database>, token: string) {
  return (await sql<SessionActorRow>`select * from app.session_actor(${hashToken(token)})`.execute(db))
    .rows[0];
}

/**
 * Turns a session cookie into an Actor, enforcing idle and absolute expiry. Returns null for unknown,
 * revoked or expired sessions (an expired one is revoked on the way).
 */
export async function resolveSession(
  db: Kysely<Database>,
  config: Config,
  token: string,
  requestId: string,
): Promise<ResolvedSession | null> {
  const s = await readSessionActor(db, token);
  if (!s) return null;
  const now = Date.now();
  const sinceSeen = now - new Date(s.last_seen_at).getTime();
  // last_seen_at is refreshed at most once a minute: a session ends after the idle time plus that
  // minute, never before the idle time (ending it early would cut off someone still working).
  const idle = sinceSeen > config.sessionIdleMinutes * 60_000 + LAST_SEEN_REFRESH_MS;
  const ended = idle || new Date(s.expires_at).getTime() < now;
  // A write to the session acts as its user, so RLS lets the transaction reach its own row.
  if (ended || sinceSeen > LAST_SEEN_REFRESH_MS)
    await withContext(db, { userId: s.user_id, requestId }, (trx) =>
      trx
        .updateTable('sessions')
        .set(ended ? { revoked_at: new Date() } : { last_seen_at: new Date() })
        .where('id', '=', s.session_id)
        .execute(),
    );
  if (ended) return null;
  // The active organisation counts only while its membership is active and accepted (no roles otherwise).
  const orgId = s.roles ? s.active_org_id : null;
  let roles = (s.roles ?? []) as Role[];
  const orgCountry = orgId ? (s.org_country as 'FR' | 'BE') : null;
  let mfaRequired = orgId !== null && s.org_mfa_required === true;
  // The platform administrator holds the keys to every organisation: a second factor is required in
  // production, whatever the organisations decide.
  if (s.platform_admin) {
    roles = ['platform_admin', ...roles];
    if (config.production) mfaRequired = true;
  }
  const language: Language = isLanguage(s.locale) ? s.locale : 'fr';
  return {
    mfaPending: s.mfa_pending,
    actor: {
      userId: s.user_id,
      sessionId: s.session_id,
      email: s.email,
      displayName: s.display_name,
      orgId,
      orgCountry,
      roles,
      platformAdmin: s.platform_admin,
      language,
      csrfToken: s.csrf_token,
      mfaSetupRequired: mfaRequired && !s.totp_enabled,
      requestId,
    },
  };
}

export async function revokeSession(trx: Tx, sessionId: string): Promise<void> {
  await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
}
