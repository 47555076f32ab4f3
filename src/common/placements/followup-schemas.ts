/**
 * A placement's follow-up: the bodies the API validates (and the web forms reuse) and the shapes it answers
 * with. Rules beyond a field's own shape (periods, midpoint, outcome windows) are in followup-rules.ts.
 */
import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { AGREEMENT_STATUSES } from './agreement-workflow';
import {
  ATTENDANCE_STATUSES,
  CONTRACT_TYPES,
  EVALUATION_CRITERIA,
  EVALUATION_KINDS,
  INCIDENT_KINDS,
  MOBILITY_MODES,
  OUTCOME_KINDS,
  OUTCOME_SITUATIONS,
  SCORE_MAX,
  SCORE_MIN,
} from './followup-rules';

const O = Type.Optional;
const text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
const hours = () => Type.Number({ minimum: 0, maximum: 24 });

export const EvaluationParams = Type.Object({
  id: Uuid,
  kind: Type.Enum([...EVALUATION_KINDS]),
});
export const OutcomeParams = Type.Object({
  id: Uuid,
  kind: Type.Enum([...OUTCOME_KINDS]),
});
export const StayParams = Type.Object({
  id: Uuid,
  stayId: Uuid,
});

/** The week to show or replace: any day of it (the Monday is taken); without it, the current week. */
export const WeekQuery = Type.Object({ week: O(IsoDate) }, { additionalProperties: false });
export type WeekQuery = Static<typeof WeekQuery>;

export const AttendanceDayInput = Type.Object(
  {
    day: IsoDate,
    status: Type.Enum([...ATTENDANCE_STATUSES]),
    plannedHours: hours(),
    hours: O(Nullable(hours())),
    note: O(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type AttendanceDayInput = Static<typeof AttendanceDayInput>;

/** A whole week at once: it replaces every day recorded for that week. */
export const AttendanceWeekBody = Type.Object(
  { days: Type.Array(AttendanceDayInput, { maxItems: 7 }) },
  { additionalProperties: false },
);
export type AttendanceWeekBody = Static<typeof AttendanceWeekBody>;

const Period = Type.Object({ start: Type.String(), end: Type.String() });

export const AttendanceSummaryView = Type.Object({
  plannedDays: Type.Integer(),
  plannedHours: Type.Number(),
  presentDays: Type.Integer(),
  presentHours: Type.Number(),
  justifiedAbsences: Type.Integer(),
  unjustifiedAbsences: Type.Integer(),
  /** The hours that count for the rate: worked on planned days, each up to its planned hours. */
  realisedHours: Type.Number(),
  /** realisedHours / plannedHours (attendanceRate in followup-rules.ts); null before any planned hour. */
  attendanceRate: Nullable(Type.Number()),
  missingWeeks: Type.Array(Type.String()),
});
export type AttendanceSummaryView = Static<typeof AttendanceSummaryView>;

/**
 * Whom the follow-up is about, as the reader may see them: the name for the home centre, and for the host
 * only while the agreement's grant carries the identity group; otherwise the participant code alone.
 */
export const FollowUpPerson = Type.Object({
  name: Nullable(Type.String()),
  participantCode: Nullable(Type.String()),
});
export type FollowUpPerson = Static<typeof FollowUpPerson>;

export const AttendanceDayView = Type.Object({
  day: Type.String(),
  /** Inside the follow-up period and not after today: the day may be entered. */
  open: Type.Boolean(),
  problem: Nullable(Type.Enum(['outside_period', 'future'])),
  recorded: Type.Boolean(),
  /** Null while the day has not been entered. */
  status: Nullable(Type.Enum([...ATTENDANCE_STATUSES])),
  plannedHours: Type.Number(),
  hours: Nullable(Type.Number()),
  note: Nullable(Type.String()),
});
export type AttendanceDayView = Static<typeof AttendanceDayView>;

export const AttendanceWeekView = Type.Object({
  placementId: Type.String(),
  status: Type.Enum([...AGREEMENT_STATUSES]),
  person: FollowUpPerson,
  siteName: Type.String(),
  hoursPerWeek: Nullable(Type.Number()),
  period: Period,
  week: Type.String(),
  previousWeek: Nullable(Type.String()),
  nextWeek: Nullable(Type.String()),
  /** The actor may save this week (status, permission); each day says whether it is open. */
  canEdit: Type.Boolean(),
  days: Type.Array(AttendanceDayView),
  summary: AttendanceSummaryView,
});
export type AttendanceWeekView = Static<typeof AttendanceWeekView>;

// --------------------------------------------------------------------------------------- evaluations

const score = () => Type.Integer({ minimum: SCORE_MIN, maximum: SCORE_MAX });
export const Scores = Type.Object(
  Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, score()])) as Record<
    (typeof EVALUATION_CRITERIA)[number],
    ReturnType<typeof score>
  >,
  { additionalProperties: false },
);
export type Scores = Static<typeof Scores>;

export const EvaluationBody = Type.Object(
  {
    heldOn: IsoDate,
    scores: Scores,
    personPresent: Type.Boolean(),
    referentPresent: Type.Boolean(),
    tutorPresent: Type.Boolean(),
    strengths: O(MultilineText({ minLength: 1, maxLength: 3000 })),
    improvements: O(MultilineText({ minLength: 1, maxLength: 3000 })),
    nextSteps: O(MultilineText({ minLength: 1, maxLength: 3000 })),
  },
  { additionalProperties: false },
);
export type EvaluationBody = Static<typeof EvaluationBody>;

