import { sql } from 'kysely';
import type { Tx } from './db/context';

export type AuditAction =
  | 'read'
  | 'export'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_reset'
  | 'mfa_enabled'
  | 'mfa_disabled'
  | 'override'
  | 'import'
  | 'lookup';

/**
 * Records an event that no table change captures (reads of person records, exports, logins) in the
 * hash-chained audit log. Creates, updates and deletes are recorded by the tables' triggers.
 *
 * The entry goes to the chain of the transaction's organisation (the platform chain when it has none):
 * the database takes it from the verified request context, so no caller can write into another
 * organisation's chain.
 */
export async function audit(
  trx: Tx,
  e: {
    action: AuditAction;
    entity: string;
    entityId?: string | null;
    detail?: unknown;
  },
): Promise<void> {
  await sql`select audit.record(${e.action}, ${e.entity}, ${e.entityId ?? null},
    ${e.detail === undefined ? null : JSON.stringify(e.detail)}::jsonb)`.execute(trx);
}

/**
 * One entry for a list or a page that shows several records of persons: it names every record shown,
 * so the data controller can tell who saw whom without one entry per row.
 */
export async function auditListRead(
  trx: Tx,
  e: { entity: string; ids: readonly string[]; detail?: Record<string, unknown> },
): Promise<void> {
  if (e.ids.length === 0) return;
  await audit(trx, {
    action: 'read',
    entity: e.entity,
    entityId: e.ids.length === 1 ? e.ids[0] : null,
    detail: { ...e.detail, ids: e.ids, count: e.ids.length },
  });
}

/**
 * A read of persons' records, written to each person's HOME organisation's chain (whoever reads: the
 * home centre itself, a host through a placement, a recipient through a grant), naming the reading
 * organisation and user. The database checks that the caller may see each person; ids it may not see
 * are ignored. One entry per home organisation, however many persons a list shows.
 */
export async function auditPersonRead(
  trx: Tx,
  e: { personIds: readonly string[]; what: string; detail?: Record<string, unknown> },
): Promise<void> {
  const ids = [...new Set(e.personIds)];
  if (ids.length === 0) return;
  await sql`select audit.person_read(${ids}::uuid[], ${e.what}, ${JSON.stringify(e.detail ?? {})}::jsonb)`.execute(
    trx,
  );
}
