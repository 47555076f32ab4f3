import type { FieldError } from '../../../../common/validation/errors';
import { type Actor, actorCan } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import {
  eligibleReferents,
  findPathway,
  findPerson,
  inCaseload,
  type PathwayRow,
  programmeOfPartner,
} from './store';
import { findAction, findObjective } from './store-items';
import { findNote } from './store-notes';

/**
 * Whether the actor may open this person's pathways: the person is visible under RLS (home organisation)
 * and, for a referent, in their caseload; coordinators and organisation admins see every caseload.
 */
async function reachable(trx: Tx, actor: Actor, personId: string): Promise<boolean> {
  return actorCan(actor, 'person.view_all_caseloads') || inCaseload(trx, personId, actor.userId);
}

export async function loadPerson(trx: Tx, actor: Actor, id: string) {
  const row = await findPerson(trx, id);
  if (!row || !(await reachable(trx, actor, row.id)))
    throw notFound('people.pathways.errors.person_not_found');
  return row;
}

export async function loadPathway(trx: Tx, actor: Actor, id: string): Promise<PathwayRow> {
  const row = await findPathway(trx, id);
  if (!row || !(await reachable(trx, actor, row.personId)))
    throw notFound('people.pathways.errors.not_found');
  return row;
}

/** An objective with its pathway (the pathway decides who may reach it). */
export async function loadObjective(trx: Tx, actor: Actor, id: string) {
  const row = await findObjective(trx, id);
  const pathway = row && (await findPathway(trx, row.pathwayId));
  if (!row || !pathway || !(await reachable(trx, actor, pathway.personId)))
    throw notFound('people.pathways.errors.objective_not_found');
  return { row, pathway };
}

export async function loadAction(trx: Tx, actor: Actor, id: string) {
  const row = await findAction(trx, id);
  const pathway = row && (await findPathway(trx, row.pathwayId));
  if (!row || !pathway || !(await reachable(trx, actor, pathway.personId)))
    throw notFound('people.pathways.errors.action_not_found');
  return { row, pathway };
}

export async function loadNote(trx: Tx, actor: Actor, id: string) {
  const row = await findNote(trx, id);
  const pathway = row && (await findPathway(trx, row.pathwayId));
  if (!row || !pathway || !(await reachable(trx, actor, pathway.personId)))
    throw notFound('people.pathways.errors.note_not_found');
  return { row, pathway };
}

/** Each named referent must be an active member of the organisation with the referent or coordinator role. */
export async function referentErrors(trx: Tx, orgId: string, ids: readonly string[]): Promise<FieldError[]> {
  const eligible = new Set((await eligibleReferents(trx, orgId, ids)).map((u) => u.id));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!eligible.has(id))
      errors.push({ path: `referentUserIds.${i}`, code: 'people.pathways.errors.referent_not_member' });
  });
  return errors;
}

/** A programme named on a pathway must be one the organisation leads or takes part in. */
export async function programmeErrors(
  trx: Tx,
  orgId: string,
  programmeId: string | null,
): Promise<FieldError[]> {
  if (!programmeId) return [];
  return (await programmeOfPartner(trx, programmeId, orgId))
    ? []
    : [{ path: 'programmeId', code: 'people.pathways.errors.programme_not_partner' }];
}

/** Trimmed text; blank becomes null. */
export const text = (v: string | null | undefined) => {
  if (v === undefined) return undefined;
  const t = v?.trim();
  return t ? t : null;
};
