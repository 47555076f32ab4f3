import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInclusive,
  durationProblem,
  isIsoDate,
  mergePeriods,
  overlapping,
  overlaps,
  staysAbroadAlerts,
} from './dates';

describe('calendar helpers', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('counts days inclusively and across a daylight-saving change', () => {
    expect(daysInclusive('2026-03-01', '2026-03-31')).toBe(31);
    expect(daysInclusive('2026-03-28', '2026-03-30')).toBe(3);
    expect(daysInclusive('2026-03-02', '2026-03-01')).toBe(0);
  });

  it('recognises calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('placement duration (2–6 months by default)', () => {
  it.each([
    ['2026-01-15', '2026-03-14', null],
    ['2026-01-15', '2026-03-13', 'too_short'],
    ['2026-01-15', '2026-07-14', null],
    ['2026-01-15', '2026-07-15', 'too_long'],
    ['2026-01-31', '2026-03-30', null],
    ['2026-01-31', '2026-03-29', 'too_short'],
    ['2026-05-01', '2026-04-30', 'end_before_start'],
    ['2026-05-01', '2026-05-01', 'too_short'],
  ])('%s → %s: %s', (start, end, problem) => {
    expect(durationProblem({ start, end })).toBe(problem);
  });

  it('follows a programme’s own rule', () => {
    const rule = { minMonths: 1, maxMonths: 12 };
    expect(durationProblem({ start: '2026-01-01', end: '2026-01-31' }, rule)).toBeNull();
    expect(durationProblem({ start: '2026-01-01', end: '2026-12-31' }, rule)).toBeNull();
    expect(durationProblem({ start: '2026-01-01', end: '2027-01-01' }, rule)).toBe('too_long');
  });
});

describe('overlap of placements', () => {
  const p = { start: '2026-03-01', end: '2026-05-31' };
  it.each([
    [{ start: '2026-01-01', end: '2026-02-28' }, false],
    [{ start: '2026-01-01', end: '2026-03-01' }, true],
    [{ start: '2026-04-01', end: '2026-04-15' }, true],
    [{ start: '2026-05-31', end: '2026-09-01' }, true],
    [{ start: '2026-06-01', end: '2026-09-01' }, false],
    [{ start: '2026-01-01', end: '2026-12-31' }, true],
  ])('%o overlaps: %s', (other, expected) => {
    expect(overlaps(p, other)).toBe(expected);
    expect(overlaps(other, p)).toBe(expected);
  });

  it('lists the overlapping ones', () => {
    const others = [
      { id: 'a', start: '2026-01-01', end: '2026-02-01' },
      { id: 'b', start: '2026-05-01', end: '2026-07-01' },
    ];
    expect(overlapping(p, others).map((o) => o.id)).toEqual(['b']);
  });
});

describe('stays abroad of a Belgian RIS / leefloon recipient', () => {
  it('merges overlapping and back-to-back stays', () => {
    expect(
      mergePeriods([
        { start: '2026-03-10', end: '2026-03-12' },
        { start: '2026-03-01', end: '2026-03-05' },
        { start: '2026-03-06', end: '2026-03-08' },
        { start: '2026-03-04', end: '2026-03-06' },
      ]),
    ).toEqual([
      { start: '2026-03-01', end: '2026-03-08' },
      { start: '2026-03-10', end: '2026-03-12' },
    ]);
  });

  it('says nothing for short stays', () => {
    expect(staysAbroadAlerts([{ start: '2026-03-01', end: '2026-03-06' }])).toEqual([]);
    expect(staysAbroadAlerts([])).toEqual([]);
  });

  it('alerts at 7 consecutive days, including when two stays join up', () => {
    expect(staysAbroadAlerts([{ start: '2026-03-01', end: '2026-03-07' }])).toEqual([
      { code: 'stay_7_days', period: { start: '2026-03-01', end: '2026-03-07' }, days: 7 },
    ]);
    const joined = staysAbroadAlerts([
      { start: '2026-03-01', end: '2026-03-04' },
      { start: '2026-03-05', end: '2026-03-07' },
    ]);
    expect(joined.map((a) => a.code)).toEqual(['stay_7_days']);
  });

  it('alerts past 4 weeks in a calendar year, not at exactly 28 days', () => {
    const fourWeeks = [0, 1, 2, 3].map((w) => ({
      start: `2026-0${w + 2}-01`,
      end: `2026-0${w + 2}-07`,
    }));
    expect(staysAbroadAlerts(fourWeeks).filter((a) => a.code === 'over_4_weeks_in_year')).toEqual([]);
    const more = [...fourWeeks, { start: '2026-09-01', end: '2026-09-01' }];
    expect(staysAbroadAlerts(more).filter((a) => a.code === 'over_4_weeks_in_year')).toEqual([
      { code: 'over_4_weeks_in_year', year: 2026, days: 29 },
    ]);
  });

  it('counts a stay across New Year in each year separately', () => {
    // 22 days in 2026 and 20 in 2027: one long stay, but neither year passes 4 weeks.
    expect(staysAbroadAlerts([{ start: '2026-12-10', end: '2027-01-20' }])).toEqual([
      { code: 'stay_7_days', period: { start: '2026-12-10', end: '2027-01-20' }, days: 42 },
    ]);
    expect(staysAbroadAlerts([{ start: '2026-12-01', end: '2027-01-05' }])).toEqual([
      { code: 'stay_7_days', period: { start: '2026-12-01', end: '2027-01-05' }, days: 36 },
      { code: 'over_4_weeks_in_year', year: 2026, days: 31 },
    ]);
  });
});
