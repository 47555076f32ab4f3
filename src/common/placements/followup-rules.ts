/**
 * Rules of a placement's follow-up, shared by the server (to refuse) and the web (to show): when a day may
 * be recorded, what a week of attendance must look like, the attendance summary, when the final evaluation
 * and the outcomes open, and when a stay abroad must be flagged. Dates are ISO days ('YYYY-MM-DD').
 */
import type { FieldError } from '../validation/errors';
import type { AgreementStatus } from './agreement-workflow';
import {
  addDays,
  addMonths,
  daysInclusive,
  overlaps,
  type Period,
  parseIsoDate,
  staysAbroadAlerts,
} from './dates';

export const ATTENDANCE_STATUSES = [
  'present',
  'justified_absence',
  'unjustified_absence',
  'not_planned',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const EVALUATION_KINDS = ['mid_term', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
/** Scored 1 (insufficient) to 4 (very good); soft_skills is the "savoir-être". */
export const EVALUATION_CRITERIA = ['tasks', 'skills', 'soft_skills', 'punctuality', 'language'] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];
export const SCORE_MIN = 1;
export const SCORE_MAX = 4;
export const INCIDENT_KINDS = [
  'work_accident',
  'commuting_accident',
  'behaviour',
  'conflict',
  'health',
  'damage',
  'other',
] as const;
export const MOBILITY_MODES = [
  'walk',
  'bike',
  'bus',
  'tram',
  'train',
  'car',
  'carpool',
  'shuttle',
  'other',
] as const;
export const OUTCOME_KINDS = ['exit', 'six_months'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OUTCOME_SITUATIONS = [
  'job',
  'training',
  'art60_aci',
  'continued_activation',
  'no_change',
  'drop_out',
] as const;
export type OutcomeSituation = (typeof OUTCOME_SITUATIONS)[number];
export const CONTRACT_TYPES = [
  'permanent',
  'fixed_term',
  'temporary',
  'subsidised',
  'self_employed',
  'other',
] as const;
/** Belgian minimum-income benefits whose rules on stays abroad the centre must watch (domain brief §2). */
export const STAY_ALERT_BENEFITS = ['ris', 'leefloon', 'equivalent_leefloon'] as const;
/** The exit situation is observed within 4 weeks of the end; the second one 6 months later. */
export const OUTCOME_WINDOW_DAYS = 28;
export const SIX_MONTHS = 6;

const ENDED: readonly AgreementStatus[] = ['completed', 'interrupted'];

// ------------------------------------------------------------------------------------------------ days

/** 0 for Monday … 6 for Sunday. */
export const isoWeekday = (iso: string) => (new Date(parseIsoDate(iso)).getUTCDay() + 6) % 7;
export const mondayOf = (iso: string) => addDays(iso, -isoWeekday(iso));
export const weekDays = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The days follow-up may be recorded for: the agreed period, cut short by an interruption. */
export function followUpPeriod(p: { startsOn: string; endsOn: string; endedOn: string | null }): Period {
  return { start: p.startsOn, end: p.endedOn && p.endedOn < p.endsOn ? p.endedOn : p.endsOn };
}

export type DayProblem = 'outside_period' | 'future';

/** A day that may carry follow-up: inside the period and not after today. */
export function dayProblem(day: string, period: Period, today: string): DayProblem | null {
  if (day < period.start || day > period.end) return 'outside_period';
  if (day > today) return 'future';
  return null;
}

/** The field error for a day's problem, with the period in its parameters. */
export function dayError(path: string, problem: DayProblem, period: Period): FieldError {
  return problem === 'future'
    ? { path, code: 'placements.followup.errors.future' }
    : {
        path,
        code: 'placements.followup.errors.outside_period',
        params: { start: period.start, end: period.end },
      };
}

/** Planned hours of a day when the tutor has not recorded it: the weekly hours spread Monday to Friday. */
export function defaultPlannedHours(day: string, hoursPerWeek: number | null, period: Period): number {
  if (!hoursPerWeek || day < period.start || day > period.end || isoWeekday(day) > 4) return 0;
  return round1(hoursPerWeek / 5);
}

// ------------------------------------------------------------------------------------------ attendance

export interface AttendanceDay {
  day: string;
  status: AttendanceStatus;
  plannedHours: number;
  hours: number | null;
}

/**
 * What is wrong with a week the tutor sends, per day (paths 'days.<i>.<field>'): days of another week,
 * twice the same day, days outside the period or in the future, hours that contradict the status.
 */
export function weekEntryProblems(
  days: readonly AttendanceDay[],
  ctx: { week: string; period: Period; today: string },
): FieldError[] {
  const out: FieldError[] = [];
  const last = addDays(ctx.week, 6);
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const at = (f: string) => `days.${i}.${f}`;
    if (d.day < ctx.week || d.day > last)
      out.push({ path: at('day'), code: 'placements.followup.errors.outside_week' });
    else if (seen.has(d.day)) out.push({ path: at('day'), code: 'placements.followup.errors.duplicate_day' });
    else {
      const problem = dayProblem(d.day, ctx.period, ctx.today);
      if (problem) out.push(dayError(at('day'), problem, ctx.period));
    }
    seen.add(d.day);
    const worked = d.hours !== null && d.hours > 0;
    if (d.status === 'present' && !worked)
      out.push({ path: at('hours'), code: 'placements.followup.errors.hours_required' });
    if (d.status === 'justified_absence' || d.status === 'unjustified_absence') {
      if (d.plannedHours <= 0)
        out.push({ path: at('plannedHours'), code: 'placements.followup.errors.absence_not_planned' });
      if (worked) out.push({ path: at('hours'), code: 'placements.followup.errors.hours_when_absent' });
    }
    if (d.status === 'not_planned') {
      if (d.plannedHours > 0)
        out.push({ path: at('plannedHours'), code: 'placements.followup.errors.not_planned_hours' });
      if (worked) out.push({ path: at('hours'), code: 'placements.followup.errors.hours_when_not_planned' });
    }
  });
  return out;
}

