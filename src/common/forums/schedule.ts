import { parseAbsolute, parseDateTime, toZoned } from '@internationalized/date';

/**
 * An event's dates as the organiser types them and readers see them: wall-clock days and times in the
 * network's time zone (Brussels and Paris share it), whatever the browser's own. An event may last
 * several days: a start day and time, an end day and time.
 */
export const NETWORK_TIME_ZONE = 'Europe/Brussels';

export interface WallTime {
  /** 'YYYY-MM-DD' */
  day: string;
  /** 'HH:MM' */
  time: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A day and time in the network's zone as an ISO instant; null when either is missing or impossible. */
export function wallToInstant(day: string, time: string, zone = NETWORK_TIME_ZONE): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  try {
    return toZoned(parseDateTime(`${day}T${time}`), zone)
      .toDate()
      .toISOString();
  } catch {
    return null;
  }
}

/** An instant as its day and time in the network's zone. */
export function instantToWall(iso: string, zone = NETWORK_TIME_ZONE): WallTime {
  const z = parseAbsolute(new Date(iso).toISOString(), zone);
  return { day: `${pad(z.year, 4)}-${pad(z.month)}-${pad(z.day)}`, time: `${pad(z.hour)}:${pad(z.minute)}` };
}

/** Whether an event starts and ends on the same day in the network's zone (shown as one day, two times). */
export const sameDay = (startsAt: string | Date, endsAt: string | Date, zone = NETWORK_TIME_ZONE) =>
  instantToWall(new Date(startsAt).toISOString(), zone).day ===
  instantToWall(new Date(endsAt).toISOString(), zone).day;
