import { actionDoneOn, actionWorkflow, notInFuture, tooShort } from '../../../../common/people/pathway-rules';
import type { ActionPatchBody, PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { today } from '../today';
import { loadAction } from './access';
import { pathwayDetail } from './get-pathway';
import { ensureOpen } from './open-pathway';
import { updateAction as update } from './store-items';

/** Renames, re-dates or moves an action along its workflow (actionWorkflow); a done action carries the date it was done. */
export async function updateAction(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  body: ActionPatchBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const { row, pathway } = await loadAction(trx, actor, id);
  ensureOpen(pathway);
  const status = body.status ?? row.status;
  const day = await today(trx);
  const errors = tooShort('title', body.title, 2);
  if (status !== row.status && !actionWorkflow.check(row.status, status, 'home', actor.roles).ok)
    errors.push({
      path: 'status',
      code: 'people.pathways.errors.transition',
      params: { from: row.status, to: status },
    });
  if (body.doneOn !== undefined && status !== 'done')
    errors.push({ path: 'doneOn', code: 'people.pathways.errors.done_on_without_done' });
  errors.push(...notInFuture('doneOn', body.doneOn, day));
  if (errors.length) throw validationFailed(errors);
  await update(trx, masters, row.id, {
    title: body.title?.trim(),
    status,
    dueOn: body.dueOn === undefined ? row.dueOn : body.dueOn,
    doneOn: actionDoneOn(status, row.doneOn, body.doneOn, day),
  });
  return pathwayDetail(trx, actor, masters, pathway);
}
