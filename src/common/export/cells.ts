/**
 * Cells of exported tables (CSV and XLSX) that spreadsheet software opens. A text cell that starts like a
 * formula would be run by Excel or LibreOffice (CSV/formula injection: `=HYPERLINK(...)`, `@SUM(...)`,
 * `+cmd|...`): such text is neutralised with a leading apostrophe, which both read as "this is text".
 * Numbers and dates are written typed in XLSX and never neutralised there.
 */

/**
 * Characters a spreadsheet treats as the start of a formula or of a field it re-parses. The full-width
 * forms are included: some spreadsheet software folds them to their ASCII form before parsing.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * What may come before a formula and still let it run: spaces, line breaks and invisible characters, which
 * an import that trims fields (LibreOffice's "trim spaces", a copy and paste) removes. Issue 16.
 */
const LEADING_IGNORABLE = /^[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]+/u;

/**
 * Whether a text cell would be read as a formula: by its first character, or by the first character left
 * once folded to compatibility form (NFKC: full-width and small forms such as U+FE66 become `=`, `+`, `-`,
 * `@`) and trimmed of leading spaces and invisible characters.
 */
export const looksLikeFormula = (text: string) =>
  FORMULA_START.test(text) || /^[=+\-@]/.test(text.normalize('NFKC').replace(LEADING_IGNORABLE, ''));

/** The text as it is safe to write in a cell: prefixed with `'` when it would start a formula. */
export function neutraliseCell(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

export type ColumnType = 'text' | 'date' | 'number' | 'percent';

/** A column of an export: its translated header and how its values are typed. */
export interface ExportColumn<K extends string = string> {
  key: K;
  header: string;
  type: ColumnType;
}

/** A value of a row: text, an ISO date ('YYYY-MM-DD') for date columns, a number (a 0–1 ratio for percent). */
export type ExportValue = string | number | null;
export type ExportRow<K extends string = string> = Record<K, ExportValue>;

export interface CsvOptions {
  /** ';' for French and Dutch spreadsheet settings (the comma is their decimal separator). */
  separator?: ';' | ',';
  /** Decimal separator of numbers: ',' for FR/NL. */
  decimal?: ',' | '.';
}

/** The UTF-8 byte-order mark: spreadsheet software then reads accents as UTF-8, not as its local code page. */
export const BOM = '\uFEFF';

function formatNumber(n: number, type: ColumnType, decimal: ',' | '.'): string {
  if (!Number.isFinite(n)) return '';
  // Percent columns hold a ratio; the CSV shows the percentage with one decimal.
  const v = type === 'percent' ? Math.round(n * 1000) / 10 : n;
  return String(v).replace('.', decimal);
}

/** One CSV cell: text neutralised, then always quoted (separators, quotes and newlines stay inside). */
export function csvCell(value: ExportValue, type: ColumnType = 'text', decimal: ',' | '.' = ','): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'number'
        ? formatNumber(value, type, decimal)
        : value;
  // A number we format ourselves (sign, digits, decimal) cannot carry a formula: left as is, a spreadsheet
  // still reads it as a number. Only text is neutralised.
  const safe = typeof value === 'number' ? text : neutraliseCell(text);
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A whole CSV document (with BOM, CRLF line ends, every cell quoted and neutralised). */
export function toCsv<K extends string>(
  columns: readonly ExportColumn<K>[],
  rows: readonly ExportRow<K>[],
  opts: CsvOptions = {},
): string {
  const sep = opts.separator ?? ';';
  const decimal = opts.decimal ?? (sep === ';' ? ',' : '.');
  const lines = [columns.map((c) => csvCell(c.header)).join(sep)];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key] ?? null, c.type, decimal)).join(sep));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
