import type { NoteList } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { loadPathway } from './access';
import { noteView } from './get-pathway';
import { userRefs } from './store';
import { notesOf } from './store-notes';

/** The timeline of a pathway, newest first; reading it is audited like reading the pathway. */
export async function listNotes(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  pathwayId: string,
): Promise<NoteList> {
  requirePermission(actor, 'person.view');
  const pathway = await loadPathway(trx, actor, pathwayId);
  await audit(trx, {
    action: 'read',
    entity: 'pathway_notes',
    entityId: pathway.id,
    detail: { personId: pathway.personId },
  });
  const notes = await notesOf(trx, masters, pathway.id);
  const authors = await userRefs(
    trx,
    notes.map((n) => n.authorUserId),
  );
  const now = new Date();
  return { items: notes.map((n) => noteView(n, authors, actor, now)) };
}
