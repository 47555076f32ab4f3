import type { PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { loadAction } from './access';
import { pathwayDetail } from './get-pathway';
import { ensureOpen } from './open-pathway';
import { deleteAction as remove } from './store-items';

/** Removes an action entered by mistake; the audit log keeps what it was. */
export async function deleteAction(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const { row, pathway } = await loadAction(trx, actor, id);
  ensureOpen(pathway);
  await remove(trx, row.id);
  return pathwayDetail(trx, actor, masters, pathway);
}
