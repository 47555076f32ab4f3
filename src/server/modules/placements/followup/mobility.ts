import { dayError, dayProblem } from '../../../../common/placements/followup-rules';
import type { FollowUpView, MobilityBody } from '../../../../common/placements/followup-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { assertRecording, followUpAccess } from './access';
import { authorSealer } from './sealed';
import * as store from './store';
import { followUpView } from './view';

/**
 * A journey to the placement: mode, door-to-door time, cost refunded, alone or not. The first autonomous
 * border crossing happens once: a second one is recorded as told, with a warning.
 */
export async function logMobility(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  body: MobilityBody,
): Promise<FollowUpView> {
  const a = await followUpAccess(trx, actor, id, 'placement.attendance');
  assertRecording(a);
  const problem = dayProblem(body.travelledOn, a.period, a.today);
  if (problem) throw validationFailed([dayError('travelledOn', problem, a.period)]);
  const warnings: string[] = [];
  if (body.firstAutonomousCrossing) {
    const earlier = (await store.mobility(trx, a.row.id)).some((m) => m.first_autonomous_crossing);
    if (earlier) warnings.push('placements.followup.warnings.first_crossing_already');
  }
  // Sealed with the writing side's key (migration 0076): the row names that side as its author.
  const author = authorSealer(trx, masters, a);
  await store.insertMobility(trx, {
    ...store.parties(a.row),
    travelled_on: body.travelledOn,
    mode: body.mode,
    door_to_door_minutes: body.doorToDoorMinutes ?? null,
    cost_refunded_cents: body.costRefundedCents ?? null,
    travels_alone: body.travelsAlone,
    first_autonomous_crossing: body.firstAutonomousCrossing,
    note: await author.seal('placement_mobility.note', body.note?.trim()),
    recorded_by: actor.userId,
    author_org_id: author.orgId,
  });
  return followUpView(trx, actor, masters, a, warnings);
}
