import { tooShort } from '../../../../common/people/pathway-rules';
import type { ObjectiveCreateBody, PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { pathwayDetail } from './get-pathway';
import { loadOpenPathway } from './open-pathway';
import { insertObjective } from './store-items';

export async function createObjective(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  pathwayId: string,
  body: ObjectiveCreateBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const pathway = await loadOpenPathway(trx, actor, pathwayId);
  const errors = tooShort('title', body.title, 2);
  if (errors.length) throw validationFailed(errors);
  await insertObjective(trx, masters, {
    orgId: pathway.orgId,
    pathwayId: pathway.id,
    title: body.title.trim(),
    dueOn: body.dueOn ?? null,
  });
  return pathwayDetail(trx, actor, masters, pathway);
}
