import { sql } from 'kysely';
import type { SessionView } from '../../../common/auth/schemas';
import { checkPassword } from '../../../common/security/password-strength';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { switchContext, type Tx } from '../db/context';
import { AppError, badRequest, notFound, validationFailed } from '../errors';
import { isOwnPassword } from './own-credentials';
import { hashPassword } from './passwords';

/** What the web app needs to know about the signed-in user, their organisations and roles. */
export async function sessionView(trx: Tx, actor: Actor, idleMinutes: number): Promise<SessionView> {
  const user = await trx
    .selectFrom('users')
    .select(['totp_enabled'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  const memberships = await trx
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.org_id')
    .select(['m.org_id', 'o.name_fr', 'o.name_nl', 'o.region', 'm.roles', 'm.accepted_at'])
    .where('m.user_id', '=', actor.userId)
    .where('m.active', '=', true)
    .where('o.status', '=', 'active')
    .orderBy('o.name_fr')
    .execute();
  const view = (m: (typeof memberships)[number]) => ({
    orgId: m.org_id,
    nameFr: m.name_fr,
    nameNl: m.name_nl,
    region: m.region,
    roles: m.roles,
  });
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      language: actor.language,
      platformAdmin: actor.platformAdmin,
      totpEnabled: user.totp_enabled,
    },
    activeOrgId: actor.orgId,
    roles: actor.roles,
    memberships: memberships.filter((m) => m.accepted_at !== null).map(view),
    // Organisations that invited this account: nothing changes until the holder accepts.
    invitations: memberships.filter((m) => m.accepted_at === null).map(view),
    csrfToken: actor.csrfToken,
    mfaSetupRequired: actor.mfaSetupRequired,
    idleMinutes,
  };
}

/** Rejects a weak password with the reasons, translated by the caller. */
export async function assertStrongPassword(
  trx: Tx,
  userId: string,
  password: string,
  field: string,
): Promise<void> {
  const u = await trx
    .selectFrom('users')
    .select(['email', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const orgs = await trx
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.org_id')
    .select(['o.name_fr', 'o.name_nl'])
    .where('m.user_id', '=', userId)
    .execute();
  const result = checkPassword(password, {
    email: u?.email,
    displayName: u?.display_name,
    orgNames: orgs.flatMap((o) => [o.name_fr, o.name_nl]),
  });
  if (!result.ok)
    throw validationFailed(result.problems.map((p) => ({ path: field, code: `auth.password.${p}` })));
}

export async function changePassword(
  trx: Tx,
  actor: Actor,
  body: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!(await isOwnPassword(trx, body.currentPassword)))
    throw new AppError(400, 'auth.current_password_wrong', {}, [
      { path: 'currentPassword', code: 'auth.current_password_wrong' },
    ]);
  // The current password verified, so it is the one in use: "changing" to it would change nothing.
  if (body.newPassword === body.currentPassword)
    throw validationFailed([{ path: 'newPassword', code: 'auth.password.same_as_current' }]);
  await assertStrongPassword(trx, actor.userId, body.newPassword, 'newPassword');
  await trx
    .updateTable('users')
    .set({
      password_hash: await hashPassword(body.newPassword),
      password_changed_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', actor.userId)
    .execute();
  // Other sessions of this user end: a changed password must lock out whoever knew the old one.
  await trx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', actor.userId)
    .where('id', '<>', actor.sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function updatePreferences(
  trx: Tx,
  actor: Actor,
  body: { language?: string; displayName?: string },
): Promise<void> {
  if (body.displayName !== undefined && !body.displayName.trim())
    throw validationFailed([{ path: 'displayName', code: 'validation.required' }]);
  await trx
    .updateTable('users')
    .set({
      ...(body.language ? { locale: body.language } : {}),
      ...(body.displayName ? { display_name: body.displayName.trim() } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', actor.userId)
    .execute();
}

export async function switchOrganisation(trx: Tx, actor: Actor, orgId: string): Promise<void> {
  const m = await trx
    .selectFrom('memberships')
    .select('org_id')
    .where('user_id', '=', actor.userId)
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .where('accepted_at', 'is not', null)
    .executeTakeFirst();
  if (!m) throw badRequest('auth.not_a_member');
  await trx.updateTable('sessions').set({ active_org_id: orgId }).where('id', '=', actor.sessionId).execute();
  await switchContext(trx, {
    userId: actor.userId,
    orgId,
    platformAdmin: actor.platformAdmin,
    requestId: actor.requestId,
  });
  await audit(trx, {
    action: 'login',
    entity: 'session',
    entityId: actor.sessionId,
    detail: { switch: true },
  });
}

/** The holder's answer to an invitation to join an organisation (migration 0008: only they can give it). */
export async function answerInvitation(
  trx: Tx,
  actor: Actor,
  orgId: string,
  answer: 'accept' | 'decline',
): Promise<void> {
  const r = await sql<{ ok: boolean }>`select ${sql.raw(
    answer === 'accept' ? 'app.accept_invitation' : 'app.decline_invitation',
  )}(${orgId}::uuid) as ok`.execute(trx);
  // The membership's change trigger records the answer in the inviting organisation's audit chain.
  if (!r.rows[0]?.ok) throw notFound('auth.invitation_not_found');
}
