import { notInFuture, tooShort } from '../../../../common/people/pathway-rules';
import type { NoteCreateBody, PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { today } from '../today';
import { loadPathway } from './access';
import { pathwayDetail } from './get-pathway';
import { insertNote } from './store-notes';

/**
 * Adds a dated note to the timeline, also after exit (follow-up). A confidential note never leaves the
 * organisation: app.shared_person() leaves it out even when a grant names the pathway.
 */
export async function addNote(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  pathwayId: string,
  body: NoteCreateBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const pathway = await loadPathway(trx, actor, pathwayId);
  const errors = [
    ...notInFuture('notedOn', body.notedOn, await today(trx)),
    ...tooShort('body', body.body, 1),
  ];
  if (errors.length) throw validationFailed(errors);
  await insertNote(trx, masters, {
    orgId: pathway.orgId,
    pathwayId: pathway.id,
    authorUserId: actor.userId,
    notedOn: body.notedOn,
    body: body.body.trim(),
    confidential: body.confidential ?? false,
  });
  return pathwayDetail(trx, actor, masters, pathway);
}
