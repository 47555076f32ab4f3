/**
 * An official file + a mapping → observatory values, in batches, with every problem collected.
 *
 * The file is read as a stream (table.ts); rows come out in batches (5,000 by default) through an async
 * iterator, and the errors are in `errors` once the iteration ends. The caller refuses the whole import
 * when there is any error: rows already received must then be discarded (write them in one transaction,
 * or run the parse once to check and once to write).
 *
 * Rules, beyond those of values.ts (numbers and markers) and codes.ts (territory codes):
 * - a line whose cells are all blank is skipped;
 * - CAF's lines for the code 99999 (abroad) and XXXXX (unknown commune) are dropped, not errors;
 * - in spreadsheets, a line whose code is not a code and whose mapped values are all blank is a note
 *   (title, source, footnote) and is skipped;
 * - a text line with more or fewer cells than the header is a `column_count` error (extra blank cells at
 *   the end are tolerated);
 * - the period of a value is its column mapping's period, else the row's period column, else the mapping's
 *   period. The detected period column is used only when the mapping names no period of its own; a mapping
 *   can still name its `periodColumn` explicitly;
 * - a row's category (sex, age band: columns `sexColumn`, `ageColumn`, `disaggregationColumn`, or a column
 *   mapping's `disaggregation`) is part of its key; an unreadable one, or two on one value, is an
 *   `invalid_disaggregation` error (category.ts);
 * - the same territory × period × element twice is a `duplicate_key` error at the second line, naming the
 *   first; two mapping columns that would always collide are a `duplicate_mapping` error on the header;
 * - a code not among `knownCodes` is an `unknown_code` error, or, with `unknownCodes: 'skip'`, is skipped
 *   and counted (national files cover far more communes than the platform knows);
 * - errors are kept up to `maxErrors` (default 1,000); after that they are only counted and a final
 *   `too_many_errors` error gives their number.
 */
import type { TerritoryCountry } from '../../../../common/network/territory';
import { type CategoryColumns, readCategory } from './category';
import { type CodeReading, isKnownCode, type KnownCodes, readGeoCode } from './codes';
import { headerKey } from './header';
import { type DatePeriod, normalisePeriod } from './period';
import { type ImportSource, openTable, sourceSize, type TableHeader } from './table';
import type { ImportError, ImportFormat, ImportMapping, ImportRow } from './types';
import { type CellValue, readValue, secretMarkerSet } from './values';

export interface ImportProgress {
  bytesRead: number;
  /** null when the source's size is unknown. */
  totalBytes: number | null;
  /** Values produced so far. */
  values: number;
}

export interface ParseOptions {
  mapping: ImportMapping;
  /** The territories the platform knows; without it codes are only checked for their form. */
  knownCodes?: KnownCodes;
  /** 'error' (default): an unknown code is an error; 'skip': its line is skipped and counted. */
  unknownCodes?: 'error' | 'skip';
  /** Values per batch (default 5,000). */
  batchSize?: number;
  /** Errors kept (default 1,000). */
  maxErrors?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** A spreadsheet whose reader makes no progress this long is refused as damaged (default 10 s). */
  stallMs?: number;
}

export interface ImportStats {
  /** Data lines read (blank lines not counted). */
  lines: number;
  /** Values produced (rows), of which withheld by the source and without a figure. */
  values: number;
  secret: number;
  blank: number;
  /** CAF lines 99999 / XXXXX and spreadsheet notes. */
  droppedLines: number;
  /** Lines skipped for an unknown code (unknownCodes: 'skip'), and the first 100 such codes. */
  skippedUnknown: number;
  unknownCodes: string[];
  /** Long layout: lines whose element the mapping does not list. */
  skippedElements: number;
  /** All errors found, including those beyond `maxErrors`. */
  errorCount: number;
}

const DEFAULT_COUNTRY: Record<ImportFormat, TerritoryCountry | null> = {
  insee: 'FR',
  caf: 'FR',
  statbel: 'BE',
  iweps: 'BE',
  long: null,
};

const CAF_DROPPED = new Set(['99999', 'XXXXX']);
const COUNTRY_KEYS = ['country', 'pays', 'land', 'cntr_code', 'country_code'];

/**
 * Line numbers of each territory × period × element seen, kept compact for files of millions of values:
 * per element and period, an array indexed by the territory's order of appearance.
 */
class KeyIndex {
  private readonly geos = new Map<string, number>();
  private readonly pairs = new Map<string, Map<string, Int32Array>>();

