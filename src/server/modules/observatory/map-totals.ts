import {
  type AggregationType,
  aggregateIndicator,
  type IndicatorFactor,
} from '../../../common/observatory/aggregation';
import type { CellStatus } from '../../../common/observatory/map-schemas';
import type { Stored } from './map-values';

const COUNTRIES = ['FR', 'BE'] as const;

interface Element {
  code: string;
  aggregation: string;
}

/**
 * Each side's total: a ratio of sums over its municipalities with both parts (never a mean of rates), hidden
 * when the small-number rules hide its count cell (`n:total:<country>`). A median or a rate stored as such
 * has no total: it cannot be re-aggregated.
 */
export function countryTotals(
  factor: number,
  num: Element,
  den: Element | undefined,
  parts: ReadonlyArray<{
    code: string;
    country: string;
    period: string | null;
    numerator: Stored | null;
    denominator: Stored | null;
  }>,
  status: Record<string, CellStatus>,
) {
  const summable = num.aggregation !== 'none' && (!den || den.aggregation !== 'none');
  return COUNTRIES.flatMap((c) => {
    const members = parts.filter((p) => p.country === c);
    if (members.length === 0 || !summable) return [];
    const agg = aggregateIndicator(
      {
        numerator: { element: num.code, aggregation: num.aggregation as AggregationType },
        denominator: den ? { element: den.code, aggregation: den.aggregation as AggregationType } : null,
        factor: factor as IndicatorFactor,
      },
      members.map((m) => ({
        code: m.code,
        numerator: m.numerator?.value ?? null,
        denominator: den ? (m.denominator?.value ?? null) : null,
      })),
      { allowIncomplete: true },
    );
    const totalStatus = status[`n:total:${c}`] ?? 'shown';
    const shown = agg.ok && totalStatus === 'shown';
    return [
      {
        code: c,
        numerator: shown ? agg.numerator : null,
        denominator: shown ? agg.denominator : null,
        value: shown ? agg.value : null,
        status: agg.ok ? totalStatus : ('no_data' as const),
        period: [...new Set(members.map((m) => m.period).filter((x): x is string => !!x))].join(', ') || null,
      },
    ];
  });
}
