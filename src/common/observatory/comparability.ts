/**
 * Cross-border comparability (observatory-data.md §4.1): every indicator is class A (identical definitions:
 * population, age structure), B (comparable with caveats: single-parent share, minimum-income recipients) or C
 * (national-specific: the Filosofi poverty rate against Statbel income per declaration).
 *
 * A and B share one colour scale across the border. A class-C indicator NEVER does: each country gets its own
 * scale, and when a national reference is given (the country's own value, e.g. its national poverty rate) each
 * value is expressed against it, value / reference × 100, so 100 means "the national level" on both sides.
 * B and C carry a caveat to print beside the map.
 */
import { type Classification, type ClassificationMethod, colourScale } from './classification';

export const COMPARABILITY_CLASSES = ['A', 'B', 'C'] as const;
export type ComparabilityClass = (typeof COMPARABILITY_CLASSES)[number];

/** Whether values of both countries may be drawn on one colour scale. */
export const sharesOneScale = (comparability: ComparabilityClass): boolean => comparability !== 'C';

/** Whether the indicator's caveat must be printed next to any cross-border view of it. */
export const needsCaveat = (comparability: ComparabilityClass): boolean => comparability !== 'A';

export interface CrossBorderValue {
  code: string;
  country: string;
  /** Null for no data and for suppressed cells: they get no class and do not shape the breaks. */
  value: number | null;
}

export interface ScaledValue extends CrossBorderValue {
  /** The scale it is drawn on: 'all', or its country for class C. */
  scale: string;
  /** Value / national reference × 100 on a relative scale, else null. */
  relative: number | null;
  /** Its class on its scale (0 = lowest), null without a value. */
  classIndex: number | null;
}

export interface CrossBorderScale {
  /** 'all' for one scale across the border, else the country. */
  scale: string;
  /** The national reference values are expressed against, when one was given and usable. */
  reference: number | null;
  relative: boolean;
  classification: Classification;
  /** Values per class, for the legend. */
  counts: number[];
}

export interface CrossBorderScales {
  comparability: ComparabilityClass;
  caveat: boolean;
  scales: CrossBorderScale[];
  /** The input values in input order, each with its scale and class. */
  values: ScaledValue[];
}

export interface CrossBorderOptions {
  method: ClassificationMethod;
  classes: number;
  /** National reference per country, for class C (ignored for A and B). */
  references?: Readonly<Record<string, number | null | undefined>>;
}

/**
 * The colour scale(s) of a cross-border map: one for classes A and B; one per country for class C, each
 * relative to its national reference when that reference is a positive number (else the country's raw values).
 */
export function crossBorderScales(
  comparability: ComparabilityClass,
  values: readonly CrossBorderValue[],
  options: CrossBorderOptions,
): CrossBorderScales {
  const caveat = needsCaveat(comparability);
  if (sharesOneScale(comparability)) {
    const s = colourScale(
      values.map((v) => v.value),
      options.method,
      options.classes,
    );
    return {
      comparability,
      caveat,
      scales: [
        {
          scale: 'all',
          reference: null,
          relative: false,
          classification: s.classification,
          counts: s.counts,
        },
      ],
      values: values.map((v, i) => ({
        ...v,
        scale: 'all',
        relative: null,
        classIndex: s.indices[i] ?? null,
      })),
    };
  }
  const countries = [...new Set(values.map((v) => v.country))].sort();
  const out: ScaledValue[] = values.map((v) => ({
    ...v,
    scale: v.country,
    relative: null,
    classIndex: null,
  }));
  const scales = countries.map((country): CrossBorderScale => {
    const given = options.references?.[country];
    // A reference of zero or below cannot be a base of 100.
    const reference = typeof given === 'number' && Number.isFinite(given) && given > 0 ? given : null;
    const positions = values.flatMap((v, i) => (v.country === country ? [i] : []));
    const scaled = positions.map((i) => {
      const value = values[i]!.value;
      return reference !== null && value !== null ? (value / reference) * 100 : value;
    });
    const s = colourScale(scaled, options.method, options.classes);
    positions.forEach((i, k) => {
      out[i]!.relative = reference !== null ? scaled[k]! : null;
      out[i]!.classIndex = s.indices[k] ?? null;
    });
    return {
      scale: country,
      reference,
      relative: reference !== null,
      classification: s.classification,
      counts: s.counts,
    };
  });
  return { comparability, caveat, scales, values: out };
}
