import type { VolunteerAction, VolunteerStatus } from './schemas';

/**
 * The volunteering rules (issue 13; domain brief §1). The database applies the same assignment rule in a
 * trigger (migration 0045, app.volunteer_assignments_guard); this function lets the API refuse first with
 * a translated message and the web explain why.
 */

export type AssignmentRefusal = 'volunteer_not_active' | 'volunteer_not_with_org' | 'declaration_missing';

export interface AssignmentFacts {
  volunteer: {
    status: VolunteerStatus;
    /** The coordinating organisation. */
    orgId: string;
    /** The organisations the volunteer works with. */
    organisationIds: readonly string[];
    /** The Belgian centre (CPAS / OCMW) the volunteer receives a benefit from, if any. */
    benefitCentreOrgId: string | null;
  };
  declarations: ReadonlyArray<{ centreOrgId: string; declaredOn: string; acknowledgedBy: string | null }>;
  /** The assigning organisation. */
  orgId: string;
  assignedOn: string;
}

/**
 * Why an assignment is refused, or null. A benefit recipient of a Belgian centre must have declared the
 * volunteering to that very centre beforehand — a declaration to another centre, one dated after the day,
 * or one nobody acknowledged does not count.
 */
export function assignmentRefusal(f: AssignmentFacts): AssignmentRefusal | null {
  if (f.volunteer.status !== 'active') return 'volunteer_not_active';
  if (f.orgId !== f.volunteer.orgId && !f.volunteer.organisationIds.includes(f.orgId))
    return 'volunteer_not_with_org';
  const centre = f.volunteer.benefitCentreOrgId;
  if (
    centre &&
    !f.declarations.some(
      (d) => d.centreOrgId === centre && d.declaredOn <= f.assignedOn && !!d.acknowledgedBy,
    )
  )
    return 'declaration_missing';
  return null;
}

/** Whether one of an organisation's liability insurances for volunteers covers the day. */
export function insuranceCovers(
  insurances: ReadonlyArray<{ validFrom: string; validTo: string | null }>,
  day: string,
): boolean {
  return insurances.some((i) => i.validFrom <= day && (i.validTo === null || i.validTo >= day));
}

/** The status a coordinator's action leads to, or null when it does not apply to the current status. */
export function statusAfter(status: VolunteerStatus, action: VolunteerAction): VolunteerStatus | null {
  if (action === 'validate') return status === 'pending' ? 'active' : null;
  if (action === 'deactivate') return status === 'inactive' ? null : 'inactive';
  return status === 'inactive' ? 'active' : null;
}

/** The actions a coordinator may take on a volunteer in this status. */
export const volunteerActions = (status: VolunteerStatus): VolunteerAction[] =>
  (['validate', 'deactivate', 'reactivate'] as const).filter((a) => statusAfter(status, a) !== null);

/** The hours of assignments, summed without floating-point drift (hours are quarter-hour multiples). */
export const totalHours = (assignments: ReadonlyArray<{ hours: number }>) =>
  Math.round(assignments.reduce((s, a) => s + a.hours * 100, 0)) / 100;

/** What an assignment is for: exactly one of an event, an initiative or a free activity title. */
export type AssignmentTarget =
  | { kind: 'event'; id: string }
  | { kind: 'initiative'; id: string }
  | { kind: 'activity'; title: string };

/**
 * The assignment's target, or why there is none: nothing given, or more than one (hours counted twice —
 * for an event and an initiative — would inflate both). A blank title counts as none.
 */
export function assignmentTarget(b: {
  eventId?: string | null;
  initiativeId?: string | null;
  activityTitle?: string | null;
}): AssignmentTarget | 'event_or_activity' | 'only_one_target' {
  const title = b.activityTitle?.trim() || null;
  const given = [b.eventId, b.initiativeId, title].filter((x) => !!x).length;
  if (given === 0) return 'event_or_activity';
  if (given > 1) return 'only_one_target';
  if (b.eventId) return { kind: 'event', id: b.eventId };
  if (b.initiativeId) return { kind: 'initiative', id: b.initiativeId };
  return { kind: 'activity', title: title! };
}

/** Whether a volunteer's hours on one day would exceed a day once these are added (quarter hours, exact). */
export const dayOverfull = (sameDay: ReadonlyArray<{ hours: number }>, hours: number, max: number) =>
  totalHours([...sameDay, { hours }]) > max;
