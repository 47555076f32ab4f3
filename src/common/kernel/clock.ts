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

/** The calendar day of an instant in Europe/Brussels, `YYYY-MM-DD`. */
export function civilDay(at: Date): string {
  // sv-SE formats as YYYY-MM-DD.
  return at.toLocaleDateString('sv-SE', { timeZone: CIVIL_TIME_ZONE });
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
