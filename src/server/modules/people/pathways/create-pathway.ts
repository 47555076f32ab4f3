import type { PathwayCreateBody, PathwayDetail } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { loadPerson, programmeErrors, referentErrors } from './access';
import { pathwayDetail } from './get-pathway';
import { findPathway, hasOpenPathway, insertPathway } from './store';

/**
 * Starts a pathway for a person of the actor's organisation. A person follows one pathway at a time:
 * a new one starts only once the previous one has an exit date.
 */
export async function createPathway(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  personId: string,
  body: PathwayCreateBody,
): Promise<PathwayDetail> {
  requirePermission(actor, 'person.manage');
  const person = await loadPerson(trx, actor, personId);
  const programmeId = body.programmeId?.toLowerCase() ?? null;
  const errors = [
    ...(await referentErrors(trx, person.orgId, body.referentUserIds)),
    ...(await programmeErrors(trx, person.orgId, programmeId)),
  ];
  if (errors.length) throw validationFailed(errors);
  if (await hasOpenPathway(trx, person.id)) throw conflict('people.pathways.errors.already_open');
  const id = await insertPathway(trx, {
    orgId: person.orgId,
    personId: person.id,
    programmeId,
    modules: body.modules,
    referentUserIds: body.referentUserIds.map((u) => u.toLowerCase()),
    entryOn: body.entryOn,
  });
  const row = await findPathway(trx, id);
  return pathwayDetail(trx, actor, masters, row!);
}