export const EvaluationView = Type.Object({
  kind: Type.Enum([...EVALUATION_KINDS]),
  heldOn: Type.String(),
  scores: Scores,
  personPresent: Type.Boolean(),
  referentPresent: Type.Boolean(),
  tutorPresent: Type.Boolean(),
  strengths: Nullable(Type.String()),
  improvements: Nullable(Type.String()),
  nextSteps: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type EvaluationView = Static<typeof EvaluationView>;

// ----------------------------------------------------------------------------- incidents and mobility

export const IncidentBody = Type.Object(
  {
    occurredOn: IsoDate,
    kind: Type.Enum([...INCIDENT_KINDS]),
    description: MultilineText({ minLength: 5, maxLength: 3000 }),
    actionTaken: O(MultilineText({ minLength: 1, maxLength: 3000 })),
  },
  { additionalProperties: false },
);
export type IncidentBody = Static<typeof IncidentBody>;

export const IncidentView = Type.Object({
  id: Type.String(),
  occurredOn: Type.String(),
  kind: Type.Enum([...INCIDENT_KINDS]),
  description: Type.String(),
  actionTaken: Nullable(Type.String()),
});
export type IncidentView = Static<typeof IncidentView>;

export const MobilityBody = Type.Object(
  {
    travelledOn: IsoDate,
    mode: Type.Enum([...MOBILITY_MODES]),
    doorToDoorMinutes: O(Type.Integer({ minimum: 1, maximum: 600 })),
    costRefundedCents: O(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    travelsAlone: Type.Boolean(),
    firstAutonomousCrossing: Type.Boolean(),
    note: O(text(1, 500)),
  },
  { additionalProperties: false },
);
export type MobilityBody = Static<typeof MobilityBody>;

export const MobilityView = Type.Object({
  id: Type.String(),
  travelledOn: Type.String(),
  mode: Type.Enum([...MOBILITY_MODES]),
  doorToDoorMinutes: Nullable(Type.Integer()),
  costRefundedCents: Nullable(Type.Integer()),
  travelsAlone: Type.Boolean(),
  firstAutonomousCrossing: Type.Boolean(),
  note: Nullable(Type.String()),
});
export type MobilityView = Static<typeof MobilityView>;

// ------------------------------------------------------------------------------------- stays abroad

export const StayBody = Type.Object(
  { startsOn: IsoDate, endsOn: IsoDate, reason: O(text(1, 500)) },
  { additionalProperties: false },
);
export type StayBody = Static<typeof StayBody>;

export const StayView = Type.Object({
  id: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  days: Type.Integer(),
  reason: Nullable(Type.String()),
});
export type StayView = Static<typeof StayView>;

export const StayAlertView = Type.Object({
  code: Type.Enum(['stay_7_days', 'over_4_weeks_in_year']),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
  days: Type.Integer(),
});
export type StayAlertView = Static<typeof StayAlertView>;

// ------------------------------------------------------------------------------------------ outcomes

export const OutcomeBody = Type.Object(
  {
    observedOn: IsoDate,
    situation: Type.Enum([...OUTCOME_SITUATIONS]),
    contractType: O(Type.Enum([...CONTRACT_TYPES])),
    dropOutReason: O(MultilineText({ minLength: 2, maxLength: 1000 })),
    note: O(MultilineText({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type OutcomeBody = Static<typeof OutcomeBody>;

export const OutcomeView = Type.Object({
  observedOn: Type.String(),
  situation: Type.Enum([...OUTCOME_SITUATIONS]),
  contractType: Nullable(Type.Enum([...CONTRACT_TYPES])),
  dropOutReason: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type OutcomeView = Static<typeof OutcomeView>;

export const OutcomeSlot = Type.Object({
  kind: Type.Enum([...OUTCOME_KINDS]),
  /** Null while the placement has not ended. */
  opensOn: Nullable(Type.String()),
  dueBy: Nullable(Type.String()),
  /** May be recorded now (ended, window open, the actor may). */
  open: Type.Boolean(),
  outcome: Nullable(OutcomeView),
});
export type OutcomeSlot = Static<typeof OutcomeSlot>;

// --------------------------------------------------------------------------------------- whole view

export const FollowUpView = Type.Object({
  placementId: Type.String(),
  side: Type.Enum(['home', 'host']),
  status: Type.Enum([...AGREEMENT_STATUSES]),
  person: FollowUpPerson,
  /** The last day the host may see the person's shared data (hostAccessEnd: the end plus the grace). */
  hostAccessUntil: Type.String(),
  /** The days follow-up may be recorded for (the agreed period, cut short by an interruption). */
  period: Period,
  today: Type.String(),
  /** Follow-up may be recorded now (status) and by this actor (permission). */
  canRecord: Type.Boolean(),
  canEvaluate: Type.Boolean(),
  summary: AttendanceSummaryView,
  midpoint: Type.String(),
  evaluations: Type.Array(EvaluationView),
  incidents: Type.Array(IncidentView),
  mobility: Type.Array(MobilityView),
  /** The day of the first autonomous border crossing, once recorded. */
  firstCrossingOn: Nullable(Type.String()),
  /** Home side only (null for the host). */
  stays: Nullable(Type.Array(StayView)),
  canRecordStays: Type.Boolean(),
  /** Home side and a Belgian RIS/leefloon recipient only; null otherwise. */
  stayAlerts: Nullable(Type.Array(StayAlertView)),
  /** Home side only (null for the host). */
  outcomes: Nullable(Type.Array(OutcomeSlot)),
  /** Things to know about the last change (e.g. a second "first autonomous crossing"). */
  warnings: Type.Array(Type.String()),
});
export type FollowUpView = Static<typeof FollowUpView>;
