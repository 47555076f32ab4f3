import { stayProblems } from '../../../../common/placements/followup-rules';
import type { FollowUpView, StayBody } from '../../../../common/placements/followup-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound, validationFailed } from '../../../platform/errors';
import { type MasterKeys, sealText } from '../../../platform/keys/field-cipher';
import { assertHome, assertRecording, followUpAccess } from './access';
import * as store from './store';
import { followUpView } from './view';

/**
 * The home centre records the nights the person spends abroad for the placement (a residential week, a
 * trip), ahead of time if known: a Belgian RIS/leefloon recipient must notify stays of 7 days or more.
 */
export async function recordStay(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  body: StayBody,
): Promise<FollowUpView> {
  const a = await followUpAccess(trx, actor, id, 'placement.manage');
  assertHome(a);
  assertRecording(a);
  const problems = stayProblems({ start: body.startsOn, end: body.endsOn }, a.period);
  if (problems.length) throw validationFailed(problems);
  await store.insertStay(trx, {
    ...store.parties(a.row),
    starts_on: body.startsOn,
    ends_on: body.endsOn,
    // Why the person stays abroad is the home centre's alone: sealed with its key (migration 0077).
    reason: await sealText(trx, masters, 'placement_stays_abroad.reason', body.reason?.trim()),
    recorded_by: actor.userId,
  });
  return followUpView(trx, actor, masters, a);
}

/** A stay recorded by mistake (or that did not happen) is removed; the audit log keeps it. */
export async function removeStay(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  stayId: string,
): Promise<FollowUpView> {
  const a = await followUpAccess(trx, actor, id, 'placement.manage');
  assertHome(a);
  assertRecording(a);
  if (!(await store.deleteStay(trx, a.row.id, stayId))) throw notFound();
  return followUpView(trx, actor, masters, a);
}
