import { randomUUID } from 'node:crypto';
import type {
  AddMemberBody,
  AddMemberResult,
  MembersPage,
  PatchMemberBody,
} from '../../../../common/admin/members-schemas';
import type { Language } from '../../../../common/i18n/locales';
import { type Actor, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Config } from '../../../platform/config';
import type { Tx } from '../../../platform/db/context';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors';
import { inviteExistingAccount, inviteNewUser } from './invitation';
import * as store from './store';

/**
 * The actor working on one organisation's members: their current one, or, for a platform admin only,
 * any organisation named explicitly (so a platform admin can appoint the first organisation admin).
 */
export function scopeToOrg(actor: Actor, requested: string | undefined): Actor & { orgId: string } {
  if (requested && requested !== actor.orgId) {
    if (!actor.platformAdmin) throw forbidden();
    return { ...actor, orgId: requested };
  }
  if (!actor.orgId) throw badRequest('admin.members.errors.no_organisation');
  return { ...actor, orgId: actor.orgId };
}

async function organisationOf(trx: Tx, orgId: string) {
  const org = await store.getOrganisation(trx, orgId);
  if (!org) throw notFound('admin.members.errors.organisation_not_found');
  return org;
}

export async function listOrgMembers(trx: Tx, actor: Actor & { orgId: string }): Promise<MembersPage> {
  requirePermission(actor, 'member.view');
  const org = await organisationOf(trx, actor.orgId);
  return {
    organisation: { id: org.id, nameFr: org.name_fr, nameNl: org.name_nl, mfaRequired: org.mfa_required },
    members: await store.listMembers(trx, actor.orgId),
  };
}

/**
 * Invites a person to the organisation. Nobody joins an organisation without saying yes: a new account
 * gets an e-mail with a single-use link to choose a password (which accepts), written here since it
 * carries a secret; an existing account is told by the `admin.members.invited` event's handler to accept
 * after signing in. Until then the membership is pending and shows
 * only what the inviting admin typed. The answer is the same in both cases, so it reveals no account.
 */
export async function addMember(
  trx: Tx,
  deps: { config: Config; secretKey: Buffer },
  actor: Actor & { orgId: string },
  body: AddMemberBody,
): Promise<AddMemberResult> {
  requirePermission(actor, 'member.manage');
  const org = await organisationOf(trx, actor.orgId);
  const email = body.email.trim();
  const displayName = body.displayName.trim();
  if (!displayName)
    throw new AppError(400, 'errors.validation', {}, [{ path: 'displayName', code: 'validation.required' }]);
  const invited = { email, displayName, language: body.language as Language };
  const existingId = await store.accountIdByEmail(trx, email);
  if (existingId) {
    if (await store.getMembership(trx, actor.orgId, existingId))
      throw new AppError(409, 'admin.members.errors.already_member', {}, [
        { path: 'email', code: 'admin.members.errors.already_member' },
      ]);
    if (await store.insertMembership(trx, actor, existingId, body.roles, invited))
      await inviteExistingAccount(trx, actor, existingId);
    return { invited: true };
  }
  const userId = randomUUID();
  await store.insertUser(trx, { id: userId, email, displayName, language: body.language });
  await store.insertMembership(trx, actor, userId, body.roles, invited);
  await inviteNewUser(trx, deps, actor, { userId, ...invited }, org);
  return { invited: true };
}

/** Changes a member's roles, (de)activates the membership, or lifts a sign-in lock-out. */
export async function patchMember(
  trx: Tx,
  actor: Actor & { orgId: string },
  userId: string,
  body: PatchMemberBody,
): Promise<void> {
  requirePermission(actor, 'member.manage');
  const current = await store.getMembership(trx, actor.orgId, userId);
  if (!current) throw notFound('admin.members.errors.not_found');
  if (userId === actor.userId) {
    // Nobody locks themself out of administration by mistake; another admin has to do it.
    if (body.roles && current.roles.includes('org_admin') && !body.roles.includes('org_admin'))
      throw new AppError(400, 'admin.members.errors.own_admin_role', {}, [
        { path: 'roles', code: 'admin.members.errors.own_admin_role' },
      ]);
    if (body.active === false)
      throw new AppError(400, 'admin.members.errors.own_deactivation', {}, [
        { path: 'active', code: 'admin.members.errors.own_deactivation' },
      ]);
  }
  if (body.roles !== undefined || body.active !== undefined) {
    const set = {
      ...(body.roles ? { roles: body.roles } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
    };
    if (!(await store.updateMembership(trx, actor.orgId, userId, set)))
      throw notFound('admin.members.errors.not_found');
  }
  if (body.unlock) {
    await store.unlockUser(trx, userId);
    // Lock-out counters are bookkeeping the change trigger leaves out; lifting one is still a decision.
    await audit(trx, {
      action: 'override',
      entity: 'users',
      entityId: userId,
      detail: { unlock: true },
    });
  }
}

/**
 * Withdraws an invitation nobody has answered yet. An accepted membership is deactivated instead, never
 * deleted: its history stays in the audit log under a member who existed.
 */
export async function cancelInvitation(
  trx: Tx,
  actor: Actor & { orgId: string },
  userId: string,
): Promise<void> {
  requirePermission(actor, 'member.manage');
  const current = await store.getMembership(trx, actor.orgId, userId);
  if (!current) throw notFound('admin.members.errors.not_found');
  if (current.accepted_at !== null) throw new AppError(409, 'admin.members.errors.not_pending');
  await store.deletePendingMembership(trx, actor.orgId, userId);
}

/** Makes a second factor mandatory (or optional again) for every member of the organisation. */
export async function setOrganisationSecurity(
  trx: Tx,
  actor: Actor & { orgId: string },
  mfaRequired: boolean,
): Promise<void> {
  requirePermission(actor, 'organisation.security');
  // The admin who switches it on would be shut out at once without a second factor of their own.
  if (mfaRequired && !(await store.userTotpEnabled(trx, actor.userId)))
    throw new AppError(400, 'admin.members.errors.own_mfa_first', {}, [
      { path: 'mfaRequired', code: 'admin.members.errors.own_mfa_first' },
    ]);
  if (!(await store.setMfaRequired(trx, actor.orgId, mfaRequired)))
    throw notFound('admin.members.errors.organisation_not_found');
}
