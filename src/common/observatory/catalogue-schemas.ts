import Type, { type Static } from 'typebox';
import { Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/** The observatory's definitions (migration 0036), shared by the API and the forms. */

/** The joint analysis's themes (the boordtabel's), in the order boards list them. */
export const OBS_THEMES = [
  'population',
  'poverty',
  'income',
  'employment',
  'housing',
  'family',
  'ageing',
  'youth',
  'health',
  'migration',
] as const;
export type ObsTheme = (typeof OBS_THEMES)[number];

export const ELEMENT_UNITS = ['count', 'euro', 'percent', 'rate', 'years', 'other'] as const;
export const AGGREGATIONS = ['sum', 'average', 'last', 'none'] as const;
export const COMPARABILITY = ['A', 'B', 'C'] as const;
export type Comparability = (typeof COMPARABILITY)[number];
export const FACTORS = [1, 100, 1000, 100000] as const;

const Code = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' });
const Label = Type.String({ minLength: 1, maxLength: 200 });
const OptionalLabel = Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 200 })));
const LongText = Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 2000 })));

export const ElementInput = Type.Object(
  {
    code: Code,
    labelFr: Label,
    labelNl: Label,
    labelEn: OptionalLabel,
    definitionFr: LongText,
    definitionNl: LongText,
    unit: Type.Enum([...ELEMENT_UNITS]),
    theme: Type.Enum([...OBS_THEMES]),
    aggregation: Type.Enum([...AGGREGATIONS]),
    health: Type.Optional(Type.Boolean()),
    source: Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 200 }))),
    sourceTable: Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 200 }))),
    sourceColumn: Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 200 }))),
    licence: Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 200 }))),
    comparability: Type.Enum([...COMPARABILITY]),
    caveatsFr: LongText,
    caveatsNl: LongText,
  },
  { additionalProperties: false },
);
export type ElementInput = Static<typeof ElementInput>;

export const ElementView = Type.Object({
  id: Uuid,
  code: Type.String(),
  label: Type.String(),
  labelFr: Type.String(),
  labelNl: Type.String(),
  definition: Nullable(Type.String()),
  unit: Type.Enum([...ELEMENT_UNITS]),
  theme: Type.String(),
  aggregation: Type.Enum([...AGGREGATIONS]),
  health: Type.Boolean(),
  source: Nullable(Type.String()),
  sourceTable: Nullable(Type.String()),
  sourceColumn: Nullable(Type.String()),
  licence: Nullable(Type.String()),
  comparability: Type.Enum([...COMPARABILITY]),
  caveats: Nullable(Type.String()),
  /** Values stored, and the periods they cover. */
  valueCount: Type.Integer(),
  periods: Type.Array(Type.String()),
  ownOrganisation: Type.Boolean(),
});
export type ElementView = Static<typeof ElementView>;

export const IndicatorView = Type.Object({
  id: Uuid,
  code: Type.String(),
  label: Type.String(),
  definition: Nullable(Type.String()),
  theme: Type.String(),
  numerator: Type.Object({ code: Type.String(), label: Type.String() }),
  denominator: Nullable(Type.Object({ code: Type.String(), label: Type.String() })),
  factor: Type.Integer(),
  comparability: Type.Enum([...COMPARABILITY]),
  caveats: Nullable(Type.String()),
  /** Periods with numerator values (and denominator values, for a ratio). */
  periods: Type.Array(Type.String()),
});
export type IndicatorView = Static<typeof IndicatorView>;

export const CatalogueView = Type.Object({
  elements: Type.Array(ElementView),
  indicators: Type.Array(IndicatorView),
  canImport: Type.Boolean(),
  canDefine: Type.Boolean(),
});
export type CatalogueView = Static<typeof CatalogueView>;