/** Days as the attendance rate reads them; `count` stands for that many identical days (SQL groups them). */
export type RateDay = Pick<AttendanceDay, 'status' | 'plannedHours' | 'hours'> & { count?: number };

export interface AttendanceRate {
  /** Hours worked on planned days, each day counted up to its planned hours. */
  realisedHours: number;
  /** Hours planned on the days recorded so far. */
  plannedHours: number;
  /** realisedHours / plannedHours (0 to 1); null before any planned hour is recorded. */
  rate: number | null;
}

/**
 * The one attendance rate of a placement (follow-up, attendance sheet, programme overview, CSV and XLSX):
 * "taux de présence (heures réalisées / heures prévues)". Hours, not days, because hours are what the
 * programmes' funders (ESF+, Interreg, the regions) count and pay for per participant, and a half day
 * missed then weighs half a day. Only planned days count, and a present day counts its hours up to the
 * planned ones: an extra hour or an unplanned Saturday does not make up for an absence, so the rate stays
 * within 0–100 %. A present day recorded without hours counts as worked as planned.
 */
export function attendanceRate(days: readonly RateDay[]): AttendanceRate {
  let planned = 0;
  let realised = 0;
  for (const d of days) {
    const n = d.count ?? 1;
    if (d.status === 'not_planned' || !(d.plannedHours > 0)) continue;
    planned += n * d.plannedHours;
    if (d.status === 'present')
      realised += n * Math.min(Math.max(d.hours ?? d.plannedHours, 0), d.plannedHours);
  }
  return {
    realisedHours: round1(realised),
    plannedHours: round1(planned),
    rate: planned > 0 ? Math.min(realised / planned, 1) : null,
  };
}

export interface AttendanceSummary {
  /** Recorded days on which the person was expected. */
  plannedDays: number;
  plannedHours: number;
  presentDays: number;
  /** Every hour worked, unplanned days included. */
  presentHours: number;
  justifiedAbsences: number;
  unjustifiedAbsences: number;
  /** The hours that count for the rate (see attendanceRate). */
  realisedHours: number;
  /** attendanceRate(): realised hours over planned hours (0 to 1); null before any planned hour. */
  attendanceRate: number | null;
  /** Mondays of the weeks over by today (Monday to Friday in the period) with a working day not entered. */
  missingWeeks: string[];
}

