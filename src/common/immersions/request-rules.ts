/**
 * The pure rules of an immersion request, shared by the server (which decides) and the form (which warns
 * before sending): days counted, kinds' bounds, the period's capacity, the yearly days per theme, the
 * report's due date. Dates are ISO `YYYY-MM-DD` strings, read as calendar days (no time zone involved).
 */

export const IMMERSION_KINDS = ['shadowing', 'short', 'long'] as const;
export type ImmersionKind = (typeof IMMERSION_KINDS)[number];

const DAY = 86_400_000;
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (iso: string, n: number) => fromUtc(toUtc(iso) + n * DAY);
export const calendarDays = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / DAY) + 1;

/** Working days (Monday to Friday) from `from` to `to`, both included; 0 when `to` is before `from`. */
export function workingDays(from: string, to: string): number {
  const total = calendarDays(from, to);
  if (total <= 0) return 0;
  const firstDow = new Date(toUtc(from)).getUTCDay();
  let n = Math.floor(total / 7) * 5;
  for (let i = 0; i < total % 7; i++) {
    const dow = (firstDow + i) % 7;
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

/** The days an immersion counts: those the schedule gives, else the working days between the dates. */
export const immersionDays = (from: string, to: string, scheduled?: number | null) =>
  scheduled != null && scheduled > 0 ? scheduled : workingDays(from, to);

/** What a kind allows: a shadowing day is one day; a short immersion 2 to 5 days; a long one up to 12 months. */
export const KIND_BOUNDS: Readonly<
  Record<ImmersionKind, { minDays: number; maxDays: number; maxMonths: number }>
> = {
  shadowing: { minDays: 1, maxDays: 1, maxMonths: 0 },
  short: { minDays: 2, maxDays: 5, maxMonths: 1 },
  long: { minDays: 6, maxDays: 260, maxMonths: 12 },
};

/** Months between two dates, the end included (12 months: 2026-01-05 to 2027-01-04). */
const withinMonths = (from: string, to: string, months: number) => {
  const d = new Date(toUtc(from));
  d.setUTCMonth(d.getUTCMonth() + months);
  return toUtc(to) < d.getTime();
};

export type DatesProblem =
  | 'ends_before_start'
  | 'shadowing_one_day'
  | 'days_out_of_kind'
  | 'too_long'
  | 'days_beyond_dates'
  | 'outside_period'
  | 'outside_programme';

/** Problems of a request's dates and days for its kind, period and programme (each a catalogue code). */
export function checkDates(r: {
  kind: ImmersionKind;
  startsOn: string;
  endsOn: string;
  days: number;
  period?: { startsOn: string; endsOn: string } | null;
  programme?: { startsOn: string; endsOn: string } | null;
}): DatesProblem[] {
  if (r.endsOn < r.startsOn) return ['ends_before_start'];
  const out: DatesProblem[] = [];
  const b = KIND_BOUNDS[r.kind];
  if (r.kind === 'shadowing' && r.endsOn !== r.startsOn) out.push('shadowing_one_day');
  if (r.days > calendarDays(r.startsOn, r.endsOn)) out.push('days_beyond_dates');
  else if (r.days < b.minDays || r.days > b.maxDays) out.push('days_out_of_kind');
  if (r.kind !== 'shadowing' && !withinMonths(r.startsOn, r.endsOn, b.maxMonths)) out.push('too_long');
  if (r.period && (r.startsOn < r.period.startsOn || r.endsOn > r.period.endsOn)) out.push('outside_period');
  if (r.programme && (r.startsOn < r.programme.startsOn || r.endsOn > r.programme.endsOn))
    out.push('outside_programme');
  return out;
}

/** Room left in a period (or the offer's capacity) once `taken` overlapping visitors are agreed. */
export const capacityLeft = (capacity: number, taken: number) => Math.max(0, capacity - taken);
export const hasRoom = (capacity: number, taken: number) => capacityLeft(capacity, taken) > 0;

export const overlaps = (a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }) =>
  a.startsOn <= b.endsOn && a.endsOn >= b.startsOn;

/** A programme's yearly bounds for short immersions per professional and theme (2 to 5 by default). */
export interface YearlyRule {
  minDays: number;
  maxDays: number;
}
export const DEFAULT_YEARLY_RULE: YearlyRule = { minDays: 2, maxDays: 5 };

export type YearlyWarning = { code: 'above_yearly_max' | 'below_yearly_min'; total: number } & YearlyRule;

/**
 * The yearly rule for a short immersion: its days plus the professional's other short immersions on the
 * same theme that calendar year. Above the maximum is a warning, never a block; below the minimum is said
 * too (the programme expects at least that many days). Other kinds are not under the rule.
 */
export function yearlyWarning(
  kind: ImmersionKind,
  days: number,
  otherDaysThatYear: number,
  rule: YearlyRule = DEFAULT_YEARLY_RULE,
): YearlyWarning | null {
  if (kind !== 'short') return null;
  const total = days + otherDaysThatYear;
  if (total > rule.maxDays) return { code: 'above_yearly_max', total, ...rule };
  if (total < rule.minDays) return { code: 'below_yearly_min', total, ...rule };
  return null;
}

/** The report is due 14 days after the immersion ends. */
export const REPORT_DUE_AFTER_DAYS = 14;
export const reportDueOn = (endsOn: string) => addDays(endsOn, REPORT_DUE_AFTER_DAYS);
/**
 * The visitor is reminded once 7 days before the report is due (a week after the end): they have had a
 * week to write it unprompted, and still have a week, with the immersion fresh in mind, when reminded.
 */
export const REPORT_REMIND_BEFORE_DUE_DAYS = 7;
export const reportReminderOn = (endsOn: string) =>
  addDays(reportDueOn(endsOn), -REPORT_REMIND_BEFORE_DUE_DAYS);
/** Whether the report is awaited now (the immersion ended) and whether it is late. */
export function reportState(endsOn: string, today: string, submitted: boolean) {
  if (submitted) return 'submitted' as const;
  if (today <= endsOn) return 'not_yet' as const;
  return today > reportDueOn(endsOn) ? ('overdue' as const) : ('due' as const);
}

/**
 * Six months after a completed immersion the visitor is asked whether something was taken up (one mail);
 * the home page asks the same for 30 days from that date (the server computes it in SQL).
 */
export const TAKE_UP_AFTER_MONTHS = 6;
export const TAKE_UP_ASKED_FOR_DAYS = 30;
