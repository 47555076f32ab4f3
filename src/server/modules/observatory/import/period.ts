/**
 * Periods of observatory values, in one canonical text form:
 * - a year: '2021';
 * - a quarter: '2021Q1';
 * - a month: '202103';
 * - a multi-year window: '2019-2023' (the French census pools five annual surveys, see censusWindow).
 *
 * Pure functions, no I/O.
 */

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const validYear = (y: number) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** True when `period` is already in canonical form. */
export function isCanonicalPeriod(period: string): boolean {
  return normalisePeriod(period) === period;
}

export type DatePeriod = 'year' | 'quarter' | 'month';

function fromDate(year: number, month: number, day: number, datePeriod: DatePeriod): string | null {
  if (!validYear(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (datePeriod === 'year') return String(year);
  if (datePeriod === 'quarter') return `${year}Q${Math.ceil(month / 3)}`;
  return `${year}${pad2(month)}`;
}

/**
 * Reads a period cell or a mapping's period into canonical form; null when it is not a period.
 * Accepted: 2021 (number or text); 2019-2023, 2019–2023, 2019/2023; 2021Q1, 2021-Q1, 2021 T1 (trimestre),
 * 2021K1 (kwartaal), Q1 2021, T1 2021, KW1 2021; 202103, 2021-03, 2021/03, 03/2021, 2021M03; dates
 * 2021-12-31, 31/12/2021, 31.12.2021 and spreadsheet dates, reduced by `datePeriod` (default month).
 */
export function normalisePeriod(
  input: string | number | Date | null | undefined,
  datePeriod: DatePeriod = 'month',
): string | null {
  if (input === null || input === undefined) return null;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return null;
    return fromDate(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate(), datePeriod);
  }
  const s = (typeof input === 'number' ? String(input) : input).trim().toUpperCase();
  let m = /^(\d{4})(?:\.0+)?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return validYear(y) ? String(y) : null;
  }
  m = /^(\d{4})\s*[-–/]\s*(\d{4})$/.exec(s);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (!validYear(from) || !validYear(to) || to < from) return null;
    return from === to ? String(from) : `${from}-${to}`;
  }
  m = /^(\d{4})\s*[-/ ]?\s*(?:Q|T|K|KW)\s*([1-4])$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return validYear(y) ? `${y}Q${m[2]}` : null;
  }
  m = /^(?:Q|T|K|KW)\s*([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[2]);
    return validYear(y) ? `${y}Q${m[1]}` : null;
  }
  m = /^(\d{4})M?(\d{2})$/.exec(s) ?? /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    return validYear(y) && month >= 1 && month <= 12 ? `${y}${pad2(month)}` : null;
  }
  m = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[2]);
    const month = Number(m[1]);
    return validYear(y) && month >= 1 && month <= 12 ? `${y}${pad2(month)}` : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) {
    return fromDate(Number(m[1]), Number(m[2]), Number(m[3]), datePeriod);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    // Day first, as both countries write dates.
    return fromDate(Number(m[3]), Number(m[2]), Number(m[1]), datePeriod);
  }
  return null;
}

/**
 * The collection window of a French census (RP) vintage: INSEE brings five annual surveys to the middle
 * year, so vintage 2021 (columns 'P21_…', 'C21_…') pools the surveys of 2019 to 2023 and refers to
 * 1 January 2021. Two-digit years are read as 20yy.
 */
export function censusWindow(vintage: number): string {
  const y = vintage < 100 ? 2000 + vintage : vintage;
  return `${y - 2}-${y + 2}`;
}
