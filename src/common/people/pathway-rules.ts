import { defineWorkflow, type Tone } from '../kernel/workflow';
import type { FieldError } from '../validation/errors';
import {
  ACTION_STATUSES,
  type ActionStatus,
  type MobilityRecord,
  OBJECTIVE_STATUSES,
  type ObjectiveStatus,
  type PathwayAction,
  type PathwayObjective,
  type PathwaySummary,
} from './pathway-schemas';

/** The mobility goal of Action 1: travelling alone at least this far, and across the border. */
export const MOBILITY_GOAL_KM = 30;
/** How long the author of a note may still correct it; afterwards a correction is a new note. */
export const NOTE_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Status changes allowed for an objective. A closed objective (achieved, abandoned) may be reopened,
 * because a referent who clicked too fast must be able to undo it; nothing jumps back to planned once
 * work started except through in_progress.
 */
export const OBJECTIVE_TRANSITIONS: Record<ObjectiveStatus, readonly ObjectiveStatus[]> = {
  planned: ['in_progress', 'achieved', 'abandoned'],
  in_progress: ['planned', 'achieved', 'abandoned'],
  achieved: ['in_progress'],
  abandoned: ['planned', 'in_progress'],
};

export const ACTION_TRANSITIONS: Record<ActionStatus, readonly ActionStatus[]> = {
  planned: ['in_progress', 'done', 'cancelled'],
  in_progress: ['planned', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['planned', 'in_progress'],
};

/**
 * The status moves as workflows: the home centre's staff (one side) with person.manage; each action is
 * named after the status it leads to. The server checks a move with `check()`, the web offers the moves
 * `available()` gives.
 */
function pathwayWorkflow<S extends string>(
  statuses: readonly S[],
  table: Record<S, readonly S[]>,
  tone: (to: S) => Tone,
) {
  return defineWorkflow({
    statuses,
    sides: ['home'] as const,
    guards: [] as never[],
    // Every status may be left again (a closed item may be reopened).
    terminal: [],
    transitions: statuses.flatMap((from) =>
      table[from].map((to) => ({
        action: to as string,
        from,
        to,
        side: 'home' as const,
        permission: 'person.manage' as const,
        tone: tone(to),
      })),
    ),
  });
}

const toneOf =
  (done: string, dropped: string) =>
  (to: string): Tone =>
    to === done ? 'primary' : to === dropped ? 'danger' : 'secondary';

export const objectiveWorkflow = pathwayWorkflow(
  OBJECTIVE_STATUSES,
  OBJECTIVE_TRANSITIONS,
  toneOf('achieved', 'abandoned'),
);
export const actionWorkflow = pathwayWorkflow(
  ACTION_STATUSES,
  ACTION_TRANSITIONS,
  toneOf('done', 'cancelled'),
);

/** Trimmed text shorter than the minimum (a blank title is "too short", not "malformed"). */
export function tooShort(path: string, value: string | undefined | null, min: number): FieldError[] {
  if (value === undefined || value === null) return [];
  return value.trim().length < min ? [{ path, code: 'validation.min_length', params: { limit: min } }] : [];
}

/** A date that records something that happened may not lie in the future. */
export function notInFuture(path: string, date: string | null | undefined, today: string): FieldError[] {
  return date && date > today ? [{ path, code: 'people.pathways.errors.future_date' }] : [];
}

/** Entry, exit and exit reason hold together: exit on or after entry, not in the future, with a reason. */
export function pathwayDateErrors(
  p: { entryOn: string; exitOn: string | null; exitReason: string | null },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (p.exitOn) {
    if (p.exitOn < p.entryOn) errors.push({ path: 'exitOn', code: 'validation.date_order' });
    else errors.push(...notInFuture('exitOn', p.exitOn, today));
    if (!p.exitReason?.trim()) errors.push({ path: 'exitReason', code: 'validation.required' });
  } else if (p.exitReason?.trim()) errors.push({ path: 'exitOn', code: 'validation.required' });
  return errors;
}

/** A mobility record lies within the pathway: not before entry, not after exit or today. */
export function mobilityDateErrors(
  recordedOn: string,
  p: { entryOn: string; exitOn: string | null },
  today: string,
): FieldError[] {
  if (recordedOn < p.entryOn) return [{ path: 'recordedOn', code: 'people.pathways.errors.before_entry' }];
  if (p.exitOn && recordedOn > p.exitOn)
    return [{ path: 'recordedOn', code: 'people.pathways.errors.after_exit' }];
  return notInFuture('recordedOn', recordedOn, today);
}

/** Only the author may change a note, and only within 24 hours of writing it. */
export function noteEditable(
  note: { authorUserId: string; createdAt: Date | string },
  userId: string,
  now = new Date(),
): boolean {
  if (note.authorUserId !== userId) return false;
  const age = now.getTime() - new Date(note.createdAt).getTime();
  return age >= 0 && age < NOTE_EDIT_WINDOW_MS;
}

/** When an action becomes done it gets a date (today unless given); leaving done clears it. */
export function actionDoneOn(
  status: ActionStatus,
  current: string | null,
  given: string | undefined,
  today: string,
): string | null {
  if (status !== 'done') return null;
  return given ?? current ?? today;
}

type MobilityPoint = Pick<MobilityRecord, 'recordedOn' | 'radiusKm' | 'crossedBorder'>;

/** Oldest first; records of the same day keep their given order. */
const chronological = <T extends { recordedOn: string }>(records: readonly T[]) =>
  records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.recordedOn.localeCompare(b.r.recordedOn) || a.i - b.i)
    .map((x) => x.r);

