import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, nextDay, writeCalendar } from './ical';

describe('iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and newlines, backslash first', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('Immersion — CCAS Tourcoing')).toBe('Immersion — CCAS Tourcoing');
  });

  it('folds at 75 octets, never inside a UTF-8 character, continuation lines starting with a space', () => {
    const long = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('writes all-day events with an exclusive DTEND and CRLF line endings', () => {
    expect(nextDay('2027-02-28')).toBe('2027-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    const text = writeCalendar({
      prodId: '-//samen//immersions//FR',
      name: 'Immersions, samen',
      events: [
        {
          uid: 'immersion-1@samen.example',
          stamp: new Date('2026-12-07T10:11:12.345Z'),
          startsOn: '2027-03-02',
          endsOn: '2027-03-04',
          summary: 'Immersion — CCAS; Tourcoing',
          status: 'CONFIRMED',
        },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20270302');
    expect(lines).toContain('DTEND;VALUE=DATE:20270305');
    expect(lines).toContain('DTSTAMP:20261207T101112Z');
    expect(lines).toContain('SUMMARY:Immersion — CCAS\\; Tourcoing');
    expect(lines).toContain('X-WR-CALNAME:Immersions\\, samen');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });
});
