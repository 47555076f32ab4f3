/**
 * Calendar rules of placements on ISO dates ('YYYY-MM-DD'), computed in UTC so that no time zone or
 * daylight-saving change moves a day. Periods are inclusive: a placement from 1 to 31 March lasts 31 days.
 */

export interface Period {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return t;
}

export const isIsoDate = (iso: string) => {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
};

const toIso = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number) => toIso(parseIsoDate(iso) + days * DAY_MS);

/** Adds calendar months, clamping to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(parseIsoDate(iso));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return toIso(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
}

/** Days from a to b inclusive (1 when a = b); 0 or less when b is before a. */
export const daysInclusive = (a: string, b: string) => (parseIsoDate(b) - parseIsoDate(a)) / DAY_MS + 1;

export interface DurationRule {
  minMonths: number;
  maxMonths: number;
}

/** SAM Eurométropole's rule for Action 1; a programme may set its own. */
export const DEFAULT_DURATION: DurationRule = { minMonths: 2, maxMonths: 6 };

export type DurationProblem = 'end_before_start' | 'too_short' | 'too_long';

/**
 * A period of N months runs from its start to the day before the same date N months later: 2 months from
 * 15 January end on 14 March at the earliest; 6 months from 15 January end on 14 July at the latest.
 */
export function durationProblem(p: Period, rule: DurationRule = DEFAULT_DURATION): DurationProblem | null {
  if (parseIsoDate(p.end) < parseIsoDate(p.start)) return 'end_before_start';
  if (p.end < addDays(addMonths(p.start, rule.minMonths), -1)) return 'too_short';
  if (p.end > addDays(addMonths(p.start, rule.maxMonths), -1)) return 'too_long';
  return null;
}

export const overlaps = (a: Period, b: Period) => a.start <= b.end && b.start <= a.end;

/** Whether `outer` contains every day of `inner` (a programme's period and a placement's dates). */
export const covers = (outer: Period, inner: Period) => outer.start <= inner.start && inner.end <= outer.end;

/** The periods among `others` that overlap `p` (used against the person's other validated or active placements). */
export const overlapping = <T extends Period>(p: Period, others: readonly T[]) =>
  others.filter((o) => overlaps(p, o));

/** Merges overlapping or back-to-back periods into continuous ones, sorted by start. */
export function mergePeriods(periods: readonly Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  const out: Period[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.start <= addDays(last.end, 1)) {
      if (p.end > last.end) last.end = p.end;
    } else out.push({ ...p });
  }
  return out;
}

export interface StayAlert {
  code: 'stay_7_days' | 'over_4_weeks_in_year';
  /** The continuous stay, or the calendar year, concerned. */
  period?: Period;
  year?: number;
  days: number;
}

/**
 * Stays abroad of a Belgian revenu d'intégration / leefloon recipient (domain brief §2): a stay of 7 or
 * more consecutive days must be notified to the CPAS/OCMW, and more than 4 weeks abroad in a calendar year
 * suspends the benefit unless the centre accepts exceptional circumstances. Daily commuting is not a stay:
 * only nights spent abroad (residential placements, trips) are passed in.
 */
export function staysAbroadAlerts(stays: readonly Period[]): StayAlert[] {
  const merged = mergePeriods(stays.filter((s) => s.end >= s.start));
  const alerts: StayAlert[] = [];
  const perYear = new Map<number, number>();
  for (const p of merged) {
    const days = daysInclusive(p.start, p.end);
    if (days >= 7) alerts.push({ code: 'stay_7_days', period: p, days });
    // Split across calendar years.
    for (let y = Number(p.start.slice(0, 4)); y <= Number(p.end.slice(0, 4)); y++) {
      const from = p.start > `${y}-01-01` ? p.start : `${y}-01-01`;
      const to = p.end < `${y}-12-31` ? p.end : `${y}-12-31`;
      perYear.set(y, (perYear.get(y) ?? 0) + daysInclusive(from, to));
    }
  }
  for (const [year, days] of [...perYear].sort((a, b) => a[0] - b[0]))
    if (days > 28) alerts.push({ code: 'over_4_weeks_in_year', year, days });
  return alerts;
}
