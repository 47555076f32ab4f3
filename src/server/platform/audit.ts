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
  | 'import';

/**
 * Records an event that no table change captures (reads of person records, exports, logins) in the
 * hash-chained audit log. Creates, updates and deletes are recorded by the tables' triggers.
 */
export async function audit(
  trx: Tx,
  e: {
    action: AuditAction;
    entity: string;
    entityId?: string | null;
    orgId: string | null;
    detail?: unknown;
  },
): Promise<void> {
  await sql`select audit.append(${e.action}, ${e.entity}, ${e.entityId ?? null}, ${e.orgId}::uuid, null, null,
    ${e.detail === undefined ? null : JSON.stringify(e.detail)}::jsonb)`.execute(trx);
}
