/**
 * A row's category (disaggregation) from its sex, age and disaggregation cells, and a column mapping's.
 * Pure. One category per value at most (the store's column holds one), see common/observatory/disaggregation.ts.
 */
import {
  type Reading,
  readAge,
  readDisaggregation,
  readSex,
  TOTAL,
} from '../../../../common/observatory/disaggregation';
import type { CellValue } from './values';

export interface CategoryColumns {
  sex: number;
  age: number;
  disaggregation: number;
}

export type CategoryReading =
  | { ok: true; disaggregation: string }
  | { ok: false; column: number; text: string };

const text = (cell: CellValue) =>
  cell === null || cell === undefined
    ? ''
    : cell instanceof Date
      ? cell.toISOString().slice(0, 10)
      : String(cell).trim();

/**
 * The category of a row (indexes of -1 are absent columns), combined with the column mapping's (`fixed`):
 * 'total' when none gives one; an error naming the column when a cell is unreadable or two give one each.
 */
export function readCategory(
  cells: readonly CellValue[],
  columns: CategoryColumns,
  fixed: string | undefined,
): CategoryReading {
  let found: string = fixed && fixed !== TOTAL ? fixed : TOTAL;
  const readers: Array<[number, (s: string) => Reading]> = [
    [columns.sex, readSex],
    [columns.age, readAge],
    [columns.disaggregation, readDisaggregation],
  ];
  for (const [index, read] of readers) {
    if (index < 0) continue;
    const t = text(cells[index]);
    const r = read(t);
    if (!r.ok) return { ok: false, column: index, text: t };
    if (r.disaggregation === TOTAL) continue;
    if (found !== TOTAL && found !== r.disaggregation) return { ok: false, column: index, text: t };
    found = r.disaggregation;
  }
  return { ok: true, disaggregation: found };
}
