import type { AuditPage, AuditQuery } from '../../../../common/admin/audit-schemas';
import { pageOf } from '../../../../common/kernel/schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { auditEntities, listAudit } from './store';

/**
 * The audit log as the actor may see it: RLS limits an organisation admin to their organisation's
 * chain and opens every chain to a platform admin.
 */
export async function readAuditLog(trx: Tx, actor: Actor, q: AuditQuery): Promise<AuditPage> {
  requirePermission(actor, 'audit.view');
  if (q.from && q.to && q.from > q.to)
    throw validationFailed([{ path: 'to', code: 'validation.date_order' }]);
  const { page, pageSize } = pageOf(q);
  const { items, total } = await listAudit(trx, q, page, pageSize);
  return { items, total, page, pageSize, entities: await auditEntities(trx) };
}
