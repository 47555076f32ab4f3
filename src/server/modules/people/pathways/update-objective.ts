import { objectiveWorkflow, tooShort } from '../../../../common/people/pathway-rules';
import type { ObjectivePatchBody, PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { loadObjective } from './access';
import { pathwayDetail } from './get-pathway';
import { ensureOpen } from './open-pathway';
import { updateObjective as update } from './store-items';

/** Renames, re-dates or moves an objective along its statuses (objectiveWorkflow). */
export async function updateObjective(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  body: ObjectivePatchBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const { row, pathway } = await loadObjective(trx, actor, id);
  ensureOpen(pathway);
  const status = body.status ?? row.status;
  const errors = tooShort('title', body.title, 2);
  if (status !== row.status && !objectiveWorkflow.check(row.status, status, 'home', actor.roles).ok)
    errors.push({
      path: 'status',
      code: 'people.pathways.errors.transition',
      params: { from: row.status, to: status },
    });
  if (errors.length) throw validationFailed(errors);
  await update(trx, masters, row.id, {
    title: body.title?.trim(),
    status,
    dueOn: body.dueOn === undefined ? row.dueOn : body.dueOn,
  });
  return pathwayDetail(trx, actor, masters, pathway);
}
