/**
 * Opening hours of a directory service: ranges per ISO weekday (Monday = 1), checked and formatted here
 * so the API, the forms and the printed page agree. Pure: shared by the server and the browser.
 */
import type { FieldError } from '../validation/errors';

export interface OpeningRange {
  day: number;
  opens: string;
  closes: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Minutes since midnight of 'HH:MM' (00:00–23:59), or null when it is not such a time. */
export function minutesOf(time: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * What is wrong with a list of ranges, as field errors on `openingHours.<index>`: a day outside 1–7, a
 * malformed time, a range that does not close after it opens, a range overlapping an earlier one of the
 * same day (ranges that only touch, 12:00–12:00, do not overlap).
 */
export function openingHoursProblems(ranges: readonly OpeningRange[], base = 'openingHours'): FieldError[] {
  const problems: FieldError[] = [];
  const valid: Array<{ i: number; day: number; from: number; to: number }> = [];
  ranges.forEach((r, i) => {
    const from = minutesOf(r.opens);
    const to = minutesOf(r.closes);
    if (!Number.isInteger(r.day) || r.day < 1 || r.day > 7)
      problems.push({ path: `${base}.${i}.day`, code: 'validation.choice' });
    else if (from === null) problems.push({ path: `${base}.${i}.opens`, code: 'validation.pattern' });
    else if (to === null) problems.push({ path: `${base}.${i}.closes`, code: 'validation.pattern' });
    else if (to <= from)
      problems.push({ path: `${base}.${i}.closes`, code: 'network.services.errors.hours_order' });
    else {
      const clash = valid.find((v) => v.day === r.day && v.from < to && from < v.to);
      if (clash)
        problems.push({
          path: `${base}.${i}`,
          code: 'network.services.errors.hours_overlap',
          params: { other: clash.i + 1 },
        });
      valid.push({ i, day: r.day, from, to });
    }
  });
  return problems;
}

/** Ranges in week order (day, then opening time), as stored and shown. */
export function sortOpeningHours<T extends OpeningRange>(ranges: readonly T[]): T[] {
  return [...ranges].sort((a, b) => a.day - b.day || (minutesOf(a.opens) ?? 0) - (minutesOf(b.opens) ?? 0));
}

/** The week from Monday to Sunday with each day's ranges (empty when closed). */
export function weekSchedule(
  ranges: readonly OpeningRange[],
): Array<{ day: number; ranges: OpeningRange[] }> {
  const sorted = sortOpeningHours(ranges);
  return WEEKDAYS.map((day) => ({ day, ranges: sorted.filter((r) => r.day === day) }));
}

/** The localised weekday name of an ISO day (1 = Monday) via Intl. 2024-01-01 was a Monday. */
export function weekdayName(day: number, locale: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );
}

/** 'HH:MM' in the reader's convention (24-hour in French and Dutch, as Intl writes it). */
export function formatTime(time: string, locale: string): string {
  const minutes = minutesOf(time);
  if (minutes === null) return time;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1, Math.floor(minutes / 60), minutes % 60)),
  );
}
