import { sql } from 'kysely';
import type { MemberView } from '../../../../common/admin/members-schemas';
import type { Tx } from '../../../platform/db/context';

/** SQL of members and invitations. Every query runs under RLS: the policies decide whose rows show. */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function getOrganisation(trx: Tx, orgId: string) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'mfa_required'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}

export async function listMembers(trx: Tx, orgId: string): Promise<MemberView[]> {
  // A pending invitation shows what the organisation typed; the account behind it (users RLS hides it
  // until the holder accepts) stays out of sight: neither its second factor, lock nor last sign-in.
  const rows = await trx
    .selectFrom('memberships as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.user_id',
      sql<string | null>`u.email::text`.as('email'),
      'u.display_name',
      'u.locale',
      'm.invited_email',
      'm.invited_name',
      'm.invited_locale',
      'm.accepted_at',
      'm.roles',
      'm.active',
      'u.totp_enabled',
      'u.locked_until',
      'u.last_login_at',
    ])
    .where('m.org_id', '=', orgId)
    .orderBy('m.active', 'desc')
    .orderBy(sql`coalesce(u.display_name, m.invited_name)`)
    .execute();
  const now = Date.now();
  return rows.map((r) => {
    const pending = r.accepted_at === null || r.email === null;
    return {
      userId: r.user_id,
      email: (pending ? r.invited_email : r.email) ?? '',
      displayName: (pending ? r.invited_name : r.display_name) ?? '',
      language: (pending ? r.invited_locale : r.locale) ?? 'fr',
      roles: r.roles,
      active: r.active,
      pending,
      totpEnabled: !pending && r.totp_enabled === true,
      // A lock that has run out is no lock: show only the ones still in force.
      lockedUntil:
        !pending && r.locked_until && new Date(r.locked_until).getTime() > now ? iso(r.locked_until) : null,
      lastLoginAt: pending ? null : iso(r.last_login_at),
    };
  });
}

export async function getMembership(trx: Tx, orgId: string, userId: string) {
  return trx
    .selectFrom('memberships')
    .select(['roles', 'active', 'accepted_at'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * An invitation still waiting for its holder's answer: the address and language the organisation typed,
 * and who invited (visible to the inviting admin, as whom the notification runs).
 */
export async function pendingInvitation(trx: Tx, orgId: string, userId: string) {
  const r = await trx
    .selectFrom('memberships as m')
    .leftJoin('users as u', 'u.id', 'm.invited_by')
    .select(['m.invited_email', 'm.invited_locale', 'u.display_name'])
    .where('m.org_id', '=', orgId)
    .where('m.user_id', '=', userId)
    .where('m.accepted_at', 'is', null)
    .executeTakeFirst();
  return r ? { email: r.invited_email, language: r.invited_locale, inviterName: r.display_name } : null;
}

/** Whether an address has an account, across organisations (users RLS would hide other members). */
export async function accountIdByEmail(trx: Tx, email: string): Promise<string | null> {
  const r = await sql<{ id: string | null }>`select app.account_by_email(${email}) as id`.execute(trx);
  return r.rows[0]?.id ?? null;
}

export async function insertUser(
  trx: Tx,
  u: { id: string; email: string; displayName: string; language: string },
): Promise<void> {
  // No RETURNING: the new user is not visible to the inserting admin until the membership exists.
  await trx
    .insertInto('users')
    .values({ id: u.id, email: u.email, display_name: u.displayName, locale: u.language })
    .execute();
}

/** A membership as an invitation: the database keeps it pending until the holder accepts. */
export async function insertMembership(
  trx: Tx,
  actor: { userId: string; orgId: string },
  userId: string,
  roles: string[],
  invited: { email: string; displayName: string; language: string },
): Promise<boolean> {
  // No row back when the database drops the invitation (a platform administrator joins no organisation).
  const row = await trx
    .insertInto('memberships')
    .values({
      org_id: actor.orgId,
      user_id: userId,
      roles,
      invited_by: actor.userId,
      invited_email: invited.email,
      invited_name: invited.displayName,
      invited_locale: invited.language,
    })
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deletePendingMembership(trx: Tx, orgId: string, userId: string): Promise<void> {
  await trx
    .deleteFrom('memberships')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('accepted_at', 'is', null)
    .execute();
}

export async function updateMembership(
  trx: Tx,
  orgId: string,
  userId: string,
  set: { roles?: string[]; active?: boolean },
): Promise<boolean> {
  const r = await trx
    .updateTable('memberships')
    .set({ ...set, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function unlockUser(trx: Tx, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ locked_until: null, failed_login_count: 0 })
    .where('id', '=', userId)
    .execute();
}

export async function setMfaRequired(trx: Tx, orgId: string, required: boolean): Promise<boolean> {
  const r = await trx
    .updateTable('organisations')
    .set({ mfa_required: required, updated_at: new Date() })
    .where('id', '=', orgId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function userTotpEnabled(trx: Tx, userId: string): Promise<boolean> {
  const r = await trx.selectFrom('users').select('totp_enabled').where('id', '=', userId).executeTakeFirst();
  return r?.totp_enabled ?? false;
}
