import { describe, expect, it } from 'vitest';
import {
  aggregateAcrossTerritories,
  aggregateIndicator,
  aggregateOverTime,
  type IndicatorDefinition,
  indicatorValue,
  isAdditive,
  sum,
} from './aggregation';

/** Single-parent families per 100 families: C22_FAMMONO / C22_FAM. */
const singleParentShare: IndicatorDefinition = {
  numerator: { element: 'C22_FAMMONO', aggregation: 'sum' },
  denominator: { element: 'C22_FAM', aggregation: 'sum' },
  factor: 100,
};

describe('indicators of a parent territory: a ratio of sums, never an average of rates', () => {
  // A city and a village: the village's rate is extreme but concerns few families.
  const members = [
    { code: 'FR-59350', numerator: 9_000, denominator: 30_000 }, // Lille: 30 %
    { code: 'FR-59013', numerator: 40, denominator: 400 }, // Anstaing: 10 %
  ];

  it('divides the summed numerators by the summed denominators', () => {
    const result = aggregateIndicator(singleParentShare, members);
    expect(result).toEqual({
      ok: true,
      value: (9_040 * 100) / 30_400,
      numerator: 9_040,
      denominator: 30_400,
      missing: [],
    });
    if (!result.ok) throw new Error('expected a value');
    expect(result.value).toBeCloseTo(29.737, 3);
    // The average of the two rates would say 20 %: a village weighed like a city.
    const averageOfRates = (30 + 10) / 2;
    expect(Math.abs(result.value - averageOfRates)).toBeGreaterThan(9);
  });

  it('refuses when a member lacks a part, unless asked to aggregate what is there', () => {
    const withGap = [...members, { code: 'FR-59279', numerator: 500, denominator: null }];
    expect(aggregateIndicator(singleParentShare, withGap)).toEqual({
      ok: false,
      reason: 'incomplete',
      missing: ['FR-59279'],
    });
    const partial = aggregateIndicator(singleParentShare, withGap, { allowIncomplete: true });
    // The member without its denominator is left out of the numerator too: both parts cover the same territory.
    expect(partial).toMatchObject({ ok: true, numerator: 9_040, denominator: 30_400, missing: ['FR-59279'] });
  });

  it('refuses a zero denominator and a group without any data', () => {
    expect(
      aggregateIndicator(singleParentShare, [{ code: 'x', numerator: 0, denominator: 0 }]),
    ).toMatchObject({
      ok: false,
      reason: 'zero_denominator',
    });
    expect(
      aggregateIndicator(singleParentShare, [{ code: 'x', numerator: null, denominator: null }]),
    ).toEqual({
      ok: false,
      reason: 'no_data',
      missing: ['x'],
    });
    expect(aggregateIndicator(singleParentShare, [])).toMatchObject({ ok: false, reason: 'no_data' });
  });

  it('refuses to aggregate a rate stored as such, but a group of one keeps its value', () => {
    const povertyRate: IndicatorDefinition = {
      numerator: { element: 'TP6021', aggregation: 'none' },
      denominator: null,
      factor: 1,
    };
    const twoCommunes = [
      { code: 'FR-59350', numerator: 26, denominator: null },
      { code: 'FR-59512', numerator: 43, denominator: null },
    ];
    expect(aggregateIndicator(povertyRate, twoCommunes)).toEqual({
      ok: false,
      reason: 'not_additive',
      missing: [],
    });
    expect(aggregateIndicator(povertyRate, twoCommunes.slice(0, 1))).toMatchObject({ ok: true, value: 26 });
  });

  it('applies the factor, also without a denominator', () => {
    expect(indicatorValue(3, 1_000, 1000)).toMatchObject({ ok: true, value: 3 });
    expect(indicatorValue(7, 100_000, 100_000)).toMatchObject({ ok: true, value: 7 });
    expect(indicatorValue(12, null, 1)).toMatchObject({ ok: true, value: 12, denominator: null });
    expect(indicatorValue(12, 0, 100)).toMatchObject({ ok: false, reason: 'zero_denominator' });
  });
});

describe('elements across territories', () => {
  it('adds counts of every additive type', () => {
    const members = [
      { code: 'BE-34022', value: 77_000 },
      { code: 'BE-34027', value: 34_000 },
    ];
    for (const type of ['sum', 'average', 'last'] as const) {
      expect(isAdditive(type)).toBe(true);
      expect(aggregateAcrossTerritories(type, members)).toEqual({ ok: true, value: 111_000, missing: [] });
    }
  });

  it('refuses medians and stored rates, with the reason, whatever the data', () => {
    const medians = [
      { code: 'FR-59350', value: 20_150 },
      { code: 'FR-59512', value: 14_990 },
    ];
    expect(isAdditive('median')).toBe(false);
    expect(aggregateAcrossTerritories('median', medians)).toEqual({
      ok: false,
      reason: 'not_additive',
      missing: [],
    });
    expect(aggregateAcrossTerritories('none', [...medians, { code: 'FR-59599', value: null }])).toMatchObject(
      {
        ok: false,
        reason: 'not_additive',
      },
    );
    expect(aggregateAcrossTerritories('median', medians.slice(0, 1))).toEqual({
      ok: true,
      value: 20_150,
      missing: [],
    });
  });

  it('names the members without data', () => {
    const members = [
      { code: 'a', value: 10 },
      { code: 'b', value: null },
      { code: 'c', value: Number.NaN },
    ];
    expect(aggregateAcrossTerritories('sum', members)).toEqual({
      ok: false,
      reason: 'incomplete',
      missing: ['b', 'c'],
    });
    expect(aggregateAcrossTerritories('sum', members, { allowIncomplete: true })).toEqual({
      ok: true,
      value: 10,
      missing: ['b', 'c'],
    });
    expect(aggregateAcrossTerritories('sum', [{ code: 'a', value: null }])).toMatchObject({
      reason: 'no_data',
    });
  });
});

describe('elements over time', () => {
  const months = [
    { period: '202403', value: 30 },
    { period: '202401', value: 10 },
    { period: '202402', value: 20 },
  ];

  it('adds flows, averages repeated stocks, keeps the latest stock', () => {
    expect(aggregateOverTime('sum', months)).toEqual({ ok: true, value: 60, missing: [] });
    expect(aggregateOverTime('average', months)).toEqual({ ok: true, value: 20, missing: [] });
    // The latest by period, not by position in the list.
    expect(aggregateOverTime('last', months)).toEqual({ ok: true, value: 30, missing: [] });
  });

  it('refuses a median over several periods and names missing periods', () => {
    expect(aggregateOverTime('median', months)).toMatchObject({ ok: false, reason: 'not_additive' });
    expect(aggregateOverTime('median', months.slice(0, 1))).toMatchObject({ ok: true, value: 30 });
    const gap = [...months, { period: '202404', value: null }];
    expect(aggregateOverTime('sum', gap)).toEqual({ ok: false, reason: 'incomplete', missing: ['202404'] });
    expect(aggregateOverTime('last', gap, { allowIncomplete: true })).toMatchObject({ ok: true, value: 30 });
  });
});

describe('sum', () => {
  it('keeps decimal totals close', () => {
    expect(sum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(sum([])).toBe(0);
  });
});
