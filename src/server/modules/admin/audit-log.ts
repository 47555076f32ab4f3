import { type AuditPage, type AuditQuery, PAGE_SIZE } from '../../../common/admin/schemas';
import { type Actor, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { validationFailed } from '../../platform/errors';
import { auditEntities, listAudit } from './store';

/**
 * The audit log as the actor may see it: RLS limits an organisation admin to their organisation's
 * chain and opens every chain to a platform admin.
 */
export async function readAuditLog(trx: Tx, actor: Actor, q: AuditQuery): Promise<AuditPage> {
  requirePermission(actor, 'audit.view');
  if (q.from && q.to && q.from > q.to)
    throw validationFailed([{ path: 'to', code: 'validation.date_order' }]);
  const page = q.page ?? 1;
  const { entries, total } = await listAudit(trx, q, page, PAGE_SIZE);
  return { entries, total, page, pageSize: PAGE_SIZE, entities: await auditEntities(trx) };
}
