import { describe, expect, it } from 'vitest';
import { eventCalendar } from './ical';
import { when } from './mails';

/** An event over several days in the mails and the calendar file (issue 13, event form fixes). */
describe('an event over several days', () => {
  const startsAt = new Date('2027-07-01T07:30:00Z');
  const endsAt = new Date('2027-07-02T14:00:00Z');

  it('names both days in the mails, one day with two times otherwise', () => {
    expect(when('fr', startsAt, endsAt)).toBe('jeudi 1 juillet 2027, 09:30 – vendredi 2 juillet 2027, 16:00');
    expect(when('nl', startsAt, endsAt)).toBe('donderdag 1 juli 2027, 09:30 – vrijdag 2 juli 2027, 16:00');
    expect(when('en', new Date('2027-07-01T07:30:00Z'), new Date('2027-07-01T10:00:00Z'))).toBe(
      'Thursday, 1 July 2027, 09:30–12:00',
    );
  });

  it('spans both days in the calendar file', () => {
    const ics = eventCalendar({
      uid: 'x@samen',
      stamp: new Date('2027-06-01T00:00:00Z'),
      startsAt,
      endsAt,
      summary: 'Université d’été',
      description: null,
      location: 'Lille',
      url: null,
    });
    expect(ics).toContain('DTSTART:20270701T073000Z');
    expect(ics).toContain('DTEND:20270702T140000Z');
  });
});
