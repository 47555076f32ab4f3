import { describe, expect, it } from 'vitest';
import {
  applySuppression,
  isSuppressed,
  primaryStatus,
  type SuppressionCell,
  type SuppressionGroup,
  suppressionRules,
} from './suppression';

const rules = suppressionRules();
const count = (id: string, value: number | null, sourceSuppressed = false): SuppressionCell => ({
  id,
  kind: 'count',
  value,
  sourceSuppressed,
});

describe('primary suppression', () => {
  it('hides counts under 5, under 10 for health, and a count of 0 too', () => {
    expect(rules).toEqual({ minCount: 5, minDenominator: 100 });
    expect(suppressionRules('health')).toEqual({ minCount: 10, minDenominator: 100 });
    expect(primaryStatus(count('a', 4), rules)).toBe('suppressed_small');
    expect(primaryStatus(count('a', 0), rules)).toBe('suppressed_small');
    expect(primaryStatus(count('a', 5), rules)).toBe('shown');
    expect(primaryStatus(count('a', 9), suppressionRules('health'))).toBe('suppressed_small');
    expect(primaryStatus(count('a', 10), suppressionRules('health'))).toBe('shown');
  });

  it('hides rates on a denominator under 100, or on a known numerator under the count threshold', () => {
    const rate = (denominator: number | null, numerator?: number): SuppressionCell => ({
      id: 'r',
      kind: 'rate',
      value: 12.5,
      denominator,
      numerator,
    });
    expect(primaryStatus(rate(99), rules)).toBe('suppressed_small');
    expect(primaryStatus(rate(100), rules)).toBe('shown');
    expect(primaryStatus(rate(1_000, 4), rules)).toBe('suppressed_small');
    expect(primaryStatus(rate(1_000, 5), rules)).toBe('shown');
    // A rate published as such: only the source's own secrecy applies.
    expect(primaryStatus(rate(null), rules)).toBe('shown');
  });

  it('keeps the source’s secrecy, and tells no data apart', () => {
    expect(primaryStatus(count('a', null, true), rules)).toBe('suppressed_source');
    expect(primaryStatus(count('a', 500, true), rules)).toBe('suppressed_source');
    expect(primaryStatus(count('a', null), rules)).toBe('no_data');
    expect(primaryStatus(count('a', Number.NaN), rules)).toBe('no_data');
    expect(isSuppressed('suppressed_source')).toBe(true);
    expect(isSuppressed('no_data')).toBe(false);
    expect(isSuppressed('shown')).toBe(false);
  });
});

