import Type, { type Static } from 'typebox';
import { NullFirst } from '../kernel/schemas';
import { DISAGGREGATION_PATTERN } from './disaggregation';

/** Importing an official file into the observatory: its settings, the preview, the result. */

export const IMPORT_FORMATS = ['insee', 'caf', 'statbel', 'iweps', 'long'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const Code = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' });
const Period = Type.String({ pattern: '^[0-9]{4}(Q[1-4]|[0-9]{2}|-[0-9]{4})?$' });
const Disaggregation = Type.String({ pattern: DISAGGREGATION_PATTERN, maxLength: 41 });

/**
 * How a file is read (src/server/modules/observatory/import/types.ts): which value columns feed which data
 * elements (with their period when the column carries it, as INSEE's P15_POP and P21_POP), the period of
 * the others, and the columns holding the territory, the period, the element and the value when they are
 * not the ones recognised.
 */
const ColumnName = Type.String({ minLength: 1, maxLength: 100 });
export const ImportMapping = Type.Object(
  {
    format: Type.Enum([...IMPORT_FORMATS]),
    columns: Type.Array(
      Type.Object(
        {
          source: ColumnName,
          element: Code,
          period: Type.Optional(Period),
          /** The category of the column's values: INSEE P21_POPF → 'sex:F', P21_POP1529 → 'age:15-29'. */
          disaggregation: Type.Optional(Disaggregation),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    period: Type.Optional(Period),
    geoColumn: Type.Optional(ColumnName),
    periodColumn: Type.Optional(ColumnName),
    elementColumn: Type.Optional(ColumnName),
    valueColumn: Type.Optional(ColumnName),
    /** Columns giving each row's category: a sex, an age band, or one as stored ('sex:F'). */
    sexColumn: Type.Optional(ColumnName),
    ageColumn: Type.Optional(ColumnName),
    disaggregationColumn: Type.Optional(ColumnName),
    country: Type.Optional(Type.Enum(['FR', 'BE'])),
    datePeriod: Type.Optional(Type.Enum(['year', 'quarter', 'month'])),
    secretMarkers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type ImportMapping = Static<typeof ImportMapping>;

/** Sent as JSON in the multipart field "settings", beside the file. */
export const ImportSettings = Type.Object(
  {
    /** Recognised from the header when absent. */
    format: Type.Optional(NullFirst(Type.Enum([...IMPORT_FORMATS]))),
    /** The publication, e.g. "Filosofi 2021" or "Statbel 2022": re-importing it replaces its values. */
    vintage: Type.String({ minLength: 1, maxLength: 60 }),
    /** The geography the codes follow, e.g. "COG 2024" or "REFNIS 2025". */
    geoVintage: Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 60 }))),
    /**
     * National files (INSEE, CAF) cover every commune of the country: skip the lines of territories samen
     * does not know (counted), instead of refusing them as errors.
     */
    skipUnknown: Type.Optional(Type.Boolean()),
    /** The mapping to use; the one saved for this source, else one suggested from the header, when absent. */
    mapping: Type.Optional(NullFirst(ImportMapping)),
  },
  { additionalProperties: false },
);
export type ImportSettings = Static<typeof ImportSettings>;

export const ImportProblem = Type.Object({
  line: Type.Integer(),
  column: NullFirst(Type.String()),
  code: Type.String(),
  message: Type.String(),
});
export type ImportProblem = Static<typeof ImportProblem>;

export const ImportPreviewView = Type.Object({
  /** Null when the file was not recognised (the problems say why). */
  format: NullFirst(Type.Enum([...IMPORT_FORMATS])),
  encoding: NullFirst(Type.String()),
  columns: Type.Array(Type.String()),
  mapping: NullFirst(ImportMapping),
  /** Whether the mapping was the one saved for this source. */
  savedMapping: Type.Boolean(),
  elements: Type.Array(
    Type.Object({
      code: Type.String(),
      label: NullFirst(Type.String()),
      exists: Type.Boolean(),
      values: Type.Integer(),
      periods: Type.Array(Type.String()),
      /** The categories of its values ('total', 'sex:F'…). */
      disaggregations: Type.Optional(Type.Array(Type.String())),
    }),
  ),
  values: Type.Integer(),
  secret: Type.Integer(),
  territories: Type.Integer(),
  /** Lines skipped for a territory samen does not know (when asked to skip them). */
  skippedUnknown: Type.Integer(),
  /** Values of the same vintage already stored for these elements, which the import would replace. */
  replaces: Type.Integer(),
  sample: Type.Array(
    Type.Object({
      line: Type.Integer(),
      geoCode: Type.String(),
      period: Type.String(),
      element: Type.String(),
      /** 'total', or the value's category. */
      disaggregation: Type.Optional(Type.String()),
      value: NullFirst(Type.Number()),
      secret: Type.Boolean(),
      /** For a code known only as a retired one: the current code(s) the map will show it on. */
      mappedTo: Type.Optional(Type.Array(Type.String())),
    }),
  ),
  /**
   * Codes of the file known only as retired ones (Mouscron's 54007 before 2019): stored as published, and
   * carried onto their current code(s) when read.
   */
  oldCodes: Type.Optional(
    Type.Array(Type.Object({ code: Type.String(), mappedTo: Type.Array(Type.String()) })),
  ),
  problems: Type.Array(ImportProblem),
  /** All problems found (the list above stops at 200). */
  problemCount: Type.Integer(),
  checksum: Type.String(),
});
export type ImportPreviewView = Static<typeof ImportPreviewView>;

export const ImportCommitView = Type.Object({
  importId: Type.String(),
  values: Type.Integer(),
  replaced: Type.Integer(),
});
export type ImportCommitView = Static<typeof ImportCommitView>;
