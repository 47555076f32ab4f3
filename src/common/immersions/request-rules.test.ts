import { describe, expect, it } from 'vitest';
import {
  capacityLeft,
  checkDates,
  hasRoom,
  immersionDays,
  reportDueOn,
  reportReminderOn,
  reportState,
  workingDays,
  yearlyWarning,
} from './request-rules';

describe('working days', () => {
  it('counts Monday to Friday, both dates included', () => {
    expect(workingDays('2027-03-02', '2027-03-04')).toBe(3); // Tue–Thu
    expect(workingDays('2027-03-05', '2027-03-08')).toBe(2); // Fri–Mon over a weekend
    expect(workingDays('2027-03-06', '2027-03-07')).toBe(0); // a weekend
    expect(workingDays('2027-03-01', '2027-03-14')).toBe(10); // two full weeks
    expect(workingDays('2027-03-04', '2027-03-02')).toBe(0);
  });
  it('takes the schedule’s days when it says otherwise', () => {
    expect(immersionDays('2027-03-01', '2027-03-12', 4)).toBe(4);
    expect(immersionDays('2027-03-01', '2027-03-12', null)).toBe(10);
  });
});

describe('dates of a request', () => {
  const base = { kind: 'short' as const, startsOn: '2027-03-02', endsOn: '2027-03-04', days: 3 };
  it('accepts a short immersion of 2 to 5 days within its period and programme', () => {
    expect(
      checkDates({
        ...base,
        period: { startsOn: '2027-03-01', endsOn: '2027-03-31' },
        programme: { startsOn: '2025-01-01', endsOn: '2027-12-31' },
      }),
    ).toEqual([]);
  });
  it('names each problem', () => {
    expect(checkDates({ ...base, endsOn: '2027-03-01' })).toEqual(['ends_before_start']);
    expect(checkDates({ ...base, days: 6, endsOn: '2027-03-09' })).toEqual(['days_out_of_kind']);
    expect(checkDates({ ...base, days: 1, endsOn: '2027-03-02' })).toEqual(['days_out_of_kind']);
    expect(checkDates({ ...base, days: 4 })).toEqual(['days_beyond_dates']);
    expect(checkDates({ ...base, kind: 'shadowing', days: 1 })).toEqual(['shadowing_one_day']);
    expect(checkDates({ ...base, kind: 'shadowing', days: 1, endsOn: '2027-03-02' })).toEqual([]);
    expect(checkDates({ ...base, endsOn: '2027-04-20', days: 5 })).toEqual(['too_long']);
    expect(
      checkDates({ ...base, kind: 'long', startsOn: '2027-01-04', endsOn: '2028-01-03', days: 250 }),
    ).toEqual([]);
    expect(
      checkDates({ ...base, kind: 'long', startsOn: '2027-01-04', endsOn: '2028-01-04', days: 250 }),
    ).toEqual(['too_long']);
    expect(checkDates({ ...base, period: { startsOn: '2027-03-03', endsOn: '2027-03-31' } })).toEqual([
      'outside_period',
    ]);
    expect(checkDates({ ...base, programme: { startsOn: '2025-01-01', endsOn: '2027-03-03' } })).toEqual([
      'outside_programme',
    ]);
  });
});

describe('capacity', () => {
  it('leaves room until the overlapping agreed visitors fill the period', () => {
    expect(capacityLeft(2, 1)).toBe(1);
    expect(hasRoom(2, 1)).toBe(true);
    expect(hasRoom(1, 1)).toBe(false);
    expect(capacityLeft(1, 3)).toBe(0);
  });
});

describe('the yearly rule', () => {
  it('warns above the maximum and below the minimum, for short immersions only', () => {
    expect(yearlyWarning('short', 3, 0)).toBeNull();
    expect(yearlyWarning('short', 3, 2)).toBeNull();
    expect(yearlyWarning('short', 3, 3)).toEqual({
      code: 'above_yearly_max',
      total: 6,
      minDays: 2,
      maxDays: 5,
    });
    expect(yearlyWarning('short', 1, 0)).toEqual({
      code: 'below_yearly_min',
      total: 1,
      minDays: 2,
      maxDays: 5,
    });
    expect(yearlyWarning('long', 40, 10)).toBeNull();
    expect(yearlyWarning('shadowing', 1, 5)).toBeNull();
  });
  it('follows the programme’s own bounds', () => {
    expect(yearlyWarning('short', 3, 3, { minDays: 2, maxDays: 8 })).toBeNull();
    expect(yearlyWarning('short', 3, 0, { minDays: 4, maxDays: 8 })?.code).toBe('below_yearly_min');
  });
});

describe('the report', () => {
  it('is due 14 days after the end, then overdue', () => {
    expect(reportDueOn('2026-11-05')).toBe('2026-11-19');
    expect(reportState('2026-11-05', '2026-11-05', false)).toBe('not_yet');
    expect(reportState('2026-11-05', '2026-11-19', false)).toBe('due');
    expect(reportState('2026-11-05', '2026-11-20', false)).toBe('overdue');
    expect(reportState('2026-11-05', '2026-12-20', true)).toBe('submitted');
  });
  it('is reminded a week before it is due, after the immersion ended', () => {
    expect(reportReminderOn('2026-11-05')).toBe('2026-11-12');
    expect(reportReminderOn('2026-11-05') > '2026-11-05').toBe(true);
    expect(reportReminderOn('2026-11-05') < reportDueOn('2026-11-05')).toBe(true);
  });
});
