/**
 * The chart tiles' figures from map views already under the small-number rules (pure code, shared by the
 * server that computes them and the tests). Nothing here un-hides a figure: a hidden cell has no number
 * left to use, and a total that would let a reader subtract its way to a hidden one is hidden too.
 */
import { type IndicatorFactor, indicatorValue, sum } from './aggregation';
import type { ComparePoint, RankingEntry, RankingView, SeriesPoint } from './board-chart-schemas';
import type { CellStatus, IndicatorMapView, MapCell } from './map-schemas';
import { primaryStatus, type SuppressionRules } from './suppression';

/** Hidden by the small-number rules or the source (not merely without data). */
const hidden = (s: CellStatus) => s.startsWith('suppressed_');

/**
 * Territories by value, highest first; the hidden ones after them, marked and without figures; those
 * without data left out. A class-C indicator is ranked within each country only.
 */
export function rankingOf(view: IndicatorMapView): RankingView {
  const rank = (cells: MapCell[]): RankingEntry[] => {
    const shown = cells
      .filter((c) => c.status === 'shown' && c.value !== null)
      .sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name));
    const masked = cells.filter((c) => hidden(c.status)).sort((a, b) => a.name.localeCompare(b.name));
    return [
      ...shown.map((c, i) => entry(c, i + 1)),
      ...masked.map((c) => entry({ ...c, value: null }, null)),
    ];
  };
  const sections =
    view.indicator.comparability === 'C'
      ? (['FR', 'BE'] as const)
          .map((country) => ({ country, entries: rank(view.cells.filter((c) => c.country === country)) }))
          .filter((s) => s.entries.length > 0)
      : [{ country: 'all' as const, entries: rank(view.cells) }];
  return { period: view.period, sections };
}

const entry = (c: MapCell, rank: number | null): RankingEntry => ({
  rank,
  code: c.code,
  name: c.name,
  country: c.country,
  period: c.period,
  value: c.status === 'shown' ? c.value : null,
  status: c.status,
});

/**
 * The group's total across the border for one period, from each side's total (themselves ratios of sums):
 * numerators summed, denominators summed, then divided. If either side's total is hidden, so is the sum:
 * shown next to the other side's total, it would give the hidden one away.
 */
export function combinedTotal(view: IndicatorMapView, period: string, rules: SuppressionRules): SeriesPoint {
  const totals = view.totals;
  const sourcePeriods =
    [...new Set(totals.map((t) => t.period).filter((p): p is string => !!p))].join(', ') || null;
  const none = (status: CellStatus): SeriesPoint => ({
    period,
    value: null,
    numerator: null,
    denominator: null,
    status,
    sourcePeriods,
  });
  const masked = totals.find((t) => hidden(t.status));
  if (masked)
    return none(masked.status === 'suppressed_source' ? 'suppressed_source' : 'suppressed_secondary');
  const shown = totals.filter((t) => t.status === 'shown' && t.numerator !== null);
  if (shown.length === 0) return none('no_data');
  const ratio = view.indicator.denominator !== null;
  if (ratio && shown.some((t) => t.denominator === null)) return none('no_data');
  const numerator = sum(shown.map((t) => t.numerator!));
  const denominator = ratio ? sum(shown.map((t) => t.denominator!)) : null;
  const computed = indicatorValue(numerator, denominator, view.indicator.factor as IndicatorFactor);
  if (!computed.ok) return none('no_data');
  // The sum passes the rules if its parts did; checked again so that no path shows a small figure.
  const status = primaryStatus(
    ratio
      ? { id: 'total', kind: 'rate', value: numerator, numerator, denominator }
      : { id: 'total', kind: view.kind === 'count' ? 'count' : 'rate', value: numerator, denominator: null },
    rules,
  );
  if (status !== 'shown') return none(status);
  return { period, value: computed.value, numerator, denominator, status, sourcePeriods };
}

/** One side's total for a period, as the map computed and hid it. */
export function countryTotal(view: IndicatorMapView, period: string, country: 'FR' | 'BE'): SeriesPoint {
  const t = view.totals.find((x) => x.code === country);
  if (!t)
    return {
      period,
      value: null,
      numerator: null,
      denominator: null,
      status: 'no_data',
      sourcePeriods: null,
    };
  const shown = t.status === 'shown';
  return {
    period,
    value: shown ? t.value : null,
    numerator: shown ? t.numerator : null,
    denominator: shown ? t.denominator : null,
    status: t.status,
    sourcePeriods: t.period,
  };
}

/** A municipality's point for a period: its cell on that period's map, or no data. */
export function comparePoint(view: IndicatorMapView, period: string, code: string): ComparePoint {
  const c = view.cells.find((x) => x.code === code);
  if (!c) return { period, value: null, status: 'no_data', relative: null, sourcePeriod: null };
  const shown = c.status === 'shown';
  return {
    period,
    value: shown ? c.value : null,
    status: c.status,
    relative: shown ? c.relative : null,
    sourcePeriod: c.period,
  };
}
