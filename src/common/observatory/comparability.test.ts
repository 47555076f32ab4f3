import { describe, expect, it } from 'vitest';
import { type CrossBorderValue, crossBorderScales, needsCaveat, sharesOneScale } from './comparability';

// Demo values: a French poverty rate (Filosofi) and a Belgian share of low declarations (Statbel).
const values: CrossBorderValue[] = [
  { code: 'FR-59350', country: 'FR', value: 26 },
  { code: 'FR-59512', country: 'FR', value: 43 },
  { code: 'FR-59599', country: 'FR', value: 28 },
  { code: 'FR-59279', country: 'FR', value: 13 },
  { code: 'BE-34022', country: 'BE', value: 12 },
  { code: 'BE-57096', country: 'BE', value: 18 },
  { code: 'BE-34027', country: 'BE', value: null },
  { code: 'BE-57097', country: 'BE', value: 15 },
];

describe('comparability classes', () => {
  it('lets A and B share a scale, never C; caveats for B and C', () => {
    expect([sharesOneScale('A'), sharesOneScale('B'), sharesOneScale('C')]).toEqual([true, true, false]);
    expect([needsCaveat('A'), needsCaveat('B'), needsCaveat('C')]).toEqual([false, true, true]);
  });
});

describe('cross-border scales', () => {
  it('draws classes A and B on one scale across the border', () => {
    for (const comparability of ['A', 'B'] as const) {
      const result = crossBorderScales(comparability, values, { method: 'quantiles', classes: 3 });
      expect(result.caveat).toBe(comparability === 'B');
      expect(result.scales).toHaveLength(1);
      expect(result.scales[0]).toMatchObject({ scale: 'all', reference: null, relative: false });
      expect(result.scales[0]!.classification.breaks[0]).toBe(12);
      expect(result.scales[0]!.classification.breaks.at(-1)).toBe(43);
      expect(result.values.map((v) => v.scale)).toEqual(Array(values.length).fill('all'));
      expect(result.values.every((v) => v.relative === null)).toBe(true);
      // Halluin (13) and Kortrijk (12) sit in the lowest class of the same scale.
      expect(result.values[3]!.classIndex).toBe(0);
      expect(result.values[4]!.classIndex).toBe(0);
      expect(result.values[6]!.classIndex).toBeNull();
    }
  });

  it('gives class C one scale per country, each relative to its national reference', () => {
    const result = crossBorderScales('C', values, {
      method: 'equal',
      classes: 3,
      references: { FR: 14.5, BE: 12 },
    });
    expect(result.caveat).toBe(true);
    expect(result.scales.map((s) => [s.scale, s.reference, s.relative])).toEqual([
      ['BE', 12, true],
      ['FR', 14.5, true],
    ]);
    const relative = Object.fromEntries(result.values.map((v) => [v.code, v.relative]));
    expect(relative['FR-59512']).toBeCloseTo((43 / 14.5) * 100, 9);
    expect(relative['BE-57096']).toBe(150);
    expect(relative['BE-34022']).toBe(100);
    expect(relative['BE-34027']).toBeNull();
    // Each side is classified on its own: the lowest Belgian value opens the Belgian scale.
    const be = result.scales[0]!.classification;
    expect(be.breaks[0]).toBe(100);
    expect(be.breaks.at(-1)).toBe(150);
    const fr = result.scales[1]!.classification;
    expect(fr.breaks[0]).toBeCloseTo((13 / 14.5) * 100, 9);
    expect(result.values.find((v) => v.code === 'BE-57096')).toMatchObject({ scale: 'BE', classIndex: 2 });
    expect(result.values.find((v) => v.code === 'FR-59279')).toMatchObject({ scale: 'FR', classIndex: 0 });
    expect(result.scales[0]!.counts).toEqual([1, 1, 1]);
  });

  it('keeps the raw values on a country’s own scale when it has no usable reference', () => {
    const result = crossBorderScales('C', values, {
      method: 'quantiles',
      classes: 3,
      references: { FR: 14.5, BE: 0 },
    });
    expect(result.scales.map((s) => [s.scale, s.reference, s.relative])).toEqual([
      ['BE', null, false],
      ['FR', 14.5, true],
    ]);
    expect(result.values.filter((v) => v.country === 'BE').map((v) => v.relative)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(result.scales[0]!.classification.breaks[0]).toBe(12);
    expect(
      crossBorderScales('C', values, { method: 'quantiles', classes: 3 }).scales.every((s) => !s.relative),
    ).toBe(true);
  });

  it('never mixes the countries on one scale, whatever the values', () => {
    // Even identical values on both sides get two scales for class C.
    const same = [
      { code: 'FR-1', country: 'FR', value: 10 },
      { code: 'BE-1', country: 'BE', value: 10 },
    ];
    const result = crossBorderScales('C', same, { method: 'natural', classes: 3 });
    expect(result.scales.map((s) => s.scale)).toEqual(['BE', 'FR']);
    expect(result.values.map((v) => v.scale)).toEqual(['FR', 'BE']);
  });
});
