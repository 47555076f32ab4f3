/**
 * The month view of the immersion calendars, as pure calculations shared by the page and its tests: the
 * Monday-first weeks a month's grid shows (the window the page asks the server for) and, in each week, the
 * bars of the immersions laid out in lanes so that one immersion keeps its line from day to day. Dates are
 * ISO `YYYY-MM-DD` strings read as calendar days; a month is `YYYY-MM`.
 */

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const addDays = (iso: string, n: number) => new Date(toUtc(iso) + n * DAY_MS).toISOString().slice(0, 10);

export const isMonth = (s: string | undefined): s is string => /^\d{4}-(0[1-9]|1[0-2])$/.test(s ?? '');
export const monthOf = (iso: string) => iso.slice(0, 7);

/** The month `n` months after (before, when negative) `month`. */
export function shiftMonth(month: string, n: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
}

/** The days the grid shows: from the Monday of the month's first week to the Sunday of its last, included. */
export function monthWindow(month: string): { from: string; to: string } {
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  const dow = (iso: string) => (new Date(toUtc(iso)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return { from: addDays(first, -dow(first)), to: addDays(last, 6 - dow(last)) };
}

/** The grid's weeks, each its seven days from Monday. */
export function monthWeeks(month: string): string[][] {
  const { from, to } = monthWindow(month);
  const weeks: string[][] = [];
  for (let monday = from; monday <= to; monday = addDays(monday, 7))
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  return weeks;
}

/** One immersion's bar in one week: its lane, first and last day (0 Monday … 6 Sunday) there. */
export interface WeekBar<T> {
  item: T;
  lane: number;
  first: number;
  last: number;
  /** The immersion starts (ends) this week, rather than going on from (to) another one. */
  startsHere: boolean;
  endsHere: boolean;
}

/**
 * The bars of the immersions a week shows, each in the first lane free over all its days there: the earliest
 * and then the longest first, so that a long immersion runs straight across the week.
 */
export function weekBars<T extends { startsOn: string; endsOn: string }>(
  items: readonly T[],
  week: readonly string[],
): WeekBar<T>[] {
  const monday = week[0] as string;
  const sunday = week[week.length - 1] as string;
  const shown = items
    .filter((i) => i.startsOn <= sunday && i.endsOn >= monday)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || b.endsOn.localeCompare(a.endsOn));
  const lanesEnd: number[] = []; // the last day taken in each lane
  return shown.map((item) => {
    const first = item.startsOn < monday ? 0 : week.indexOf(item.startsOn);
    const last = item.endsOn > sunday ? week.length - 1 : week.indexOf(item.endsOn);
    let lane = lanesEnd.findIndex((end) => end < first);
    if (lane < 0) lane = lanesEnd.length;
    lanesEnd[lane] = last;
    return { item, lane, first, last, startsHere: item.startsOn >= monday, endsHere: item.endsOn <= sunday };
  });
}
