import { sql } from 'kysely';
import type { AuditEntry, AuditQuery } from '../../../../common/admin/audit-schemas';
import { likeAnywhere } from '../../../../common/kernel/schemas';
import type { Tx } from '../../../platform/db/context';

/** SQL of the audit log. RLS decides whose chains show. */

// FR and BE share one civil time zone: a date filter means a day as the staff lived it.
const LOCAL_DAY = sql<string>`(l.at at time zone 'Europe/Brussels')::date`;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function auditBase(trx: Tx, q: AuditQuery) {
  let query = trx
    .selectFrom('audit.log as l')
    // users RLS shows only members of the current organisation: other actors come back as null.
    .leftJoin('users as u', 'u.id', 'l.actor_user_id')
    // The acting organisation is partner-directory data every member reads.
    .leftJoin('organisations as ao', 'ao.id', 'l.actor_org_id');
  if (q.entity) query = query.where('l.entity', '=', q.entity);
  if (q.action) query = query.where('l.action', '=', q.action);
  if (q.entityId) query = query.where('l.entity_id', '=', q.entityId);
  if (q.from) query = query.where(LOCAL_DAY, '>=', q.from);
  if (q.to) query = query.where(LOCAL_DAY, '<=', q.to);
  const actor = q.actor?.trim();
  if (actor) {
    if (UUID_RE.test(actor)) query = query.where('l.actor_user_id', '=', actor);
    else {
      const like = likeAnywhere(actor);
      query = query.where((eb) =>
        eb.or([
          eb(sql<string>`u.email::text`, 'ilike', like),
          eb('u.display_name', 'ilike', like),
          // A partner's staff are not named to the reader, their organisation is: "who read our file at X?"
          eb('ao.name_fr', 'ilike', like),
          eb('ao.name_nl', 'ilike', like),
          eb('ao.short_name', 'ilike', like),
        ]),
      );
    }
  }
  return query;
}

/** One row of the log with the actor as the reader may know them; labels are added by the use case. */
export type AuditRow = Omit<AuditEntry, 'actorRoles' | 'actorPlatformAdmin' | 'subject' | 'subjects'> & {
  actorOrgNameFr: string | null;
  actorOrgNameNl: string | null;
};

export async function listAudit(
  trx: Tx,
  q: AuditQuery,
  page: number,
  pageSize: number,
): Promise<{ items: AuditRow[]; total: number }> {
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
      'l.actor_org_id',
      'ao.name_fr as actor_org_name_fr',
      'ao.name_nl as actor_org_name_nl',
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
    items: rows.map((r) => ({
      id: Number(r.id),
      chain: r.chain,
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      orgId: r.org_id,
      actorUserId: r.actor_user_id,
      actorName: r.display_name ?? null,
      actorEmail: r.email ?? null,
      actorOrgId: r.actor_org_id,
      actorOrgName: null,
      actorOrgNameFr: r.actor_org_name_fr ?? null,
      actorOrgNameNl: r.actor_org_name_nl ?? null,
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

/**
 * The roles of the entries' actors in the organisation they acted for, and whether they are platform
 * administrators, through audit.entry_actors(): it answers for the entries the reader's RLS shows only.
 */
export async function entryActors(
  trx: Tx,
  ids: readonly number[],
): Promise<Map<number, { roles: string[]; platformAdmin: boolean }>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: string | number; roles: string[] | null; platform_admin: boolean }>`
    select id, roles, platform_admin from audit.entry_actors(${[...ids]}::bigint[])`.execute(trx);
  return new Map(
    r.rows.map((x) => [Number(x.id), { roles: x.roles ?? [], platformAdmin: x.platform_admin }]),
  );
}