  /** Records the key at `line`; returns the line where it was first seen, or 0. `element` includes its category. */
  check(geoCode: string, period: string, element: string, line: number): number {
    let geo = this.geos.get(geoCode);
    if (geo === undefined) {
      geo = this.geos.size;
      this.geos.set(geoCode, geo);
    }
    let periods = this.pairs.get(element);
    if (!periods) {
      periods = new Map();
      this.pairs.set(element, periods);
    }
    let lines = periods.get(period);
    if (!lines || lines.length <= geo) {
      const grown = new Int32Array(Math.max(64, (geo + 1) * 2));
      if (lines) grown.set(lines);
      lines = grown;
      periods.set(period, lines);
    }
    const first = lines[geo]!;
    if (first === 0) lines[geo] = line;
    return first;
  }
}

interface WideColumn {
  index: number;
  source: string;
  element: string;
  /** Fixed period, or null when the row's period column gives it. */
  period: string | null;
  /** The column's category (INSEE P21_POPF → 'sex:F'). */
  disaggregation?: string;
}

interface Plan {
  format: ImportFormat;
  geoIndex: number;
  countryIndex: number;
  periodIndex: number;
  period: string | null;
  categories: CategoryColumns;
  /** Wide layout. */
  columns: WideColumn[];
  /** Long layout. */
  long: {
    elementIndex: number;
    valueIndex: number;
    valueColumn: string;
    elements: Map<string, string> | null;
  } | null;
}

/**
 * Reads a file with a mapping; iterate it for batches of rows, then read `errors` and `stats`. One
 * iteration only.
 */
export class ImportParse implements AsyncIterable<ImportRow[]> {
  readonly errors: ImportError[] = [];
  readonly stats: ImportStats = {
    lines: 0,
    values: 0,
    secret: 0,
    blank: 0,
    droppedLines: 0,
    skippedUnknown: 0,
    unknownCodes: [],
    skippedElements: 0,
    errorCount: 0,
  };
  /** The file's header as read, once the iteration has started. */
  header: TableHeader | null = null;

  private readonly maxErrors: number;
  private readonly batchSize: number;
  private readonly unknownSeen = new Set<string>();
  private started = false;
  private lastLine = 1;

  constructor(
    private readonly source: ImportSource,
    private readonly options: ParseOptions,
  ) {
    this.maxErrors = options.maxErrors ?? 1000;
    this.batchSize = Math.max(1, options.batchSize ?? 5000);
  }

