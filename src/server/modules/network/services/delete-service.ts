import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { assertOwns } from './access';
import { serviceOwner } from './store';
import { deleteService as removeService } from './store-writes';

export async function deleteService(trx: Tx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'service.manage');
  const owner = await serviceOwner(trx, id);
  if (!owner) throw notFound();
  assertOwns(actor, owner);
  if (!(await removeService(trx, id))) throw notFound();
}
