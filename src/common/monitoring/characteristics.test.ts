import { describe, expect, it } from 'vitest';
import { ageAt, ageBandAt, ageBandOf, type Profile, profileOf, publishProfile } from './characteristics';

describe('ESF+ age bands', () => {
  it('counts whole years, a birthday counting from its day', () => {
    expect(ageAt('2000-06-15', '2018-06-14')).toBe(17);
    expect(ageAt('2000-06-15', '2018-06-15')).toBe(18);
    expect(ageAt('2000-06-15', '2018-12-31')).toBe(18);
    expect(ageAt('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageAt('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('bins under 18, 18–29, 30–54, 55 and over', () => {
    expect([0, 17, 18, 29, 30, 54, 55, 90].map(ageBandOf)).toEqual([
      'under_18',
      'under_18',
      '18_29',
      '18_29',
      '30_54',
      '30_54',
      '55_plus',
      '55_plus',
    ]);
  });

  it('takes the age at the record start, or at the period end for a record without a date', () => {
    expect(ageBandAt('1990-05-01', '2020-04-30', '2025-12-31')).toBe('18_29');
    expect(ageBandAt('1990-05-01', '2020-05-01', '2025-12-31')).toBe('30_54');
    expect(ageBandAt('1990-05-01', null, '2019-12-31')).toBe('18_29');
    expect(ageBandAt('1970-01-01', null, '2025-01-01')).toBe('55_plus');
  });
});

describe('profile of a rule', () => {
  it('sums by sex (none recorded apart) and by band, every category present', () => {
    const p = profileOf([
      { sex: 'female', age: 25, n: 3 },
      { sex: 'female', age: 40, n: 2 },
      { sex: null, age: 17, n: 1 },
      { sex: 'male', age: 60, n: 4 },
    ]);
    expect(p.bySex).toEqual([
      { category: 'female', n: 5 },
      { category: 'male', n: 4 },
      { category: 'non_binary', n: 0 },
      { category: 'not_recorded', n: 1 },
    ]);
    expect(p.byAgeBand).toEqual([
      { category: 'under_18', n: 1 },
      { category: '18_29', n: 3 },
      { category: '30_54', n: 2 },
      { category: '55_plus', n: 4 },
    ]);
  });
});

const profile = (sex: number[], bands: number[]): Profile => ({
  bySex: (['female', 'male', 'non_binary', 'not_recorded'] as const).map((category, i) => ({
    category,
    n: sex[i] ?? 0,
  })),
  byAgeBand: (['under_18', '18_29', '30_54', '55_plus'] as const).map((category, i) => ({
    category,
    n: bands[i] ?? 0,
  })),
});
const ns = (parts: Array<{ n: number | null }>) => parts.map((p) => p.n);

describe('published profile', () => {
  it('shows every number to the lead organisation', () => {
    const p = publishProfile(profile([3, 9, 1, 0], [1, 2, 10, 0]), true, true);
    expect(ns(p.bySex)).toEqual([3, 9, 1, 0]);
    expect(p.suppressed).toBe(false);
  });

  it('hides small parts and one more, never a zero, for aggregate readers', () => {
    const p = publishProfile(profile([12, 9, 0, 3], [0, 6, 10, 8]), false, true);
    // 24 − (12 + 0) would give 3 away if only 3 were hidden: 9 is hidden too.
    expect(ns(p.bySex)).toEqual([12, null, 0, null]);
    expect(ns(p.byAgeBand)).toEqual([0, 6, 10, 8]);
    expect(p.suppressed).toBe(true);
  });

  it('never lets the total minus the shown parts reveal a hidden part', () => {
    for (const sex of [
      [1, 20, 0, 0],
      [4, 4, 30, 2],
      [7, 0, 0, 2],
      [5, 5, 5, 1],
    ]) {
      const total = sex.reduce((s, n) => s + n, 0);
      const shown = ns(publishProfile(profile(sex, [0, total, 0, 0]), false, true).bySex);
      const hidden = shown.filter((n) => n === null).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
      shown.forEach((n, i) => {
        if (n !== null) expect(n).toBe(sex[i]);
        if ((sex[i] ?? 0) > 0 && (sex[i] ?? 0) < 5) expect(n).toBeNull();
      });
    }
  });

  it('hides the whole breakdown when the value is hidden or small', () => {
    expect(ns(publishProfile(profile([6, 7, 0, 0], [13, 0, 0, 0]), false, false).bySex)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(ns(publishProfile(profile([3, 0, 0, 0], [0, 3, 0, 0]), false, true).byAgeBand)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('shows an empty profile as zeros', () => {
    const p = publishProfile(profile([], []), false, true);
    expect(ns(p.bySex)).toEqual([0, 0, 0, 0]);
    expect(p.suppressed).toBe(false);
  });
});