  private error(e: ImportError): void {
    this.stats.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push(e);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ImportRow[]> {
    if (this.started) throw new Error('An ImportParse is iterated once');
    this.started = true;
    const total = sourceSize(this.source);
    let bytesRead = 0;
    const progress = () =>
      this.options.onProgress?.({ bytesRead, totalBytes: total, values: this.stats.values });
    const table = await openTable(this.source, {
      onBytes: (n) => {
        bytesRead = n;
        progress();
      },
      report: (e) => this.error(e),
      stallMs: this.options.stallMs,
    });
    this.header = table.header;
    try {
      for (const e of table.header.errors) this.error(e);
      if (table.header.errors.length > 0) return;
      const plan = this.plan(table.header);
      if (!plan) return;
      const reader = new RecordReader(plan, table.header, {
        options: this.options,
        stats: this.stats,
        report: (e) => this.error(e),
        skipUnknown: (geoCode) => {
          this.stats.skippedUnknown++;
          if (this.unknownSeen.size < 100 && !this.unknownSeen.has(geoCode)) {
            this.unknownSeen.add(geoCode);
            this.stats.unknownCodes.push(geoCode);
          }
        },
      });
      for await (const records of table.batches) {
        for (const { line, cells } of records) {
          this.lastLine = line;
          reader.read(line, cells);
          if (reader.batch.length >= this.batchSize) {
            progress();
            yield reader.take();
          }
        }
      }
      if (reader.batch.length > 0) {
        progress();
        yield reader.take();
      }
      if (this.stats.lines === 0 && this.stats.errorCount === 0) {
        this.error({ line: table.header.headerLine, code: 'empty_file' });
      }
    } finally {
      await table.close();
      if (this.stats.errorCount > this.maxErrors) {
        this.errors.push({
          line: this.lastLine,
          code: 'too_many_errors',
          value: String(this.stats.errorCount),
        });
      }
    }
  }

  /** Checks the mapping against the header; reports what does not fit and returns null then. */
  private plan(header: TableHeader): Plan | null {
    const { mapping } = this.options;
    const recognition = header.recognition!;
    const line = header.headerLine;
    const before = this.stats.errorCount;
    if (mapping.format !== recognition.format) {
      this.error({ line, code: 'format_mismatch', value: recognition.format });
      return null;
    }
    const indexOf = (column: string | undefined): number => {
      if (column === undefined) return -1;
      const exact = header.columns.indexOf(column);
      if (exact !== -1) return exact;
      // Tolerate case, accents and spacing ("Code INS" for "code_ins").
      const key = headerKey(column);
      return header.columns.findIndex((c) => headerKey(c) === key);
    };
    const required = (column: string | undefined): number => {
      const i = indexOf(column);
      if (i === -1) this.error({ line, column: column ?? '', code: 'missing_column' });
      return i;
    };

    const geoIndex = required(mapping.geoColumn ?? recognition.geoColumn);
    const periodColumn = mapping.periodColumn ?? (mapping.period ? undefined : recognition.periodColumn);
    const periodIndex = periodColumn === undefined ? -1 : required(periodColumn);
    const period = mapping.period === undefined ? null : normalisePeriod(mapping.period);
    // A value without a period of its own: the mapping's period is reported against each column using it.
    const noPeriod = (column: string) => {
      if (mapping.period !== undefined && !period) {
        this.error({ line, column, code: 'invalid_period', value: mapping.period });
      } else if (!period) this.error({ line, column, code: 'missing_period' });
    };
    const countryIndex = header.columns.findIndex((c) => COUNTRY_KEYS.includes(headerKey(c)));
    const optional = (column: string | undefined) => (column === undefined ? -1 : required(column));
    const categories: CategoryColumns = {
      sex: optional(mapping.sexColumn ?? recognition.sexColumn),
      age: optional(mapping.ageColumn ?? recognition.ageColumn),
      disaggregation: optional(mapping.disaggregationColumn ?? recognition.disaggregationColumn),
    };

    const plan: Plan = {
      format: recognition.format,
      geoIndex,
      countryIndex,
      periodIndex,
      period,
      categories,
      columns: [],
      long: null,
    };
    const hasRowPeriod = periodIndex >= 0;

    if (recognition.layout === 'long') {
      const elementIndex = required(mapping.elementColumn ?? recognition.elementColumn);
      const valueColumn = mapping.valueColumn ?? recognition.valueColumn;
      const valueIndex = required(valueColumn);
      if (!hasRowPeriod) noPeriod(valueColumn ?? '');
      let elements: Map<string, string> | null = null;
      if (mapping.columns.length > 0) {
        elements = new Map();
        for (const c of mapping.columns) {
          if (!c.element.trim()) this.error({ line, column: c.source, code: 'missing_element' });
          else if (elements.has(c.source))
            this.error({ line, column: c.source, code: 'duplicate_mapping', value: c.element });
          else elements.set(c.source, c.element.trim());
        }
      }
      plan.long = { elementIndex, valueIndex, valueColumn: header.columns[valueIndex] ?? '', elements };
    } else {
      const seen = new Set<string>();
      for (const c of mapping.columns) {
        const index = required(c.source);
        const element = c.element.trim();
        if (!element) this.error({ line, column: c.source, code: 'missing_element' });
        let columnPeriod: string | null = null;
        if (c.period !== undefined) {
          columnPeriod = normalisePeriod(c.period);
          if (!columnPeriod) this.error({ line, column: c.source, code: 'invalid_period', value: c.period });
        } else if (!hasRowPeriod) {
          noPeriod(c.source);
        }
        const fixed = columnPeriod ?? (hasRowPeriod ? null : period);
        const key = `${element}\u0000${fixed ?? '(row)'}\u0000${c.disaggregation ?? ''}`;
        if (element && seen.has(key))
          this.error({ line, column: c.source, code: 'duplicate_mapping', value: element });
        seen.add(key);
        if (index >= 0)
          plan.columns.push({
            index,
            source: header.columns[index]!,
            element,
            period: fixed,
            ...(c.disaggregation ? { disaggregation: c.disaggregation } : {}),
          });
      }
    }
    return this.stats.errorCount > before ? null : plan;
  }
}

/** What a RecordReader needs of the parse it works for. */
interface ReaderContext {
  options: ParseOptions;
  stats: ImportStats;
  report(error: ImportError): void;
  /** An unknown code skipped (unknownCodes: 'skip'). */
  skipUnknown(geoCode: string): void;
}

/** A code cell read, and whether the caller knows the territory. */
type ResolvedCode =
  | Exclude<CodeReading, { kind: 'code' }>
  | { kind: 'code'; geoCode: string; known: boolean };

/** Turns one record into rows (or errors), with caches for the few distinct codes and periods of a file. */
class RecordReader {
  batch: ImportRow[] = [];
  private readonly index = new KeyIndex();
  private readonly codes = new Map<string, ResolvedCode>();
  private readonly periods = new Map<string, string | null>();
  private readonly secretMarkers: ReadonlySet<string>;
  private readonly country: TerritoryCountry | null;
  private readonly datePeriod: DatePeriod;
  private readonly text: boolean;
  private readonly width: number;
  private readonly geoColumn: string;
  private readonly stats: ImportStats;

