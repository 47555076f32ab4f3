import { pageOf } from '../../../../common/kernel/schemas';
import type { ManagedServicesPage, ManagedServicesQuery } from '../../../../common/network/service-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { listManaged } from './store';

/** The services a manager looks after: their organisation's, drafts included; every one for admins. */
export async function listOwnServices(
  trx: Tx,
  actor: Actor,
  query: ManagedServicesQuery,
): Promise<ManagedServicesPage> {
  requirePermission(actor, 'service.manage');
  const { page, pageSize } = pageOf(query);
  const orgId = actor.platformAdmin ? null : actor.orgId;
  const r = await listManaged(trx, orgId, page, pageSize);
  return { ...r, page, pageSize };
}
