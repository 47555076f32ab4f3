/**
 * A minimal iCalendar (RFC 5545) writer for all-day events: TEXT values escaped (backslash, semicolon,
 * comma, newline), content lines folded at 75 octets without splitting a UTF-8 character, CRLF endings.
 */

export interface AllDayEvent {
  uid: string;
  /** When the event last changed (DTSTAMP). */
  stamp: Date;
  /** First and last day, inclusive (ISO dates). */
  startsOn: string;
  endsOn: string;
  summary: string;
  status: 'CONFIRMED' | 'TENTATIVE';
}

/** Escapes a TEXT value (§3.3.11): backslash first, then `;` and `,`, newlines as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line (§3.1): at most 75 octets per line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets, the next ones 74 after their leading space.
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const basicDate = (iso: string) => iso.replaceAll('-', '');

/** The day after an ISO date: DTEND of an all-day event is exclusive. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const utcStamp = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** A whole VCALENDAR with its events, CRLF-terminated lines. */
export function writeCalendar(p: { prodId: string; name: string; events: AllDayEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(p.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(p.name)}`,
  ];
  for (const e of p.events)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      `DTSTART;VALUE=DATE:${basicDate(e.startsOn)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(e.endsOn))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `STATUS:${e.status}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