  constructor(
    private readonly plan: Plan,
    private readonly header: TableHeader,
    private readonly context: ReaderContext,
  ) {
    const { mapping } = context.options;
    this.secretMarkers = secretMarkerSet(mapping.secretMarkers);
    this.country = mapping.country ?? DEFAULT_COUNTRY[plan.format];
    this.datePeriod = mapping.datePeriod ?? 'month';
    this.text = header.container === 'text';
    this.width = header.columns.length;
    this.geoColumn = header.columns[plan.geoIndex]!;
    this.stats = context.stats;
  }

  take(): ImportRow[] {
    const out = this.batch;
    this.batch = [];
    return out;
  }

  /** The platform code of a code cell, looked up once per distinct text. */
  private code(raw: CellValue, country: TerritoryCountry | null): ResolvedCode {
    const cacheable = typeof raw === 'string' || typeof raw === 'number';
    const key = cacheable ? `${country ?? ''}|${raw}` : '';
    const cached = cacheable ? this.codes.get(key) : undefined;
    if (cached) return cached;
    const { knownCodes } = this.context.options;
    const reading = readGeoCode(raw, country, knownCodes);
    const result: ResolvedCode =
      reading.kind === 'code'
        ? {
            kind: 'code',
            geoCode: reading.geoCode,
            known: !knownCodes || isKnownCode(knownCodes, reading.geoCode),
          }
        : reading;
    if (cacheable && this.codes.size < 200_000) this.codes.set(key, result);
    return result;
  }

  private period(cell: CellValue): string | null {
    if (cell instanceof Date) return normalisePeriod(cell, this.datePeriod);
    const key = String(cell);
    let period = this.periods.get(key);
    if (period === undefined) {
      period = normalisePeriod(cell as string | number, this.datePeriod);
      if (this.periods.size < 10_000) this.periods.set(key, period);
    }
    return period;
  }

  read(line: number, cells: CellValue[]): void {
    const { plan, stats } = this;
    if (cells.every(isBlank)) return;
    stats.lines++;
    if (this.text && !sameWidth(cells, this.width)) {
      this.context.report({ line, code: 'column_count', value: String(widthOf(cells)) });
      return;
    }
    const rawCode = cells[plan.geoIndex];
    if (plan.format === 'caf' && CAF_DROPPED.has(cellText(rawCode).toUpperCase())) {
      stats.droppedLines++;
      return;
    }
    const country =
      plan.countryIndex >= 0 ? (countryOf(cells[plan.countryIndex]) ?? this.country) : this.country;
    const code = this.code(rawCode, country);
    if (code.kind !== 'code') {
      if (!this.text && code.kind === 'invalid' && this.isNote(cells)) {
        stats.droppedLines++;
        return;
      }
      const column = this.geoColumn;
      if (code.kind === 'missing') this.context.report({ line, column, code: 'missing_code' });
      else {
        const kind = code.kind === 'invalid' ? 'invalid_code' : 'ambiguous_code';
        this.context.report({ line, column, code: kind, value: code.text });
      }
      return;
    }
    const { geoCode } = code;
    if (!code.known) {
      if (this.context.options.unknownCodes === 'skip') this.context.skipUnknown(geoCode);
      else this.context.report({ line, column: this.geoColumn, code: 'unknown_code', value: geoCode });
      return;
    }
    let rowPeriod = plan.period;
    if (plan.periodIndex >= 0) {
      const column = this.header.columns[plan.periodIndex]!;
      const cell = cells[plan.periodIndex];
      if (isBlank(cell)) {
        this.context.report({ line, column, code: 'missing_period' });
        return;
      }
      rowPeriod = this.period(cell);
      if (!rowPeriod) {
        this.context.report({ line, column, code: 'invalid_period', value: cellText(cell) });
        return;
      }
    }
    if (plan.long) {
      const { elementIndex, valueIndex, valueColumn, elements } = plan.long;
      const raw = cellText(cells[elementIndex]);
      if (raw === '') {
        this.context.report({ line, column: this.header.columns[elementIndex]!, code: 'missing_element' });
        return;
      }
      const element = elements ? elements.get(raw) : raw;
      if (element === undefined) {
        stats.skippedElements++;
        return;
      }
      const category = this.category(line, cells, undefined);
      if (category === null) return;
      this.emit(line, geoCode, valueColumn, element, rowPeriod!, cells[valueIndex], category);
    } else {
      for (const c of plan.columns) {
        const category = this.category(line, cells, c.disaggregation);
        if (category === null) continue;
        this.emit(line, geoCode, c.source, c.element, c.period ?? rowPeriod!, cells[c.index], category);
      }
    }
  }

