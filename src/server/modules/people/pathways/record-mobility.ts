import { mobilityDateErrors } from '../../../../common/people/pathway-rules';
import type { MobilityCreateBody, PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { today } from '../today';
import { text } from './access';
import { pathwayDetail } from './get-pathway';
import { loadOpenPathway } from './open-pathway';
import { insertMobility } from './store-notes';

/** Records how far the person now travels alone and whether they crossed the border. */
export async function recordMobility(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  pathwayId: string,
  body: MobilityCreateBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const pathway = await loadOpenPathway(trx, actor, pathwayId);
  const errors = mobilityDateErrors(body.recordedOn, pathway, await today(trx));
  if (errors.length) throw validationFailed(errors);
  await insertMobility(trx, masters, {
    orgId: pathway.orgId,
    pathwayId: pathway.id,
    recordedOn: body.recordedOn,
    radiusKm: body.radiusKm,
    crossedBorder: body.crossedBorder,
    note: text(body.note) ?? null,
  });
  return pathwayDetail(trx, actor, masters, pathway);
}
