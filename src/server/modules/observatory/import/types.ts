/**
 * Shared types of the observatory's file import (pure parsing layer: no database, no HTTP).
 *
 * A file is read into {@link ImportRow}s (territory × period × element → value) according to an
 * {@link ImportMapping}; every problem is collected as an {@link ImportError} whose `code` is a message key
 * under `observatory.import.errors.` (catalogue src/i18n/observatory/import/). The caller refuses the whole
 * import as soon as one error exists.
 */
import type { TerritoryCountry } from '../../../../common/network/territory';

/** The file families recognised from their header (see detect.ts). */
export const IMPORT_FORMATS = ['insee', 'caf', 'statbel', 'iweps', 'long'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * 'wide': value columns, each feeding one element (INSEE, CAF, Statbel; IWEPS: one column per period, or
 * one value column beside a period column); 'long': one row per value, with columns naming the territory,
 * the period, the element and the value.
 */
export type ImportLayout = 'wide' | 'long';

/** One value read from the file, ready for the store. */
export interface ImportRow {
  /** 1-based line of a text file, or row number of the spreadsheet. */
  line: number;
  /** The source column the value was read from. */
  column?: string;
  /** Territory code as the platform writes it: 'FR-59350', 'FR-2A004', 'BE-57096'. */
  geoCode: string;
  /** '2021' (year), '2021Q1' (quarter), '202103' (month) or '2019-2023' (multi-year window). */
  period: string;
  /** Target element code (from the mapping). */
  element: string;
  /** 'total' (when absent), or one category such as 'sex:F' or 'age:15-24' (see common/observatory/disaggregation.ts). */
  disaggregation?: string;
  /** null when the source gives no figure (blank, 'nd', secret marker). */
  value: number | null;
  /** The source withheld the figure (secret marker, CAF blurring, Statbel 'C'). */
  secret: boolean;
}

/**
 * Every error the parser reports. Each one always carries the fields its message uses:
 * - `line` always (1 for whole-file and header problems);
 * - `column` for missing_column, duplicate_mapping, missing_period, invalid_period, missing_code,
 *   invalid_code, ambiguous_code, unknown_code, missing_element, invalid_number, duplicate_key,
 *   invalid_disaggregation;
 * - `value` for unsupported_spreadsheet, wrong_separator, format_mismatch, duplicate_mapping,
 *   invalid_period, column_count, invalid_code, ambiguous_code, unknown_code, invalid_number,
 *   duplicate_key, too_many_errors, invalid_disaggregation;
 * - `firstLine` for duplicate_key (where the same key was first seen).
 */
export const IMPORT_ERROR_CODES = [
  // The whole file
  'empty_file',
  'invalid_encoding',
  'unknown_format',
  'unsupported_spreadsheet',
  'invalid_spreadsheet',
  'wrong_separator',
  'invalid_csv',
  'too_many_errors',
  // The mapping against the header
  'format_mismatch',
  'missing_column',
  'duplicate_mapping',
  // One line
  'column_count',
  'missing_code',
  'invalid_code',
  'ambiguous_code',
  'unknown_code',
  'missing_period',
  'invalid_period',
  'missing_element',
  'invalid_number',
  'duplicate_key',
  'invalid_disaggregation',
] as const;

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** Prefix of the error message keys: `observatory.import.errors.<code>`. */
export const IMPORT_ERROR_KEY_PREFIX = 'observatory.import.errors.';

export interface ImportError {
  line: number;
  column?: string;
  code: ImportErrorCode;
  value?: string;
  /** duplicate_key: the line where the same territory × period × element was first read. */
  firstLine?: number;
}

/** One file column feeding one element (wide layouts), or one element code renamed (long layout). */
export interface ImportColumnMapping {
  /** Wide: the file column ('MED21', 'MS_TOT_RESIDENTS', '2019'). Long: an element code found in the file. */
  source: string;
  /** Target element code. */
  element: string;
  /** Period of this column's values; overrides `ImportMapping.period` (INSEE 'P15_POP' and 'P21_POP' side by side). */
  period?: string;
  /** The category this column's values are of ('sex:F' for INSEE P21_POPF, 'age:15-29' for P21_POP1529). */
  disaggregation?: string;
}

/**
 * Which columns feed which elements and periods; saved per source by the caller. Only `format` and
 * `columns` are required: the geo, period, element and value columns default to those detection found.
 */
export interface ImportMapping {
  format: ImportFormat;
  /**
   * Wide layouts: the value columns to import (unlisted columns are ignored). Long layout: element codes of
   * the file renamed to target elements; rows with an element not listed are skipped; an empty list
   * imports every element under its own code.
   */
  columns: ImportColumnMapping[];
  /** Period for values that get none from a period column or their column mapping. */
  period?: string;
  /** Column holding the territory code. */
  geoColumn?: string;
  /** Column holding each row's period (Statbel CD_YEAR, long 'period', CAF 'Date_ref'…). */
  periodColumn?: string;
  /** Long layout: the column naming the element. */
  elementColumn?: string;
  /** Long layout: the column holding the value. */
  valueColumn?: string;
  /**
   * Columns giving each row's category (any layout; Statbel's CD_SEX, a long file's `sex`/`age`): a sex
   * (F/M, 1/2, words in FR, NL, EN), an age band ('15-24', '65+'), or a disaggregation as stored
   * ('sex:F', 'age:15-24'). A row has one category at most: a sex and an age band on the same row, or a
   * column mapping's category beside a row's, is an `invalid_disaggregation` error.
   */
  sexColumn?: string;
  ageColumn?: string;
  disaggregationColumn?: string;
  /**
   * Country of unprefixed codes. Default: FR for INSEE and CAF, BE for Statbel and IWEPS; the long format
   * reads prefixed codes ('FR-59350', 'BE_57096') or a `country` column, else uses `knownCodes` to decide.
   */
  country?: TerritoryCountry;
  /** How a full date in a period cell is reduced (default 'month': 31/12/2021 → '202112'). */
  datePeriod?: 'year' | 'quarter' | 'month';
  /** Further cell texts meaning "withheld by the source" (compared case-insensitively, trimmed). */
  secretMarkers?: string[];
}