/** The attendance summary of a placement from its recorded days. */
export function attendanceSummary(
  days: readonly AttendanceDay[],
  period: Period,
  today: string,
): AttendanceSummary {
  let plannedDays = 0;
  let presentDays = 0;
  let presentHours = 0;
  let justifiedAbsences = 0;
  let unjustifiedAbsences = 0;
  for (const d of days) {
    if (d.status !== 'not_planned' && d.plannedHours > 0) plannedDays++;
    if (d.status === 'present') {
      presentDays++;
      presentHours += d.hours ?? 0;
    }
    if (d.status === 'justified_absence') justifiedAbsences++;
    if (d.status === 'unjustified_absence') unjustifiedAbsences++;
  }
  const rate = attendanceRate(days);
  return {
    plannedDays,
    plannedHours: rate.plannedHours,
    presentDays,
    presentHours: round1(presentHours),
    justifiedAbsences,
    unjustifiedAbsences,
    realisedHours: rate.realisedHours,
    attendanceRate: rate.rate,
    missingWeeks: missingWeeks(new Set(days.map((d) => d.day)), period, today),
  };
}

function missingWeeks(entered: ReadonlySet<string>, period: Period, today: string): string[] {
  const out: string[] = [];
  if (period.end < period.start) return out;
  for (
    let monday = mondayOf(period.start);
    monday <= period.end && monday < today;
    monday = addDays(monday, 7)
  ) {
    const working = weekDays(monday)
      .slice(0, 5)
      .filter((d) => d >= period.start && d <= period.end);
    // A week is due once its last working day in the period is behind us.
    const lastWorking = working[working.length - 1];
    if (!lastWorking || lastWorking >= today) continue;
    if (working.some((d) => !entered.has(d))) out.push(monday);
  }
  return out;
}

// ------------------------------------------------------------------------------------- host's access

/**
 * Days the host keeps access to the person after the placement's end, for the final evaluation. The
 * database applies the same number (app.placement_host_access_grace_days(), migration 0010; a test keeps
 * them equal); closing the placement (completed, interrupted, cancelled) ends the access at once.
 */
export const HOST_ACCESS_GRACE_DAYS = 30;

/** The last day the host may see the person through the placement's grant: the end (or interruption) + grace. */
export function hostAccessEnd(p: { endsOn: string; endedOn?: string | null }): string {
  const end = p.endedOn && p.endedOn < p.endsOn ? p.endedOn : p.endsOn;
  return addDays(end, HOST_ACCESS_GRACE_DAYS);
}

// ----------------------------------------------------------------------------------------- evaluations

/** The middle day of the agreed period: the final evaluation may be held from then on. */
export const evaluationMidpoint = (agreed: Period) =>
  addDays(agreed.start, Math.floor((daysInclusive(agreed.start, agreed.end) - 1) / 2));

/**
 * Problems with an evaluation's date: a day of the period, not in the future; the final one not before the
 * midpoint of the agreed period (an interrupted placement may close with a final evaluation at any time).
 */
export function evaluationProblems(
  kind: EvaluationKind,
  heldOn: string,
  ctx: { agreed: Period; period: Period; today: string; status: AgreementStatus },
): FieldError[] {
  const problem = dayProblem(heldOn, ctx.period, ctx.today);
  if (problem) return [dayError('heldOn', problem, ctx.period)];
  const midpoint = evaluationMidpoint(ctx.agreed);
  if (kind === 'final' && heldOn < midpoint && ctx.status !== 'interrupted')
    return [
      {
        path: 'heldOn',
        code: 'placements.followup.errors.final_before_midpoint',
        params: { date: midpoint },
      },
    ];
  return [];
}

// ---------------------------------------------------------------------------------------------- stays

