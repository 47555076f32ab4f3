import { noteEditable, notInFuture, tooShort } from '../../../../common/people/pathway-rules';
import type { NotePatchBody, PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { today } from '../today';
import { loadNote } from './access';
import { pathwayDetail } from './get-pathway';
import { updateNote } from './store-notes';

/**
 * Corrects a note: only its author, only within 24 hours of writing it. Notes are never deleted; a later
 * correction is a new note, so the timeline shows what was known when.
 */
export async function editNote(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  body: NotePatchBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const { row: note, pathway } = await loadNote(trx, actor, id);
  if (note.authorUserId !== actor.userId) throw forbidden('people.pathways.errors.note_not_author');
  if (!noteEditable(note, actor.userId)) throw forbidden('people.pathways.errors.note_edit_window');
  const errors = [
    ...notInFuture('notedOn', body.notedOn, await today(trx)),
    ...tooShort('body', body.body, 1),
  ];
  if (errors.length) throw validationFailed(errors);
  await updateNote(trx, masters, note.id, {
    notedOn: body.notedOn ?? note.notedOn,
    body: body.body?.trim(),
    confidential: body.confidential ?? note.confidential,
  });
  return pathwayDetail(trx, actor, masters, pathway);
}
