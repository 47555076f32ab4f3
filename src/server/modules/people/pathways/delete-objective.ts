import type { PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { loadObjective } from './access';
import { pathwayDetail } from './get-pathway';
import { ensureOpen } from './open-pathway';
import { deleteObjective as remove } from './store-items';

/** Removes an objective entered by mistake, with its actions; the audit log keeps what it was. */
export async function deleteObjective(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const { row, pathway } = await loadObjective(trx, actor, id);
  ensureOpen(pathway);
  await remove(trx, row.id);
  return pathwayDetail(trx, actor, masters, pathway);
}
