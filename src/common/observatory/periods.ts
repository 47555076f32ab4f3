/**
 * Observatory periods, written as DHIS2 writes them: `2024` (year), `2024Q1` (quarter), `202403` (month), plus
 * a multi-year window `2020-2024` for pooled sources such as the French census.
 *
 * A window's reference year is its MIDDLE year (for an even length, the earlier of the two middle years):
 * INSEE names a census vintage after the middle of its five survey waves (RP 2022 pools the surveys of
 * 2020 to 2024 and is dated 1 January 2022), so `2020-2024` compares with Statbel's 2022, not its 2024.
 *
 * Pure code shared by server and web; labels are the web's business, this returns structured data.
 */

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'window'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period =
  | { kind: 'year'; code: string; year: number }
  | { kind: 'quarter'; code: string; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; code: string; year: number; month: number }
  | { kind: 'window'; code: string; firstYear: number; lastYear: number };

/** A period, or its code (a code that does not parse is a programming error: validate with `parsePeriod`). */
export type PeriodLike = Period | string;

/** Years outside this range are typing errors in an import, not data. */
export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2100;
/** Longest pooled window accepted: the census pools five years; ten leaves room for decennial averages. */
export const MAX_WINDOW_YEARS = 10;
/** Cross-border comparisons stay within about one year (observatory-data.md §4.5). */
export const DEFAULT_COMPARABLE_YEARS = 1;

const yearOk = (y: number) => y >= MIN_PERIOD_YEAR && y <= MAX_PERIOD_YEAR;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The period a code stands for, or null when it is not a canonical period code. */
export function parsePeriod(code: string): Period | null {
  let m = /^(\d{4})$/.exec(code);
  if (m) {
    const year = Number(m[1]);
    return yearOk(year) ? { kind: 'year', code, year } : null;
  }
  m = /^(\d{4})Q([1-4])$/.exec(code);
  if (m) {
    const year = Number(m[1]);
    return yearOk(year) ? { kind: 'quarter', code, year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : null;
  }
  m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(code);
  if (m) {
    const year = Number(m[1]);
    return yearOk(year) ? { kind: 'month', code, year, month: Number(m[2]) } : null;
  }
  m = /^(\d{4})-(\d{4})$/.exec(code);
  if (m) {
    const firstYear = Number(m[1]);
    const lastYear = Number(m[2]);
    const length = lastYear - firstYear + 1;
    if (!yearOk(firstYear) || !yearOk(lastYear) || length < 2 || length > MAX_WINDOW_YEARS) return null;
    return { kind: 'window', code, firstYear, lastYear };
  }
  return null;
}

export const isPeriod = (code: string): boolean => parsePeriod(code) !== null;

/** The period of a code, throwing on a code that does not parse (for codes already validated). */
export function toPeriod(p: PeriodLike): Period {
  if (typeof p !== 'string') return p;
  const parsed = parsePeriod(p);
  if (!parsed) throw new RangeError(`Not a period code: ${JSON.stringify(p)}`);
  return parsed;
}

export type PeriodParts =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'window'; firstYear: number; lastYear: number };

/** The canonical code of a period's parts (`{ kind: 'month', year: 2024, month: 3 }` → `202403`); throws if invalid. */
export function formatPeriod(parts: PeriodParts): string {
  let code: string;
  switch (parts.kind) {
    case 'year':
      code = String(parts.year);
      break;
    case 'quarter':
      code = `${parts.year}Q${parts.quarter}`;
      break;
    case 'month':
      code = `${parts.year}${pad2(parts.month)}`;
      break;
    case 'window':
      code = `${parts.firstYear}-${parts.lastYear}`;
      break;
  }
  // Round-trip through the parser so that formatting never produces a code the parser would refuse.
  if (!parsePeriod(code)) throw new RangeError(`Not a valid period: ${JSON.stringify(parts)}`);
  return code;
}

export const periodKind = (p: PeriodLike): PeriodKind => toPeriod(p).kind;

/** First day of the period, ISO `YYYY-MM-DD`. */
export function periodStart(p: PeriodLike): string {
  const q = toPeriod(p);
  switch (q.kind) {
    case 'year':
      return `${q.year}-01-01`;
    case 'quarter':
      return `${q.year}-${pad2(q.quarter * 3 - 2)}-01`;
    case 'month':
      return `${q.year}-${pad2(q.month)}-01`;
    case 'window':
      return `${q.firstYear}-01-01`;
  }
}

