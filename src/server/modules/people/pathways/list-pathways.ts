import type { PathwayList } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { loadPerson } from './access';
import { listItems } from './get-pathway';
import { listPathwaysOf } from './store';

/** A person's pathways, the latest entry first. */
export async function listPathways(trx: Tx, actor: Actor, personId: string): Promise<PathwayList> {
  requirePermission(actor, 'person.view');
  const person = await loadPerson(trx, actor, personId);
  return { items: await listItems(trx, await listPathwaysOf(trx, person.id)) };
}