describe('secondary suppression', () => {
  it('hides the smallest other member when one member alone is hidden under a shown total', () => {
    // Arrondissement 57000 (shown total) and three municipalities, one of them small.
    const cells = [
      count('BE-57000', 262),
      count('BE-57096', 3),
      count('BE-57081', 200),
      count('BE-57027', 59),
    ];
    const groups = [{ total: 'BE-57000', members: ['BE-57096', 'BE-57081', 'BE-57027'] }];
    expect(applySuppression(cells, groups, rules)).toEqual({
      status: {
        'BE-57000': 'shown',
        'BE-57096': 'suppressed_small',
        'BE-57081': 'shown',
        'BE-57027': 'suppressed_secondary',
      },
      unprotected: [],
    });
  });

  it('needs nothing more when two members are already hidden, or none', () => {
    const cells = [count('T', 100), count('a', 3), count('b', 2), count('c', 95)];
    expect(applySuppression(cells, [{ total: 'T', members: ['a', 'b', 'c'] }], rules).status).toEqual({
      T: 'shown',
      a: 'suppressed_small',
      b: 'suppressed_small',
      c: 'shown',
    });
    const none = [count('T', 100), count('a', 50), count('b', 50)];
    expect(
      Object.values(applySuppression(none, [{ total: 'T', members: ['a', 'b'] }], rules).status),
    ).toEqual(['shown', 'shown', 'shown']);
  });

  it('counts a source’s secret as hidden, a member without data as no protection', () => {
    const cells = [count('T', 300), count('a', null, true), count('b', null), count('c', 40), count('d', 60)];
    expect(
      applySuppression(cells, [{ total: 'T', members: ['a', 'b', 'c', 'd'] }], rules).status,
    ).toMatchObject({
      a: 'suppressed_source',
      b: 'no_data',
      c: 'suppressed_secondary',
      d: 'shown',
    });
  });

  it('hides the total when no member is left to hide, and reports a group it cannot protect', () => {
    const cells = [count('T', 30), count('a', 2), count('b', null)];
    expect(applySuppression(cells, [{ total: 'T', members: ['a', 'b'] }], rules)).toEqual({
      status: { T: 'suppressed_secondary', a: 'suppressed_small', b: 'no_data' },
      unprotected: [],
    });
    // The same with a total published elsewhere: nothing can be hidden, the caller is told.
    const external = applySuppression(cells.slice(1), [{ total: null, members: ['a', 'b'] }], rules);
    expect(external.unprotected).toEqual([0]);
  });

  it('treats a total without data as nothing to subtract from', () => {
    const cells = [count('T', null), count('a', 2), count('b', 40)];
    expect(applySuppression(cells, [{ total: 'T', members: ['a', 'b'] }], rules).status.b).toBe('shown');
  });

  it('protects a hidden parent whose children are all shown, across nested groups', () => {
    // Province = three arrondissements; each arrondissement = its municipalities.
    const cells = [
      count('P', 4 + 50 + 700),
      count('A1', 4),
      count('m1', 2),
      count('m2', 2),
      count('A2', 50),
      count('m3', 20),
      count('m4', 30),
      count('A3', 700),
      count('m5', 300),
      count('m6', 400),
    ];
    const groups: SuppressionGroup[] = [
      { total: 'P', members: ['A1', 'A2', 'A3'] },
      { total: 'A1', members: ['m1', 'm2'] },
      { total: 'A2', members: ['m3', 'm4'] },
      { total: 'A3', members: ['m5', 'm6'] },
    ];
    const { status, unprotected } = applySuppression(cells, groups, rules);
    expect(status).toEqual({
      P: 'shown',
      A1: 'suppressed_small',
      m1: 'suppressed_small',
      m2: 'suppressed_small',
      // P − A3 would give A1: the smallest other arrondissement is hidden…
      A2: 'suppressed_secondary',
      // …but A2 = m3 + m4 would give it back: one of its municipalities goes too.
      m3: 'suppressed_secondary',
      m4: 'shown',
      A3: 'shown',
      m5: 'shown',
      m6: 'shown',
    });
    expect(unprotected).toEqual([]);
    // Whatever the order the groups come in, the outcome is safe: no group has exactly one hidden cell.
    const reversed = applySuppression(cells, [...groups].reverse(), rules);
    for (const g of groups) {
      const hidden = [g.total!, ...g.members].filter((id) => isSuppressed(reversed.status[id]!)).length;
      expect(hidden).not.toBe(1);
    }
  });

  it('spreads through a sex × age table with its margins until stable', () => {
    const cells = [
      count('total', 61),
      count('men', 23),
      count('women', 38),
      count('young', 11),
      count('old', 50),
      count('men_young', 3),
      count('men_old', 20),
      count('women_young', 8),
      count('women_old', 30),
    ];
    const groups: SuppressionGroup[] = [
      { total: 'men', members: ['men_young', 'men_old'] },
      { total: 'women', members: ['women_young', 'women_old'] },
      { total: 'young', members: ['men_young', 'women_young'] },
      { total: 'old', members: ['men_old', 'women_old'] },
      { total: 'total', members: ['men', 'women'] },
      { total: 'total', members: ['young', 'old'] },
    ];
    const { status } = applySuppression(cells, groups, rules);
    expect(status).toEqual({
      total: 'shown',
      men: 'shown',
      women: 'shown',
      young: 'shown',
      old: 'shown',
      men_young: 'suppressed_small',
      // men − men_young, then young − men_young, then old − men_old would each reveal a cell.
      men_old: 'suppressed_secondary',
      women_young: 'suppressed_secondary',
      women_old: 'suppressed_secondary',
    });
  });

  it('hides a rate with its numerator’s count', () => {
    const cells: SuppressionCell[] = [
      count('T', 120),
      count('a', 3),
      count('b', 40),
      count('c', 77),
      { id: 'rate_b', kind: 'rate', value: 2.5, denominator: 1_600, numeratorCell: 'b' },
      { id: 'rate_c', kind: 'rate', value: 3.1, denominator: 2_480, numeratorCell: 'c' },
    ];
    const { status } = applySuppression(cells, [{ total: 'T', members: ['a', 'b', 'c'] }], rules);
    expect(status).toMatchObject({
      b: 'suppressed_secondary',
      rate_b: 'suppressed_secondary',
      rate_c: 'shown',
    });
  });

  it('chooses among equal smallest members by id, so the result does not depend on order', () => {
    const cells = [count('T', 83), count('a', 3), count('z', 40), count('m', 40)];
    const { status } = applySuppression(cells, [{ total: 'T', members: ['a', 'z', 'm'] }], rules);
    expect(status).toMatchObject({ m: 'suppressed_secondary', z: 'shown' });
  });

  it('refuses a group naming a cell it was not given', () => {
    expect(() => applySuppression([count('a', 3)], [{ total: 'T', members: ['a'] }], rules)).toThrow(
      /unknown cell/,
    );
  });
});
