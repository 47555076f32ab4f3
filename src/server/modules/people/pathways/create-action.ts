import { tooShort } from '../../../../common/people/pathway-rules';
import type { ActionCreateBody, PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { loadObjective } from './access';
import { pathwayDetail } from './get-pathway';
import { ensureOpen } from './open-pathway';
import { insertAction } from './store-items';

export async function createAction(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  objectiveId: string,
  body: ActionCreateBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const { row: objective, pathway } = await loadObjective(trx, actor, objectiveId);
  ensureOpen(pathway);
  const errors = tooShort('title', body.title, 2);
  if (errors.length) throw validationFailed(errors);
  await insertAction(trx, masters, {
    orgId: objective.orgId,
    objectiveId: objective.id,
    title: body.title.trim(),
    dueOn: body.dueOn ?? null,
  });
  return pathwayDetail(trx, actor, masters, pathway);
}
