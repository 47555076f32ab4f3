import type { PathwayList } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { loadPerson } from './access';
import { listItems } from './get-pathway';
import { listPathwaysOf } from './store';

/** A person's pathways, the latest entry first; an audited read of the person. */
export async function listPathways(trx: Tx, actor: Actor, personId: string): Promise<PathwayList> {
  requirePermission(actor, 'person.view');
  const person = await loadPerson(trx, actor, personId);
  const rows = await listPathwaysOf(trx, person.id);
  await auditPersonRead(trx, {
    personIds: [person.id],
    what: 'pathways',
    detail: { pathways: rows.map((r) => r.id) },
  });
  return { items: await listItems(trx, rows) };
}
