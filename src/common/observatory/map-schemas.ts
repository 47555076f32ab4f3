import Type, { type Static } from 'typebox';
import { Nullable } from '../kernel/schemas';
import { IndicatorView } from './catalogue-schemas';
import { DISAGGREGATION_PATTERN } from './disaggregation';

/** An indicator on the map: one value per territory for a period, with its parts, status and scale. */

export const CELL_STATUSES = [
  'shown',
  'suppressed_small',
  'suppressed_secondary',
  'suppressed_source',
  'no_data',
  /** A median (or a rate stored as such) of territories merged since: it cannot be re-aggregated. */
  'not_comparable',
] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];
export const CLASS_METHODS = ['quantiles', 'equal', 'natural'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

export const IndicatorMapQuery = Type.Object(
  {
    period: Type.Optional(Type.String({ pattern: '^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$' })),
    method: Type.Optional(Type.Enum([...CLASS_METHODS])),
    classes: Type.Optional(Type.Integer({ minimum: 3, maximum: 7 })),
    /** A territory group (the Eurométropole, a programme's perimeter…): only its municipalities. */
    group: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 })),
    /** 'total' (default), or one category: 'sex:F', 'age:15-24' (among the view's `disaggregations`). */
    disaggregation: Type.Optional(Type.String({ pattern: DISAGGREGATION_PATTERN, maxLength: 41 })),
  },
  { additionalProperties: false },
);
export type IndicatorMapQuery = Static<typeof IndicatorMapQuery>;

export const MapCell = Type.Object({
  code: Type.String(),
  name: Type.String(),
  country: Type.Enum(['FR', 'BE']),
  /** Each side's own period (compared within a year of the one asked for). */
  period: Nullable(Type.String()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  value: Nullable(Type.Number()),
  status: Type.Enum([...CELL_STATUSES]),
  /** The class on its scale (0 = lowest), when shown. */
  klass: Nullable(Type.Integer()),
  /** For a class-C indicator: the value relative to its country's reference (= 100). */
  relative: Nullable(Type.Number()),
  /**
   * The old codes (retired or merged since) whose values were carried onto this one (code history,
   * migration 0035); absent when the values were stored under the current code.
   */
  remappedFrom: Type.Optional(Type.Array(Type.String())),
});
export type MapCell = Static<typeof MapCell>;

export const MapScale = Type.Object({
  /** 'all' for one scale across the border; 'FR' and 'BE' side by side for a class-C indicator. */
  country: Type.Enum(['all', 'FR', 'BE']),
  breaks: Type.Array(Type.Number()),
  /** The country's own reference (its total) that class-C values are expressed against. */
  reference: Nullable(Type.Number()),
  relative: Type.Boolean(),
});
export type MapScale = Static<typeof MapScale>;

export const MapShape = Type.Object({
  code: Type.String(),
  /**
   * GeoJSON geometry, inline: absent from the API's answers, which serve boundaries apart under
   * `shapesKey` (GET /api/observatory/shapes/:key, cached for good by the browser).
   */
  geometry: Type.Optional(Nullable(Type.Unknown())),
  /** True when the boundary is served under the view's `shapesKey`; else the centroid is drawn. */
  boundary: Type.Optional(Type.Boolean()),
  centroid: Nullable(Type.Tuple([Type.Number(), Type.Number()])),
});
export type MapShape = Static<typeof MapShape>;

export const IndicatorMapView = Type.Object({
  indicator: IndicatorView,
  period: Nullable(Type.String()),
  method: Type.Enum([...CLASS_METHODS]),
  /** The territory group shown (null: every municipality with a value), and the groups to choose from. */
  group: Nullable(Type.String()),
  groups: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  /** The disaggregation shown ('total' unless asked), and those the numerator has, total first. */
  disaggregation: Type.Optional(Type.String()),
  disaggregations: Type.Optional(Type.Array(Type.String())),
  /** The denominator's: the same as the numerator's when it has values at it, else 'total'; null without one. */
  denominatorDisaggregation: Type.Optional(Nullable(Type.String())),
  /** 'rate' indicators are coloured; a count without denominator is drawn as bubbles. */
  kind: Type.Enum(['rate', 'count']),
  cells: Type.Array(MapCell),
  totals: Type.Array(
    Type.Object({
      code: Type.String(),
      numerator: Nullable(Type.Number()),
      denominator: Nullable(Type.Number()),
      value: Nullable(Type.Number()),
      status: Type.Enum([...CELL_STATUSES]),
      period: Nullable(Type.String()),
    }),
  ),
  scales: Type.Array(MapScale),
  shapes: Type.Array(MapShape),
  /** The key of the shapes' boundaries (GET /api/observatory/shapes/:key); absent when none is known. */
  shapesKey: Type.Optional(Type.String({ pattern: '^[a-f0-9]{32}$' })),
  /** Territories with a value but no boundary stored: drawn at their centroid. */
  missingBoundaries: Type.Integer(),
  sources: Type.Array(Type.String()),
  vintages: Type.Array(Type.String()),
});
export type IndicatorMapView = Static<typeof IndicatorMapView>;

/** The boundaries of a map's territories, simplified for drawing: public reference data. */
export const MapShapes = Type.Object({
  key: Type.String(),
  shapes: Type.Array(Type.Object({ code: Type.String(), geometry: Type.Unknown() })),
});
export type MapShapes = Static<typeof MapShapes>;
