import type { Permission } from '../../../../common/access/permissions';
import { FOLLOW_UP_STATUSES } from '../../../../common/placements/agreement-rules';
import type { AgreementStatus } from '../../../../common/placements/agreement-workflow';
import type { Period } from '../../../../common/placements/dates';
import { followUpPeriod } from '../../../../common/placements/followup-rules';
import { type Actor, actorCan } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden } from '../../../platform/errors';
import { type PlacementAccess, placementForActor } from '../agreements/access';
import { today } from '../today';

export interface FollowUpAccess extends PlacementAccess {
  status: AgreementStatus;
  /** The agreed period, as signed. */
  agreed: Period;
  /** The days follow-up may be recorded for. */
  period: Period;
  today: string;
}

/** The agreement as this actor reaches it (404 for others, tutors limited to their tutees), with its dates. */
export async function followUpAccess(
  trx: Tx,
  actor: Actor,
  id: string,
  permission: Permission = 'placement.view',
): Promise<FollowUpAccess> {
  const access = await placementForActor(trx, actor, id, permission);
  const { row } = access;
  return {
    ...access,
    status: row.status as AgreementStatus,
    agreed: { start: row.starts_on, end: row.ends_on },
    period: followUpPeriod({ startsOn: row.starts_on, endsOn: row.ends_on, endedOn: row.ended_on }),
    today: await today(trx),
  };
}

export const isRecording = (status: AgreementStatus) => FOLLOW_UP_STATUSES.includes(status);

/** Follow-up is written only once the placement has started (and corrected after it ended). */
export function assertRecording(a: FollowUpAccess): void {
  if (!isRecording(a.status)) throw conflict('placements.followup.errors.not_running');
}

/** Evaluations are written by the tutor or the referent: either permission will do. */
export const canEvaluate = (actor: Actor) =>
  actorCan(actor, 'placement.attendance') || actorCan(actor, 'placement.manage');

export function assertCanEvaluate(actor: Actor): void {
  if (!canEvaluate(actor)) throw forbidden();
}

/** Stays abroad and outcomes concern the person's benefit and life after: the home centre's. */
export function assertHome(a: FollowUpAccess): void {
  if (a.side !== 'home') throw forbidden('placements.followup.errors.home_only');
}
