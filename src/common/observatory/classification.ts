/**
 * Class breaks for choropleth maps, as DHIS2's Maps app offers them: quantiles, equal intervals and natural
 * breaks (ckmeans: optimal 1-D k-means, Wang & Song 2011, the method `simple-statistics` ships; written here in
 * a few dozen lines rather than adding a dependency).
 *
 * A classification is `breaks`, the classes' bounds in ascending order (classes + 1 numbers, from the minimum
 * to the maximum): class i holds breaks[i] ≤ v < breaks[i + 1], the last class also its upper bound. When the
 * data have no more distinct values than classes wanted, quantiles and natural breaks give one class per
 * distinct value (the last then reads [max, max]); equal intervals keep their intervals, some possibly empty.
 * Ties are never split across two classes. Missing and non-finite values are ignored.
 *
 * Class indices only: the web picks the colours.
 */

export const CLASSIFICATION_METHODS = ['quantiles', 'equal', 'natural'] as const;
export type ClassificationMethod = (typeof CLASSIFICATION_METHODS)[number];

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

export interface Classification {
  method: ClassificationMethod;
  /** Number of classes: breaks.length - 1, or 0 when there was no value. */
  classes: number;
  breaks: number[];
}

const finiteSorted = (values: readonly (number | null | undefined)[]): number[] =>
  values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);

/** The breaks of `values` in `classes` classes (an integer from 3 to 7) by `method`. */
export function classify(
  values: readonly (number | null | undefined)[],
  method: ClassificationMethod,
  classes: number,
): Classification {
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES)
    throw new RangeError(`Classes must be an integer from ${MIN_CLASSES} to ${MAX_CLASSES}, not ${classes}`);
  const sorted = finiteSorted(values);
  if (sorted.length === 0) return { method, classes: 0, breaks: [] };
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return { method, classes: 1, breaks: [min, max] };
  let lowerBounds: number[];
  if (method === 'equal') {
    const width = (max - min) / classes;
    lowerBounds = Array.from({ length: classes - 1 }, (_, i) => min + (i + 1) * width);
  } else {
    const { values: distinct, weights } = distinctWeighted(sorted);
    if (distinct.length <= classes) lowerBounds = distinct.slice(1);
    else if (method === 'quantiles') lowerBounds = quantileLowerBounds(sorted, distinct, classes);
    else lowerBounds = ckmeansLowerBounds(distinct, weights, classes);
  }
  // A bound at or below the minimum would open an empty first class; duplicates would open empty ones too.
  const inner = [...new Set(lowerBounds)].filter((b) => b > min && b <= max).sort((a, b) => a - b);
  const breaks = [min, ...inner, max];
  return { method, classes: breaks.length - 1, breaks };
}

/** The class (0 = lowest) of `value` under `breaks`; null when missing or outside them (DHIS2's "unclassified"). */
export function classOf(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || breaks.length < 2) return null;
  if (value < breaks[0]! || value > breaks[breaks.length - 1]!) return null;
  // Largest i with breaks[i] ≤ value, kept within the last class.
  let lo = 0;
  let hi = breaks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (breaks[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(lo, breaks.length - 2);
}

export interface ColourScale {
  classification: Classification;
  /** One class per input value, in input order; null for a missing value. */
  indices: (number | null)[];
  /** How many values fall in each class, for the legend. */
  counts: number[];
}

/** The classes of a map's values: breaks, each value's class index, and each class's count. */
export function colourScale(
  values: readonly (number | null | undefined)[],
  method: ClassificationMethod,
  classes: number,
): ColourScale {
  const classification = classify(values, method, classes);
  const indices = values.map((v) => classOf(v, classification.breaks));
  const counts = new Array<number>(classification.classes).fill(0);
  for (const i of indices) if (i !== null) counts[i]! += 1;
  return { classification, indices, counts };
}

function distinctWeighted(sorted: readonly number[]): { values: number[]; weights: number[] } {
  const values: number[] = [];
  const weights: number[] = [];
  for (const v of sorted) {
    if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1]! += 1;
    else {
      values.push(v);
      weights.push(1);
    }
  }
  return { values, weights };
}

/**
 * Quantile bounds: for each cut j·N/k, the distinct value whose first occurrence lies nearest the cut (the
 * higher one on a tie), so that a run of equal values moves whole to one side.
 */
function quantileLowerBounds(
  sorted: readonly number[],
  distinct: readonly number[],
  classes: number,
): number[] {
  const firstIndex: number[] = [];
  let d = 0;
  sorted.forEach((v, i) => {
    if (v === distinct[d]) {
      firstIndex.push(i);
      d += 1;
    }
  });
  const bounds: number[] = [];
  for (let j = 1; j < classes; j += 1) {
    const cut = (j * sorted.length) / classes;
    let best = 0;
    for (let i = 1; i < firstIndex.length; i += 1)
      if (Math.abs(firstIndex[i]! - cut) <= Math.abs(firstIndex[best]! - cut)) best = i;
    bounds.push(distinct[best]!);
  }
  return bounds;
}

/** Natural-break bounds: the first value of each cluster but the first, from `ckmeans`. */
function ckmeansLowerBounds(
  distinct: readonly number[],
  weights: readonly number[],
  classes: number,
): number[] {
  return ckmeans(distinct, weights, classes)
    .slice(1)
    .map((cluster) => cluster[0]!);
}

/**
 * Optimal 1-D k-means by dynamic programming over sorted distinct values with their multiplicities
 * (O(k·m²) for m distinct values: a few milliseconds for the ~1,200 municipalities of a map). Returns the
 * clusters, each a run of consecutive distinct values; k must not exceed m.
 */
export function ckmeans(distinct: readonly number[], weights: readonly number[], k: number): number[][] {
  const m = distinct.length;
  if (k < 1 || k > m) throw new RangeError(`Cannot make ${k} clusters of ${m} distinct values`);
  // Centred, so that sums of squares of large values (incomes) do not swamp their differences.
  const mean = distinct.reduce((s, v, i) => s + v * weights[i]!, 0) / weights.reduce((s, w) => s + w, 0);
  const w0 = [0];
  const s1 = [0];
  const s2 = [0];
  for (let i = 0; i < m; i += 1) {
    const x = distinct[i]! - mean;
    const w = weights[i]!;
    w0.push(w0[i]! + w);
    s1.push(s1[i]! + w * x);
    s2.push(s2[i]! + w * x * x);
  }
  // Within-cluster sum of squares of distinct[a..b], both included.
  const cost = (a: number, b: number) => {
    const w = w0[b + 1]! - w0[a]!;
    const s = s1[b + 1]! - s1[a]!;
    return Math.max(0, s2[b + 1]! - s2[a]! - (s * s) / w);
  };
  const best: number[][] = [Array.from({ length: m }, (_, i) => cost(0, i))];
  const start: number[][] = [new Array<number>(m).fill(0)];
  for (let c = 1; c < k; c += 1) {
    const row = new Array<number>(m).fill(Number.POSITIVE_INFINITY);
    const from = new Array<number>(m).fill(c);
    for (let i = c; i < m; i += 1)
      for (let j = c; j <= i; j += 1) {
        const total = best[c - 1]![j - 1]! + cost(j, i);
        if (total < row[i]!) {
          row[i] = total;
          from[i] = j;
        }
      }
    best.push(row);
    start.push(from);
  }
  const clusters: number[][] = [];
  let end = m - 1;
  for (let c = k - 1; c >= 0; c -= 1) {
    const first = start[c]![end]!;
    clusters.unshift(distinct.slice(first, end + 1));
    end = first - 1;
  }
  return clusters;
}