  /** The row's category, or null after reporting why it cannot be read. */
  private category(line: number, cells: CellValue[], fixed: string | undefined): string | null {
    const r = readCategory(cells, this.plan.categories, fixed);
    if (r.ok) return r.disaggregation;
    const column = this.header.columns[r.column]!;
    this.context.report({ line, column, code: 'invalid_disaggregation', value: r.text });
    return null;
  }

  private emit(
    line: number,
    geoCode: string,
    column: string,
    element: string,
    period: string,
    cell: CellValue,
    disaggregation: string,
  ) {
    const reading = readValue(cell, this.secretMarkers);
    if (reading.kind === 'invalid') {
      this.context.report({ line, column, code: 'invalid_number', value: cellText(cell) });
      return;
    }
    const total = disaggregation === 'total';
    const first = this.index.check(
      geoCode,
      period,
      total ? element : `${element}\u0000${disaggregation}`,
      line,
    );
    if (first !== 0) {
      const value = `${geoCode} × ${period} × ${element}${total ? '' : ` × ${disaggregation}`}`;
      this.context.report({ line, column, code: 'duplicate_key', value, firstLine: first });
      return;
    }
    const secret = reading.kind === 'secret';
    const value = reading.kind === 'number' ? reading.value : null;
    if (secret) this.stats.secret++;
    else if (value === null) this.stats.blank++;
    this.stats.values++;
    this.batch.push({
      line,
      column,
      geoCode,
      period,
      element,
      ...(total ? {} : { disaggregation }),
      value,
      secret,
    });
  }

  /** A spreadsheet line that is a title, a source or a footnote: no mapped value in it. */
  private isNote(cells: CellValue[]): boolean {
    const { plan } = this;
    if (plan.long) return isBlank(cells[plan.long.valueIndex]);
    return plan.columns.every((c) => isBlank(cells[c.index]));
  }
}

/** Starts reading `source` with `options` (see {@link ImportParse}). */
export function parseImport(source: ImportSource, options: ParseOptions): ImportParse {
  return new ImportParse(source, options);
}

export interface ParsedFile {
  rows: ImportRow[];
  errors: ImportError[];
  stats: ImportStats;
  header: TableHeader | null;
}

/** Reads a whole file into memory (previews of small files, tests). */
export async function parseAll(source: ImportSource, options: ParseOptions): Promise<ParsedFile> {
  const parse = parseImport(source, options);
  const rows: ImportRow[] = [];
  for await (const batch of parse) rows.push(...batch);
  return { rows, errors: parse.errors, stats: parse.stats, header: parse.header };
}

function isBlank(cell: CellValue): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Number of cells once blank cells at the end are set aside. */
function widthOf(cells: CellValue[]): number {
  let n = cells.length;
  while (n > 0 && isBlank(cells[n - 1])) n--;
  return n;
}

function sameWidth(cells: CellValue[], headerWidth: number): boolean {
  if (cells.length === headerWidth) return true;
  // Extra blank cells at the end (a trailing separator) are harmless.
  return cells.length > headerWidth && widthOf(cells) <= headerWidth;
}

function countryOf(cell: CellValue): TerritoryCountry | null {
  const s = cellText(cell).toUpperCase();
  return s === 'FR' || s === 'BE' ? s : null;
}
