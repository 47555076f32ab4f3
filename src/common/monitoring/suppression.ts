/**
 * Small-number suppression of published counts. A count of 1 to 4 persons could point at someone, so it is
 * hidden (primary suppression); and since a hidden cell can be recovered as "total minus the shown parts",
 * every line (row or column, with its total) that hides exactly one cell hides one more (secondary
 * suppression), repeated until no line gives a hidden cell away. A zero describes nobody and is shown.
 */

export const SUPPRESSION_THRESHOLD = 5;

/** A count as published: its value, or null when hidden. */
export type Shown = number | null;

export const isPrimarySensitive = (n: number) => n > 0 && n < SUPPRESSION_THRESHOLD;

/** A one-way breakdown (e.g. by partner) with its total. */
export interface Breakdown {
  total: Shown;
  parts: Shown[];
}

/** Suppresses a breakdown whose total is the sum of the parts. */
export function suppressBreakdown(parts: readonly number[]): Breakdown {
  const t = suppressTable([parts.slice()]);
  return { total: t.grandTotal, parts: t.cells[0] ?? [] };
}

/** A two-way table (e.g. partner × sex) with its margins, as published. */
export interface SuppressedTable {
  cells: Shown[][];
  rowTotals: Shown[];
  columnTotals: Shown[];
  grandTotal: Shown;
}

/**
 * Suppresses a table of counts with row, column and grand totals (the sums). Each line is the cells of a
 * row with that row's total, or of a column with its total, or the row totals (or the column totals) with
 * the grand total. A line with exactly one hidden member hides its smallest other non-zero member — a
 * shown zero cannot protect: total − shown parts would still reveal the hidden one — or, when it has none,
 * all its members, which then spreads to the crossing lines.
 */
export function suppressTable(counts: readonly (readonly number[])[]): SuppressedTable {
  const rows = counts.length;
  const cols = counts.reduce((m, r) => Math.max(m, r.length), 0);
  const cell = (r: number, c: number) => counts[r]?.[c] ?? 0;
  const rowTotal = (r: number) => (counts[r] ?? []).reduce((s, n) => s + n, 0);
  const colTotal = (c: number) => counts.reduce((s, row) => s + (row[c] ?? 0), 0);
  const grand = counts.reduce((s, row) => s + row.reduce((a, n) => a + n, 0), 0);

  // Every published number is a node; hidden[k] says whether it is suppressed.
  type Node = { value: number; hidden: boolean };
  const nodes = new Map<string, Node>();
  const node = (key: string, value: number) => {
    nodes.set(key, { value, hidden: isPrimarySensitive(value) });
  };
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) node(`c${r},${c}`, cell(r, c));
  for (let r = 0; r < rows; r++) node(`r${r}`, rowTotal(r));
  for (let c = 0; c < cols; c++) node(`k${c}`, colTotal(c));
  node('g', grand);

  // A line: members that sum to its total (the total is a member too: any one unknown is recoverable).
  const lines: string[][] = [];
  for (let r = 0; r < rows; r++) lines.push([...range(cols).map((c) => `c${r},${c}`), `r${r}`]);
  for (let c = 0; c < cols; c++) lines.push([...range(rows).map((r) => `c${r},${c}`), `k${c}`]);
  lines.push([...range(rows).map((r) => `r${r}`), 'g']);
  lines.push([...range(cols).map((c) => `k${c}`), 'g']);

  const get = (k: string) => nodes.get(k) as Node;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter((k) => get(k).hidden);
      if (hidden.length !== 1) continue;
      const candidates = line
        .filter((k) => !get(k).hidden && get(k).value > 0)
        .sort((a, b) => get(a).value - get(b).value);
      const pick = candidates[0];
      if (pick) get(pick).hidden = true;
      // Only zeros remain shown: hiding one of them would protect nothing; hide the whole line.
      else for (const k of line) get(k).hidden = true;
      changed = true;
    }
  }

  const shown = (k: string): Shown => (get(k).hidden ? null : get(k).value);
  return {
    cells: range(rows).map((r) => range(cols).map((c) => shown(`c${r},${c}`))),
    rowTotals: range(rows).map((r) => shown(`r${r}`)),
    columnTotals: range(cols).map((c) => shown(`k${c}`)),
    grandTotal: shown('g'),
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
