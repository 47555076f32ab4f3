import { describe, expect, it } from 'vitest';
import {
  closestComparable,
  comparePeriods,
  formatPeriod,
  isPeriod,
  parsePeriod,
  periodContains,
  periodEnd,
  periodKind,
  periodStart,
  periodsComparable,
  referenceYear,
  sortPeriods,
  toPeriod,
} from './periods';

describe('parsing and formatting periods', () => {
  it('reads the four kinds DHIS2-style', () => {
    expect(parsePeriod('2024')).toEqual({ kind: 'year', code: '2024', year: 2024 });
    expect(parsePeriod('2024Q1')).toEqual({ kind: 'quarter', code: '2024Q1', year: 2024, quarter: 1 });
    expect(parsePeriod('202403')).toEqual({ kind: 'month', code: '202403', year: 2024, month: 3 });
    expect(parsePeriod('2018-2022')).toEqual({
      kind: 'window',
      code: '2018-2022',
      firstYear: 2018,
      lastYear: 2022,
    });
    expect(periodKind('202412')).toBe('month');
  });

  it.each([
    '',
    '24',
    '2024Q0',
    '2024Q5',
    '2024q1',
    '202400',
    '202413',
    '2024-03',
    '2024-2024',
    '2024-2020',
    '2010-2024',
    '1899',
    '2101',
    ' 2024',
    '2024 ',
    '2024April',
  ])('refuses %j', (code) => {
    expect(parsePeriod(code)).toBeNull();
    expect(isPeriod(code)).toBe(false);
    expect(() => toPeriod(code)).toThrow(RangeError);
  });

  it('formats parts to the canonical code, and refuses impossible parts', () => {
    expect(formatPeriod({ kind: 'year', year: 2024 })).toBe('2024');
    expect(formatPeriod({ kind: 'quarter', year: 2024, quarter: 4 })).toBe('2024Q4');
    expect(formatPeriod({ kind: 'month', year: 2024, month: 3 })).toBe('202403');
    expect(formatPeriod({ kind: 'window', firstYear: 2018, lastYear: 2022 })).toBe('2018-2022');
    expect(() => formatPeriod({ kind: 'month', year: 2024, month: 13 })).toThrow(RangeError);
    expect(() => formatPeriod({ kind: 'quarter', year: 2024, quarter: 0 })).toThrow(RangeError);
    expect(() => formatPeriod({ kind: 'window', firstYear: 2022, lastYear: 2022 })).toThrow(RangeError);
  });
});

describe('dates and reference years', () => {
  it('gives first and last days, leap years included', () => {
    expect([periodStart('2024'), periodEnd('2024')]).toEqual(['2024-01-01', '2024-12-31']);
    expect([periodStart('2024Q1'), periodEnd('2024Q1')]).toEqual(['2024-01-01', '2024-03-31']);
    expect([periodStart('2023Q2'), periodEnd('2023Q2')]).toEqual(['2023-04-01', '2023-06-30']);
    expect([periodStart('2024Q4'), periodEnd('2024Q4')]).toEqual(['2024-10-01', '2024-12-31']);
    expect(periodEnd('202402')).toBe('2024-02-29');
    expect(periodEnd('202302')).toBe('2023-02-28');
    expect(periodEnd('190002')).toBe('1900-02-28');
    expect([periodStart('2018-2022'), periodEnd('2018-2022')]).toEqual(['2018-01-01', '2022-12-31']);
  });

  it('dates a census window by its middle year, as INSEE names its vintages', () => {
    expect(referenceYear('2018-2022')).toBe(2020);
    expect(referenceYear('2020-2024')).toBe(2022);
    // Even length: the earlier of the two middle years.
    expect(referenceYear('2019-2020')).toBe(2019);
    expect(referenceYear('2021-2024')).toBe(2022);
    expect(referenceYear('202411')).toBe(2024);
    expect(referenceYear('2024Q3')).toBe(2024);
  });
});

describe('ordering and containment', () => {
  it('sorts by first day, the shorter period first on the same first day', () => {
    expect(sortPeriods(['2024', '2023', '2024Q1', '202401', '2020-2024', '202312', '2024Q2'])).toEqual([
      '2020-2024',
      '2023',
      '202312',
      '202401',
      '2024Q1',
      '2024',
      '2024Q2',
    ]);
    expect(comparePeriods('2024', '2024')).toBe(0);
    expect(comparePeriods('2024Q2', '202403')).toBeGreaterThan(0);
  });

  it('knows which period lies within another', () => {
    expect(periodContains('2024Q1', '202403')).toBe(true);
    expect(periodContains('2024Q1', '202404')).toBe(false);
    expect(periodContains('2020-2024', '2024')).toBe(true);
    expect(periodContains('2020-2024', '2025Q1')).toBe(false);
    expect(periodContains('2024', '2024')).toBe(true);
    expect(periodContains('2024Q1', '2024')).toBe(false);
  });
});

describe('cross-border comparability in time', () => {
  it('compares within one year of reference and always names both years', () => {
    expect(periodsComparable('2022', '2021')).toEqual({
      comparable: true,
      yearA: 2022,
      yearB: 2021,
      gapYears: 1,
      sameKind: true,
    });
    expect(periodsComparable('2022', '2020').comparable).toBe(false);
    // Statbel income 2022 against the French census 2020-2024 (reference 2022): comparable, different kinds.
    expect(periodsComparable('2022', '2020-2024')).toEqual({
      comparable: true,
      yearA: 2022,
      yearB: 2022,
      gapYears: 0,
      sameKind: false,
    });
    // Judged by the window's middle, not its last year: 2024 is two years from 2018-2022.
    expect(periodsComparable('2024', '2018-2022').comparable).toBe(false);
    expect(periodsComparable('202412', '2023').comparable).toBe(true);
    expect(periodsComparable('2024', '2021', 3).comparable).toBe(true);
    expect(periodsComparable('2024', '2024', 0).comparable).toBe(true);
  });

  it('picks the closest comparable period, preferring the same kind, then the more recent', () => {
    expect(closestComparable('2022', ['2019', '2021', '2023'])).toBe('2023');
    expect(closestComparable('2022', ['2019', '2021'])).toBe('2021');
    expect(closestComparable('2022', ['2020-2024', '2022', '2019'])).toBe('2022');
    expect(closestComparable('2022', ['2019-2023', '2020-2024'])).toBe('2020-2024');
    expect(closestComparable('2022', ['2019', '2025'])).toBeNull();
    expect(closestComparable('2022', [])).toBeNull();
  });
});
