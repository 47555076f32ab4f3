import { describe, expect, it } from 'vitest';
import { combinedTotal, comparePoint, rankingOf } from './board-charts';
import type { IndicatorMapView, MapCell } from './map-schemas';
import { suppressionRules } from './suppression';

const cell = (
  code: string,
  country: 'FR' | 'BE',
  value: number | null,
  status: MapCell['status'] = 'shown',
): MapCell => ({
  code,
  name: code,
  country,
  period: '2022',
  numerator: null,
  denominator: null,
  value: status === 'shown' ? value : null,
  status,
  klass: null,
  relative: null,
});

const view = (
  over: Partial<IndicatorMapView> = {},
  comparability: 'A' | 'B' | 'C' = 'B',
): IndicatorMapView => ({
  indicator: {
    id: '00000000-0000-4000-8000-000000000001',
    code: 'X',
    label: 'X',
    definition: null,
    theme: 'poverty',
    numerator: { code: 'N', label: 'n' },
    denominator: { code: 'D', label: 'd' },
    factor: 1000,
    comparability,
    caveats: null,
    periods: ['2022'],
  },
  period: '2022',
  method: 'quantiles',
  group: null,
  groups: [],
  kind: 'rate',
  cells: [],
  totals: [],
  scales: [],
  shapes: [],
  missingBoundaries: 0,
  sources: [],
  vintages: [],
  ...over,
});

const total = (
  code: 'FR' | 'BE',
  numerator: number | null,
  denominator: number | null,
  status: MapCell['status'] = 'shown',
) => ({
  code,
  numerator,
  denominator,
  value: numerator !== null && denominator ? (numerator * 1000) / denominator : null,
  status,
  period: '2022',
});

describe('the chart tiles’ figures', () => {
  const rules = suppressionRules('poverty');

  it('adds both sides’ numerators and denominators before dividing (a ratio of sums)', () => {
    // 10/1000 and 90/3000: a mean of the two rates would be 20 per 1,000; the ratio of sums is 25.
    const p = combinedTotal(view({ totals: [total('FR', 10, 1000), total('BE', 90, 3000)] }), '2022', rules);
    expect([p.status, p.numerator, p.denominator, p.value]).toEqual(['shown', 100, 4000, 25]);
  });

  it('hides the sum when either side’s total is hidden, so that no subtraction gives it away', () => {
    for (const status of ['suppressed_small', 'suppressed_secondary'] as const) {
      const p = combinedTotal(
        view({ totals: [total('FR', null, null, status), total('BE', 90, 3000)] }),
        '2022',
        rules,
      );
      expect([p.status, p.value, p.numerator, p.denominator]).toEqual([
        'suppressed_secondary',
        null,
        null,
        null,
      ]);
    }
    const source = combinedTotal(
      view({ totals: [total('FR', null, null, 'suppressed_source')] }),
      '2022',
      rules,
    );
    expect(source.status).toBe('suppressed_source');
  });

  it('applies the small-number rules to the sum itself, and has no figure without totals', () => {
    const small = combinedTotal(view({ totals: [total('FR', 2, 50), total('BE', 1, 40)] }), '2022', rules);
    expect([small.status, small.value]).toEqual(['suppressed_small', null]);
    expect(combinedTotal(view(), '2022', rules).status).toBe('no_data');
  });

  it('ranks the shown values highest first, the hidden ones after them without figures, per country for class C', () => {
    const cells = [
      cell('a', 'FR', 5),
      cell('b', 'BE', 9),
      cell('c', 'FR', null, 'suppressed_small'),
      cell('d', 'BE', null, 'no_data'),
      cell('e', 'FR', 7),
    ];
    const r = rankingOf(view({ cells }));
    expect(r.sections).toHaveLength(1);
    expect(r.sections[0]!.entries.map((e) => [e.rank, e.code, e.value])).toEqual([
      [1, 'b', 9],
      [2, 'e', 7],
      [3, 'a', 5],
      [null, 'c', null],
    ]);
    const c = rankingOf(view({ cells }, 'C'));
    expect(c.sections.map((s) => [s.country, s.entries.map((e) => e.code)])).toEqual([
      ['FR', ['e', 'a', 'c']],
      ['BE', ['b']],
    ]);
  });

  it('takes a municipality’s point from its cell, and says no data when it has none', () => {
    const v = view({ cells: [cell('a', 'FR', 5), cell('c', 'FR', null, 'suppressed_secondary')] });
    expect(comparePoint(v, '2022', 'a').value).toBe(5);
    expect(comparePoint(v, '2022', 'c')).toMatchObject({ value: null, status: 'suppressed_secondary' });
    expect(comparePoint(v, '2022', 'z').status).toBe('no_data');
  });
});