/**
 * The mobility situation from the records along the pathway: the current radius is the latest record's,
 * the first border crossing the earliest record saying so, and the goal is reached on the first record
 * from which the radius is at least 30 km while the border has been crossed.
 * Records are expected oldest first within a day (same-day order is the recording order).
 */
export function mobilitySummary(records: readonly MobilityPoint[]) {
  const ordered = chronological(records);
  let firstBorderCrossingOn: string | null = null;
  let goalReachedOn: string | null = null;
  for (const m of ordered) {
    if (m.crossedBorder && !firstBorderCrossingOn) firstBorderCrossingOn = m.recordedOn;
    if (!goalReachedOn && firstBorderCrossingOn && m.radiusKm >= MOBILITY_GOAL_KM)
      goalReachedOn = m.recordedOn;
  }
  const latest = ordered.at(-1);
  const currentRadiusKm = latest ? latest.radiusKm : null;
  const crossedBorder = firstBorderCrossingOn !== null;
  return {
    currentRadiusKm,
    crossedBorder,
    firstBorderCrossingOn,
    goalReached: crossedBorder && (currentRadiusKm ?? 0) >= MOBILITY_GOAL_KM,
    goalReachedOn,
  };
}

/** Progress of a pathway, derived from its objectives, actions and mobility records. */
export function pathwaySummary(
  objectives: ReadonlyArray<
    Pick<PathwayObjective, 'status'> & { actions: ReadonlyArray<Pick<PathwayAction, 'status'>> }
  >,
  mobility: readonly MobilityPoint[],
): PathwaySummary {
  // Abandoned objectives and cancelled actions no longer count towards what is to be achieved.
  const counted = objectives.filter((o) => o.status !== 'abandoned');
  const actions = counted.flatMap((o) => o.actions).filter((a) => a.status !== 'cancelled');
  return {
    objectivesTotal: counted.length,
    objectivesAchieved: counted.filter((o) => o.status === 'achieved').length,
    objectivesOpen: counted.filter((o) => o.status === 'planned' || o.status === 'in_progress').length,
    actionsTotal: actions.length,
    actionsDone: actions.filter((a) => a.status === 'done').length,
    ...mobilitySummary(mobility),
  };
}
