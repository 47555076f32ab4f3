/**
 * Value cells of official files → number, blank or withheld. Pure functions.
 *
 * Numbers: a decimal comma or point; thousands separated by spaces (also no-break and thin spaces),
 * apostrophes, or by '.'/',' when both appear (the last one is the decimal mark) or when there are several
 * groups of three ('1.234.567'); a lone '1,234' or '1.234' is a decimal (INSEE and CAF write decimal
 * commas, Statbel decimal points, neither writes thousands separators); a sign ('-', '+', '−'); an
 * exponent ('1.5E+05', as spreadsheets export); a trailing '%' is dropped (the figure is kept as written).
 *
 * Markers, compared trimmed and case-insensitively:
 * - secret (withheld by the source): 's' and 'secret' (INSEE), 'c', 'conf', 'confidentiel',
 *   'vertrouwelijk' (Statbel's 'C'), '*', '<5', '< 5', '1 à 4', '1-4' (CAF blurring of counts under 5),
 *   plus a mapping's own `secretMarkers`;
 * - blank (no figure, not a secret): '', 'nd', 'n.d.', 'n/d', 'nc', 'ns', 'na', 'n/a', '#n/a', '-', '–',
 *   '///', '...', '…'.
 */

export const SECRET_MARKERS = [
  's',
  'secret',
  'c',
  'conf',
  'confidentiel',
  'vertrouwelijk',
  '*',
  '<5',
  '< 5',
  '1 à 4',
  '1-4',
] as const;

export const BLANK_MARKERS = [
  '',
  'nd',
  'n.d.',
  'n/d',
  'nc',
  'ns',
  'na',
  'n/a',
  '#n/a',
  '-',
  '–',
  '///',
  '...',
  '…',
] as const;

export type CellValue = string | number | boolean | Date | null | undefined;

export type ValueReading =
  | { kind: 'number'; value: number }
  | { kind: 'blank' }
  | { kind: 'secret' }
  | { kind: 'invalid' };

const BLANK = new Set<string>(BLANK_MARKERS);
const DEFAULT_SECRET = new Set<string>(SECRET_MARKERS);

/** The secret markers of a mapping: the built-in ones plus `extra`. */
export function secretMarkerSet(extra: readonly string[] = []): ReadonlySet<string> {
  if (extra.length === 0) return DEFAULT_SECRET;
  return new Set([...SECRET_MARKERS, ...extra.map((m) => m.trim().toLowerCase())]);
}

const SPACES = /[\s\u00a0\u202f\u2009'’]/;
const SPACE_GROUPED = /^\d{1,3}(?:[\s\u00a0\u202f\u2009'’]\d{3})+(?:[.,]\d+)?$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** A number written as text (see the module comment); null when it is not one. */
export function parseNumber(text: string): number | null {
  let s = text.trim();
  let sign = 1;
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  const first = s[0];
  if (first === '-' || first === '+' || first === '\u2212') {
    if (first !== '+') sign = -1;
    s = s.slice(1).trimStart();
  }
  if (s === '') return null;
  if (SPACES.test(s)) {
    if (!SPACE_GROUPED.test(s)) return null;
    s = s.replace(/[\s\u00a0\u202f\u2009'’]/g, '');
  }
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) {
    // Both marks: the last one is the decimal mark, the other separates thousands.
    const [thousands, decimal] = comma > dot ? ['.', ','] : [',', '.'];
    const grouped = new RegExp(`^\\d{1,3}(?:\\${thousands}\\d{3})+\\${decimal}\\d+$`);
    if (!grouped.test(s)) return null;
    s = s.split(thousands).join('');
    if (decimal === ',') s = s.replace(',', '.');
  } else if (comma !== -1 || dot !== -1) {
    const mark = comma !== -1 ? ',' : '.';
    const parts = s.split(mark);
    if (parts.length > 2) {
      // '1.234.567': only thousands.
      if (!new RegExp(`^\\d{1,3}(?:\\${mark}\\d{3})+$`).test(s)) return null;
      s = parts.join('');
    } else if (mark === ',') {
      s = s.replace(',', '.');
    }
  }
  if (!PLAIN.test(s)) return null;
  const n = sign * Number(s);
  return Number.isFinite(n) ? n : null;
}

const SIMPLE = /^-?\d+(?:[.,]\d+)?$/;

/** Reads one value cell. */
export function readValue(
  cell: CellValue,
  secretMarkers: ReadonlySet<string> = DEFAULT_SECRET,
): ValueReading {
  if (cell === null || cell === undefined) return { kind: 'blank' };
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { kind: 'number', value: cell } : { kind: 'invalid' };
  if (typeof cell !== 'string') return { kind: 'invalid' };
  // Most cells are plain numbers: no trimming, no marker lookup.
  if (SIMPLE.test(cell)) return { kind: 'number', value: Number(cell.replace(',', '.')) };
  const key = cell.trim().toLowerCase();
  if (BLANK.has(key)) return { kind: 'blank' };
  if (secretMarkers.has(key)) return { kind: 'secret' };
  const n = parseNumber(key);
  return n === null ? { kind: 'invalid' } : { kind: 'number', value: n };
}
