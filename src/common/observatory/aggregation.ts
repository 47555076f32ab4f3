/**
 * Aggregating observatory values, as DHIS2 does: data elements carry an aggregation type; indicators are a
 * numerator element over a denominator element times a factor, computed AFTER aggregation. A parent or a group
 * of territories gets the ratio of the summed numerators to the summed denominators, never the average of its
 * members' rates (which weighs a village like a city).
 *
 * Across territories `sum`, `average` and `last` are all additive (they count people or things); they differ
 * over time only: `sum` adds periods (new claims per month → per year), `average` takes their mean (monthly
 * recipients → yearly average), `last` takes the latest (population on 1 January). `median` and `none` (a median
 * income, a rate stored as published) can never be re-aggregated: the answer is a refusal with its reason.
 *
 * Pure code; a refusal is a value, not an exception, so the web can say why a cell is empty.
 */
import { comparePeriods } from './periods';

export const AGGREGATION_TYPES = ['sum', 'average', 'last', 'median', 'none'] as const;
export type AggregationType = (typeof AGGREGATION_TYPES)[number];

/** Whether values of this type may be added up across territories. */
export const isAdditive = (type: AggregationType): boolean =>
  type === 'sum' || type === 'average' || type === 'last';

/** DHIS2's indicator types: a plain ratio, a percentage, per thousand, per hundred thousand. */
export const INDICATOR_FACTORS = [1, 100, 1000, 100_000] as const;
export type IndicatorFactor = (typeof INDICATOR_FACTORS)[number];

export interface ElementRef {
  element: string;
  aggregation: AggregationType;
}

export interface IndicatorDefinition {
  numerator: ElementRef;
  /** Null for an indicator that is its numerator times the factor (a denominator of 1). */
  denominator: ElementRef | null;
  factor: IndicatorFactor;
}

export const AGGREGATION_REFUSALS = [
  /** A median or a stored rate: adding or averaging them gives a wrong number. */
  'not_additive',
  /** No member has a value. */
  'no_data',
  /** Some members have no value (listed in `missing`); the total would be too small. */
  'incomplete',
  /** The aggregated denominator is zero. */
  'zero_denominator',
] as const;
export type AggregationRefusal = (typeof AGGREGATION_REFUSALS)[number];

export type Aggregate =
  | { ok: true; value: number; missing: string[] }
  | { ok: false; reason: AggregationRefusal; missing: string[] };

export type IndicatorAggregate =
  | { ok: true; value: number; numerator: number; denominator: number | null; missing: string[] }
  | { ok: false; reason: AggregationRefusal; missing: string[] };

/** A member territory's value; null (or a non-finite number) when it has none. */
export interface MemberValue {
  code: string;
  value: number | null;
}

export interface MemberParts {
  code: string;
  numerator: number | null;
  denominator: number | null;
}

export interface AggregateOptions {
  /**
   * Aggregate over the members that have a value and list the others in `missing`, instead of refusing.
   * Off by default: a parent total missing a child is silently too small.
   */
  allowIncomplete?: boolean;
}

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** One element's value for a parent or group, from its members' values (all of the members, missing ones as null). */
export function aggregateAcrossTerritories(
  type: AggregationType,
  members: readonly MemberValue[],
  options: AggregateOptions = {},
): Aggregate {
  const missing = members.filter((m) => !present(m.value)).map((m) => m.code);
  // Checked first: no amount of data makes a sum of medians right. A group of one territory is that
  // territory, so its median is still its median.
  if (!isAdditive(type) && members.length > 1) return { ok: false, reason: 'not_additive', missing };
  const values = members.map((m) => m.value).filter(present);
  if (values.length === 0) return { ok: false, reason: 'no_data', missing };
  if (missing.length > 0 && !options.allowIncomplete) return { ok: false, reason: 'incomplete', missing };
  return { ok: true, value: sum(values), missing };
}

/** The indicator's value from a numerator and a denominator already aggregated. */
export function indicatorValue(
  numerator: number,
  denominator: number | null,
  factor: IndicatorFactor,
): IndicatorAggregate {
  if (denominator === null)
    return { ok: true, value: numerator * factor, numerator, denominator, missing: [] };
  if (denominator === 0) return { ok: false, reason: 'zero_denominator', missing: [] };
  // Multiplying first keeps whole counts whole: 7 per 100,000 of 100,000 is 7, not 6.999…
  return { ok: true, value: (numerator * factor) / denominator, numerator, denominator, missing: [] };
}

/**
 * An indicator for a parent or group: numerators summed, denominators summed, then divided (a ratio of sums).
 * A member counts only when it has both parts, so that numerator and denominator cover the same territory.
 */
export function aggregateIndicator(
  indicator: IndicatorDefinition,
  members: readonly MemberParts[],
  options: AggregateOptions = {},
): IndicatorAggregate {
  const hasDenominator = indicator.denominator !== null;
  const complete = (m: MemberParts) => present(m.numerator) && (!hasDenominator || present(m.denominator));
  const missing = members.filter((m) => !complete(m)).map((m) => m.code);
  const parts = [indicator.numerator, ...(indicator.denominator ? [indicator.denominator] : [])];
  if (members.length > 1 && parts.some((p) => !isAdditive(p.aggregation)))
    return { ok: false, reason: 'not_additive', missing };
  const kept = members.filter(complete);
  if (kept.length === 0) return { ok: false, reason: 'no_data', missing };
  if (missing.length > 0 && !options.allowIncomplete) return { ok: false, reason: 'incomplete', missing };
  const numerator = sum(kept.map((m) => m.numerator as number));
  const denominator = hasDenominator ? sum(kept.map((m) => m.denominator as number)) : null;
  return { ...indicatorValue(numerator, denominator, indicator.factor), missing };
}

export interface PeriodValue {
  period: string;
  value: number | null;
}

/**
 * One element's value over a longer period from its values in the shorter ones it contains (all of them,
 * missing ones as null): added (`sum`), averaged (`average`), or the latest (`last`). A median or a stored
 * rate has a value over time only when there is a single period.
 */
export function aggregateOverTime(
  type: AggregationType,
  periods: readonly PeriodValue[],
  options: AggregateOptions = {},
): Aggregate {
  const missing = periods.filter((p) => !present(p.value)).map((p) => p.period);
  if (!isAdditive(type) && periods.length > 1) return { ok: false, reason: 'not_additive', missing };
  const kept = periods.filter((p) => present(p.value));
  if (kept.length === 0) return { ok: false, reason: 'no_data', missing };
  if (missing.length > 0 && !options.allowIncomplete) return { ok: false, reason: 'incomplete', missing };
  const values = kept.map((p) => p.value as number);
  switch (type) {
    case 'sum':
      return { ok: true, value: sum(values), missing };
    case 'average':
      return { ok: true, value: sum(values) / values.length, missing };
    case 'last': {
      const latest = [...kept].sort((a, b) => comparePeriods(a.period, b.period)).at(-1)!;
      return { ok: true, value: latest.value as number, missing };
    }
    default:
      return { ok: true, value: values[0]!, missing };
  }
}

/** A compensated (Kahan) sum: adding a few thousand decimal values loses less precision than a plain loop. */
export function sum(values: readonly number[]): number {
  let total = 0;
  let carry = 0;
  for (const v of values) {
    const y = v - carry;
    const t = total + y;
    carry = t - total - y;
    total = t;
  }
  return total;
}
