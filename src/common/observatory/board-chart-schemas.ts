import Type, { type Static } from 'typebox';
import { Nullable } from '../kernel/schemas';
import { CELL_STATUSES } from './map-schemas';

/**
 * The computed data of a board's chart tiles (migration 0039): a ranking, a series of the group's total
 * over the periods, a comparison of two municipalities. Every figure has been through the small-number
 * rules: a hidden one carries its status and no number.
 */

const Status = Type.Enum([...CELL_STATUSES]);

export const RankingEntry = Type.Object({
  /** 1, 2, 3… among the shown values; null for a hidden one (listed after them). */
  rank: Nullable(Type.Integer()),
  code: Type.String(),
  name: Type.String(),
  country: Type.Enum(['FR', 'BE']),
  period: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  status: Status,
});
export type RankingEntry = Static<typeof RankingEntry>;

export const RankingView = Type.Object({
  period: Nullable(Type.String()),
  /** 'all' across the border; for a class-C indicator one list per country (never one order across it). */
  sections: Type.Array(
    Type.Object({ country: Type.Enum(['all', 'FR', 'BE']), entries: Type.Array(RankingEntry) }),
  ),
});
export type RankingView = Static<typeof RankingView>;

export const SeriesPoint = Type.Object({
  period: Type.String(),
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  status: Status,
  /** The territories' own periods summed into this point (each side's nearest within a year). */
  sourcePeriods: Nullable(Type.String()),
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const SeriesLine = Type.Object({
  /** 'all': the group's total across the border; 'FR' / 'BE': each side's, for a class-C indicator. */
  key: Type.Enum(['all', 'FR', 'BE']),
  points: Type.Array(SeriesPoint),
});
export type SeriesLine = Static<typeof SeriesLine>;

export const SeriesView = Type.Object({
  periods: Type.Array(Type.String()),
  lines: Type.Array(SeriesLine),
});
export type SeriesView = Static<typeof SeriesView>;

export const ComparePoint = Type.Object({
  period: Type.String(),
  value: Nullable(Type.Number()),
  status: Status,
  /** For a class-C indicator: the value against its country's reference (= 100). */
  relative: Nullable(Type.Number()),
  sourcePeriod: Nullable(Type.String()),
});
export type ComparePoint = Static<typeof ComparePoint>;

export const CompareSide = Type.Object({
  code: Type.String(),
  name: Type.String(),
  country: Nullable(Type.Enum(['FR', 'BE'])),
  points: Type.Array(ComparePoint),
});
export type CompareSide = Static<typeof CompareSide>;

export const CompareView = Type.Object({
  periods: Type.Array(Type.String()),
  a: CompareSide,
  b: CompareSide,
  /** Class C across the border: drawn as indices against each country's reference, not as values. */
  relative: Type.Boolean(),
});
export type CompareView = Static<typeof CompareView>;