/** Last day of the period (included), ISO `YYYY-MM-DD`. */
export function periodEnd(p: PeriodLike): string {
  const q = toPeriod(p);
  switch (q.kind) {
    case 'year':
      return `${q.year}-12-31`;
    case 'quarter':
      return lastDayOfMonth(q.year, q.quarter * 3);
    case 'month':
      return lastDayOfMonth(q.year, q.month);
    case 'window':
      return `${q.lastYear}-12-31`;
  }
}

function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one (UTC, so no time zone shifts the date).
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The year a value of the period stands for: its own year, or a window's middle year (see the file head). */
export function referenceYear(p: PeriodLike): number {
  const q = toPeriod(p);
  return q.kind === 'window' ? q.firstYear + Math.floor((q.lastYear - q.firstYear) / 2) : q.year;
}

/** Chronological order: by first day, then the shorter period first (`202401` < `2024Q1` < `2024`). */
export function comparePeriods(a: PeriodLike, b: PeriodLike): number {
  const [sa, sb] = [periodStart(a), periodStart(b)];
  if (sa !== sb) return sa < sb ? -1 : 1;
  const [ea, eb] = [periodEnd(a), periodEnd(b)];
  return ea === eb ? 0 : ea < eb ? -1 : 1;
}

/** Period codes sorted chronologically (a new array). */
export function sortPeriods<T extends PeriodLike>(periods: readonly T[]): T[] {
  return [...periods].sort(comparePeriods);
}

/** True when `inner` lies wholly within `outer` (`202403` in `2024Q1`, `2024` in `2020-2024`). */
export function periodContains(outer: PeriodLike, inner: PeriodLike): boolean {
  return periodStart(outer) <= periodStart(inner) && periodEnd(inner) <= periodEnd(outer);
}

export interface PeriodComparability {
  comparable: boolean;
  /** Reference years of each side, to be shown next to each side's value whatever the verdict. */
  yearA: number;
  yearB: number;
  /** Absolute difference of the reference years. */
  gapYears: number;
  /** Same kind of period (two years, two windows…); a year beside a census window is allowed but worth a note. */
  sameKind: boolean;
}

/**
 * Whether values of two periods may be compared side by side: their reference years differ by at most
 * `toleranceYears` (one by default), whatever their kinds, since FR and BE sources rarely share a period type.
 */
export function periodsComparable(
  a: PeriodLike,
  b: PeriodLike,
  toleranceYears: number = DEFAULT_COMPARABLE_YEARS,
): PeriodComparability {
  const [pa, pb] = [toPeriod(a), toPeriod(b)];
  const [yearA, yearB] = [referenceYear(pa), referenceYear(pb)];
  const gapYears = Math.abs(yearA - yearB);
  return { comparable: gapYears <= toleranceYears, yearA, yearB, gapYears, sameKind: pa.kind === pb.kind };
}

/**
 * Among `candidates`, the period best compared with `target`: the smallest gap of reference years within the
 * tolerance, then one of the target's own kind, then the later end, then the shorter period. Null when none
 * is close enough.
 */
export function closestComparable<T extends PeriodLike>(
  target: PeriodLike,
  candidates: readonly T[],
  toleranceYears: number = DEFAULT_COMPARABLE_YEARS,
): T | null {
  let best: { candidate: T; rank: PeriodComparability } | null = null;
  for (const candidate of candidates) {
    const rank = periodsComparable(target, candidate, toleranceYears);
    if (!rank.comparable) continue;
    if (!best || preferred(candidate, rank, best.candidate, best.rank)) best = { candidate, rank };
  }
  return best?.candidate ?? null;
}

function preferred(a: PeriodLike, ra: PeriodComparability, b: PeriodLike, rb: PeriodComparability): boolean {
  if (ra.gapYears !== rb.gapYears) return ra.gapYears < rb.gapYears;
  if (ra.sameKind !== rb.sameKind) return ra.sameKind;
  const [ea, eb] = [periodEnd(a), periodEnd(b)];
  if (ea !== eb) return ea > eb;
  return periodStart(a) > periodStart(b);
}
