import { describe, expect, it } from 'vitest';
import { isMonth, monthOf, monthWeeks, monthWindow, shiftMonth, weekBars } from './calendar-month';

describe('the month grid', () => {
  it('shows whole weeks from Monday, the month’s first to its last day included', () => {
    // March 2027 begins on a Monday and ends on a Wednesday.
    expect(monthWindow('2027-03')).toEqual({ from: '2027-03-01', to: '2027-04-04' });
    // February 2026 begins on a Sunday and ends on a Saturday: five weeks.
    expect(monthWindow('2026-02')).toEqual({ from: '2026-01-26', to: '2026-03-01' });
    expect(monthWeeks('2026-02')).toHaveLength(5);
    // March 2026 begins on a Sunday and ends on a Tuesday: six.
    expect(monthWindow('2026-03')).toEqual({ from: '2026-02-23', to: '2026-04-05' });
    expect(monthWeeks('2026-03')).toHaveLength(6);
    expect(monthWeeks('2027-03').map((w) => w[0])).toEqual([
      '2027-03-01',
      '2027-03-08',
      '2027-03-15',
      '2027-03-22',
      '2027-03-29',
    ]);
    expect(monthWeeks('2027-03')[4]).toEqual([
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
      '2027-04-02',
      '2027-04-03',
      '2027-04-04',
    ]);
  });

  it('moves by months across years, and reads only a real month', () => {
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-03', 12)).toBe('2028-03');
    expect(monthOf('2027-03-31')).toBe('2027-03');
    expect(isMonth('2027-03')).toBe(true);
    expect(isMonth('2027-13')).toBe(false);
    expect(isMonth('2027-3')).toBe(false);
    expect(isMonth(undefined)).toBe(false);
  });

  it('lays a week’s immersions out in lanes, each keeping its lane across its days', () => {
    const week = monthWeeks('2027-03')[1] as string[]; // 8 to 14 March
    const long = { id: 'long', startsOn: '2027-03-04', endsOn: '2027-03-10' };
    const day = { id: 'day', startsOn: '2027-03-09', endsOn: '2027-03-09' };
    const after = { id: 'after', startsOn: '2027-03-11', endsOn: '2027-03-16' };
    const other = { id: 'other', startsOn: '2027-03-20', endsOn: '2027-03-20' };
    const bars = weekBars([after, day, long, other], week);
    expect(bars.map((b) => [b.item.id, b.lane, b.first, b.last, b.startsHere, b.endsHere])).toEqual([
      // Begun the week before: from Monday, in the first lane.
      ['long', 0, 0, 2, false, true],
      // Its Tuesday is taken: the next lane.
      ['day', 1, 1, 1, true, true],
      // Free again from Thursday: back in the first lane, on to the next week.
      ['after', 0, 3, 6, true, false],
    ]);
  });
});
