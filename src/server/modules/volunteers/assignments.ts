import { assignmentRefusal, assignmentTarget, dayOverfull } from '../../../common/volunteers/rules';
import {
  type AssignmentBody,
  MAX_HOURS_PER_DAY,
  type VolunteerStatus,
} from '../../../common/volunteers/schemas';
import type { Actor } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { badRequest } from '../../platform/errors';
import { eventForAssignment, initiativeForAssignment, sameDayHours } from './activities';
import { E, ownOrg, visible, W } from './service';
import * as store from './store';

/**
 * An assignment of a volunteer by the caller's organisation, with hours: to one of its forum events, to
 * an initiative it takes part in (the initiatives module's trigger, migration 0049, refuses others), or
 * to a free activity. The Belgian declaration rule is checked here first for a translated refusal, and
 * again by the database (migration 0045); the insurance flag is computed there.
 */
export async function assign(
  trx: Tx,
  actor: Actor,
  id: string,
  body: AssignmentBody,
): Promise<{ id: string; insured: boolean }> {
  const orgId = ownOrg(actor);
  const v = await visible(trx, id);
  const target = assignmentTarget(body);
  if (typeof target === 'string') throw badRequest(target === 'only_one_target' ? W(target) : E(target));
  if (target.kind === 'event') {
    const e = await eventForAssignment(trx, target.id, orgId);
    if (e === 'unknown') throw badRequest(E('unknown_event'));
    if (e === 'not_taking_part') throw badRequest(W('event_not_taking_part'));
  }
  if (target.kind === 'initiative') {
    const i = await initiativeForAssignment(trx, target.id, orgId);
    if (i === 'unknown') throw badRequest(W('unknown_initiative'));
    if (i === 'not_taking_part') throw badRequest(W('initiative_not_taking_part'));
  }
  const refusal = assignmentRefusal({
    volunteer: {
      status: v.status as VolunteerStatus,
      orgId: v.org_id,
      organisationIds: await store.organisationIds(trx, id),
      benefitCentreOrgId: v.benefit_centre_org_id,
    },
    declarations: (await store.declarations(trx, id)).map((d) => ({
      centreOrgId: d.centre_org_id,
      declaredOn: d.declared_on,
      acknowledgedBy: d.acknowledged_by,
    })),
    orgId,
    assignedOn: body.assignedOn,
  });
  if (refusal) throw badRequest(E(refusal));
  // The hours of the day the caller can see (its own assignments, or all of them for the coordinator).
  if (dayOverfull(await sameDayHours(trx, id, body.assignedOn), body.hours, MAX_HOURS_PER_DAY))
    throw badRequest(W('day_overfull'), { max: MAX_HOURS_PER_DAY });
  return trx
    .insertInto('volunteer_assignments')
    .values({
      volunteer_id: id,
      org_id: orgId,
      event_id: target.kind === 'event' ? target.id : null,
      initiative_id: target.kind === 'initiative' ? target.id : null,
      activity_title: target.kind === 'activity' ? target.title : null,
      assigned_on: body.assignedOn,
      hours: body.hours,
      created_by: actor.userId,
    })
    .returning(['id', 'insured'])
    .executeTakeFirstOrThrow();
}
