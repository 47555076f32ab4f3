/**
 * The one notion of time. FR and BE share the Europe/Brussels civil time: "today" is the day as the staff
 * live it there, whatever the server's time zone, also between midnight and 02:00 when UTC is still on
 * yesterday. Rules, reminders and queries take their dates from a Clock, so tests can fix the day.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today in Europe/Brussels, `YYYY-MM-DD`. */
  today(): string;
}

export const CIVIL_TIME_ZONE = 'Europe/Brussels';

// One formatter for the process: toLocaleDateString() builds a new one at every call, which cost 7 % of the
// server's time on a person page under load (every request asks for today).
const civilFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CIVIL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day of an instant in Europe/Brussels, `YYYY-MM-DD`. */
export function civilDay(at: Date): string {
  const parts = civilFormat.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => civilDay(new Date()),
};

/** A clock stopped at an instant (or at noon, Brussels, on a day): for tests and demo data. */
export function fixedClock(at: Date | string): Clock {
  const instant =
    typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T11:00:00Z`) : new Date(at);
  return { now: () => new Date(instant), today: () => civilDay(instant) };
}