export const staysAlertApplies = (benefit: string | null | undefined) =>
  (STAY_ALERT_BENEFITS as readonly string[]).includes(benefit ?? '');

/** A stay abroad must lie within the agreed period; it may be planned ahead (the alert matters before). */
export function stayProblems(stay: Period, period: Period): FieldError[] {
  const out: FieldError[] = [];
  const params = { start: period.start, end: period.end };
  if (stay.start < period.start || stay.start > period.end)
    out.push({ path: 'startsOn', code: 'placements.followup.errors.outside_period', params });
  if (stay.end < stay.start)
    out.push({ path: 'endsOn', code: 'placements.followup.errors.end_before_start' });
  else if (stay.end > period.end)
    out.push({ path: 'endsOn', code: 'placements.followup.errors.outside_period', params });
  return out;
}

/**
 * The alerts that concern this placement, computed over all of the person's stays (other placements count
 * towards the 4 weeks in a year): a long stay overlapping the placement, or a year the placement spans.
 */
export function placementStayAlerts(allStays: readonly Period[], agreed: Period) {
  const first = Number(agreed.start.slice(0, 4));
  const last = Number(agreed.end.slice(0, 4));
  return staysAbroadAlerts(allStays).filter((a) =>
    a.period ? overlaps(a.period, agreed) : a.year !== undefined && a.year >= first && a.year <= last,
  );
}

// -------------------------------------------------------------------------------------------- outcomes

export const isEnded = (status: AgreementStatus) => ENDED.includes(status);

/** When an outcome may be recorded from, and by when it is expected. */
export function outcomeWindow(kind: OutcomeKind, endedOn: string): { opensOn: string; dueBy: string } {
  const opensOn = kind === 'exit' ? endedOn : addMonths(endedOn, SIX_MONTHS);
  return { opensOn, dueBy: addDays(opensOn, OUTCOME_WINDOW_DAYS) };
}

export interface OutcomeInput {
  observedOn: string;
  situation: OutcomeSituation;
  contractType?: string | null;
  dropOutReason?: string | null;
}

/**
 * Whether an outcome may be recorded now ('conflict': the placement has not ended, or six months have not
 * passed) and what is wrong with its fields (a job names its contract, a drop-out its reason, and only they).
 */
export function outcomeProblems(
  kind: OutcomeKind,
  o: OutcomeInput,
  ctx: { status: AgreementStatus; endedOn: string | null; today: string },
): { conflict: { code: string; params?: Record<string, string> } | null; fields: FieldError[] } {
  if (!isEnded(ctx.status) || !ctx.endedOn)
    return { conflict: { code: 'placements.followup.errors.outcome_not_ended' }, fields: [] };
  const { opensOn } = outcomeWindow(kind, ctx.endedOn);
  if (ctx.today < opensOn)
    return {
      conflict: { code: 'placements.followup.errors.outcome_not_open', params: { date: opensOn } },
      fields: [],
    };
  const fields: FieldError[] = [];
  if (o.observedOn < opensOn)
    fields.push({
      path: 'observedOn',
      code: 'placements.followup.errors.observed_before',
      params: { date: opensOn },
    });
  else if (o.observedOn > ctx.today)
    fields.push({ path: 'observedOn', code: 'placements.followup.errors.future' });
  const contract = o.contractType?.trim();
  if (o.situation === 'job' && !contract) fields.push({ path: 'contractType', code: 'validation.required' });
  if (o.situation !== 'job' && contract)
    fields.push({ path: 'contractType', code: 'placements.followup.errors.contract_only_for_job' });
  const reason = o.dropOutReason?.trim();
  if (o.situation === 'drop_out' && !reason)
    fields.push({ path: 'dropOutReason', code: 'validation.required' });
  if (o.situation === 'drop_out' && reason && reason.length < 2)
    fields.push({ path: 'dropOutReason', code: 'validation.min_length', params: { limit: 2 } });
  if (o.situation !== 'drop_out' && reason)
    fields.push({ path: 'dropOutReason', code: 'placements.followup.errors.reason_only_for_drop_out' });
  return { conflict: null, fields };
}
