import { sql } from 'kysely';
import type {
  AuditEntry,
  AuditQuery,
  MemberView,
  OutboxItem,
  OutboxMail,
  OutboxQuery,
} from '../../../common/admin/schemas';
import type { Tx } from '../../platform/db/context';

/** SQL of the administration module. Every query runs under RLS: the policies decide whose rows show. */

// FR and BE share one civil time zone: a date filter means a day as the staff lived it.
const LOCAL_DAY = sql<string>`(l.at at time zone 'Europe/Brussels')::date`;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function auditBase(trx: Tx, q: AuditQuery) {
  let query = trx
    .selectFrom('audit.log as l')
    // users RLS shows only members of the current organisation: other actors come back as null.
    .leftJoin('users as u', 'u.id', 'l.actor_user_id');
  if (q.entity) query = query.where('l.entity', '=', q.entity);
  if (q.action) query = query.where('l.action', '=', q.action);
  if (q.entityId) query = query.where('l.entity_id', '=', q.entityId);
  if (q.from) query = query.where(LOCAL_DAY, '>=', q.from);
  if (q.to) query = query.where(LOCAL_DAY, '<=', q.to);
  const actor = q.actor?.trim();
  if (actor) {
    if (UUID_RE.test(actor)) query = query.where('l.actor_user_id', '=', actor);
    else {
      const like = `%${actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([eb(sql<string>`u.email::text`, 'ilike', like), eb('u.display_name', 'ilike', like)]),
      );
    }
  }
  return query;
}

export async function listAudit(
  trx: Tx,
  q: AuditQuery,
  page: number,
  pageSize: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const base = auditBase(trx, q);
  const count = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'l.id',
      'l.chain',
      'l.seq',
      'l.at',
      'l.org_id',
      'l.actor_user_id',
      'u.display_name',
      sql<string | null>`u.email::text`.as('email'),
      'l.action',
      'l.entity',
      'l.entity_id',
      'l.before',
      'l.after',
      'l.detail',
    ])
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: count.n,
    entries: rows.map((r) => ({
      id: Number(r.id),
      chain: r.chain,
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      orgId: r.org_id,
      actorUserId: r.actor_user_id,
      actorName: r.display_name ?? null,
      actorEmail: r.email ?? null,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before ?? null,
      after: r.after ?? null,
      detail: r.detail ?? null,
    })),
  };
}

export async function auditEntities(trx: Tx): Promise<string[]> {
  const rows = await trx.selectFrom('audit.log').select('entity').distinct().orderBy('entity').execute();
  return rows.map((r) => r.entity);
}

const outboxColumns = [
  'id',
  'org_id',
  'to_address',
  'locale',
  'template',
  'subject',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'sent_at',
] as const;

type OutboxRow = {
  id: string;
  org_id: string | null;
  to_address: string;
  locale: string;
  template: string;
  subject: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
};
const outboxItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  orgId: r.org_id,
  to: r.to_address,
  language: r.locale,
  template: r.template,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: iso(r.sent_at),
});

export async function listOutbox(
  trx: Tx,
  q: OutboxQuery,
  page: number,
  pageSize: number,
): Promise<{ items: OutboxItem[]; total: number }> {
  let base = trx.selectFrom('mail_outbox');
  if (q.status) base = base.where('status', '=', q.status);
  const count = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([...outboxColumns])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: count.n, items: rows.map(outboxItem) };
}

export async function getOutboxMail(trx: Tx, id: string): Promise<OutboxMail | null> {
  const r = await trx
    .selectFrom('mail_outbox')
    .select([...outboxColumns, 'body_text'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { ...outboxItem(r), body: r.body_text } : null;
}

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
