import { pathwayDateErrors } from '../../../../common/people/pathway-rules';
import type { PathwayDetail, PathwayPatchBody } from '../../../../common/people/pathway-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { today } from '../today';
import { loadPathway, programmeErrors, referentErrors, text } from './access';
import { pathwayDetail } from './get-pathway';
import { findPathway, hasOpenPathway, updatePathway as update } from './store';
import { mobilityOf } from './store-notes';

/**
 * Changes modules, referents, programme or dates. An exit date with its reason closes the pathway;
 * exitOn null reopens it (and clears the reason). Mobility already recorded must stay within the dates.
 */
export async function updatePathway(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  body: PathwayPatchBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const row = await loadPathway(trx, actor, id);
  const exitOn = body.exitOn === undefined ? row.exitOn : body.exitOn;
  const next = {
    entryOn: body.entryOn ?? row.entryOn,
    exitOn,
    // Reopening clears the reason; closing needs one.
    exitReason:
      exitOn === null
        ? null
        : body.exitReason === undefined
          ? row.exitReason
          : (text(body.exitReason) ?? null),
    modules: body.modules ?? row.modules,
    referentUserIds: body.referentUserIds?.map((u) => u.toLowerCase()) ?? row.referentUserIds,
    programmeId: body.programmeId === undefined ? row.programmeId : (body.programmeId?.toLowerCase() ?? null),
  };
  const errors: FieldError[] = pathwayDateErrors(next, await today(trx));
  if (body.referentUserIds) errors.push(...(await referentErrors(trx, row.orgId, next.referentUserIds)));
  if (body.programmeId) errors.push(...(await programmeErrors(trx, row.orgId, next.programmeId)));
  if (body.entryOn || body.exitOn) {
    const dates = (await mobilityOf(trx, masters, row.id)).map((m) => m.recordedOn).sort();
    const first = dates[0];
    const last = dates.at(-1);
    if (first && first < next.entryOn)
      errors.push({ path: 'entryOn', code: 'people.pathways.errors.mobility_outside' });
    if (last && next.exitOn && last > next.exitOn)
      errors.push({ path: 'exitOn', code: 'people.pathways.errors.mobility_outside' });
  }
  if (errors.length) throw validationFailed(errors);
  if (row.exitOn && next.exitOn === null && (await hasOpenPathway(trx, row.personId, row.id)))
    throw conflict('people.pathways.errors.already_open');
  await update(trx, row.id, next);
  return pathwayDetail(trx, actor, masters, (await findPathway(trx, row.id))!);
}
