import { describe, expect, it } from 'vitest';
import { type SuppressedTable, suppressBreakdown, suppressTable } from './suppression';

/** Whether any hidden cell can be recovered from a shown line total minus its other shown members. */
function leaks(t: SuppressedTable): boolean {
  const lines: { members: (number | null)[]; total: number | null }[] = [
    ...t.cells.map((row, r) => ({ members: row, total: t.rowTotals[r] ?? null })),
    ...t.columnTotals.map((total, c) => ({ members: t.cells.map((row) => row[c] ?? null), total })),
  ];
  lines.push({ members: t.rowTotals, total: t.grandTotal });
  lines.push({ members: t.columnTotals, total: t.grandTotal });
  return lines.some(({ members, total }) => {
    const unknown = [...members, total].filter((m) => m === null).length;
    return unknown === 1;
  });
}

describe('small-number suppression', () => {
  it('hides counts of 1 to 4 and shows zero and 5 and more', () => {
    expect(suppressBreakdown([0, 5, 12, 30])).toEqual({ total: 47, parts: [0, 5, 12, 30] });
    const b = suppressBreakdown([4, 5, 12, 30]);
    expect(b.parts[0]).toBeNull();
  });

  it('hides a second part so that the total minus the shown parts does not reveal the hidden one', () => {
    // Before secondary suppression, 51 − (12 + 30 + 5) = 4 would give the hidden cell away.
    expect(suppressBreakdown([4, 5, 12, 30])).toEqual({ total: 51, parts: [null, null, 12, 30] });
  });

  it('hides the smallest other non-zero part, never a zero that would protect nothing', () => {
    expect(suppressBreakdown([2, 0, 40, 9])).toEqual({ total: 51, parts: [null, 0, 40, null] });
  });

  it('hides a small total with its parts', () => {
    expect(suppressBreakdown([3, 0])).toEqual({ total: null, parts: [null, 0] });
  });

  it('keeps two hidden parts as they are', () => {
    expect(suppressBreakdown([1, 2, 30])).toEqual({ total: 33, parts: [null, null, 30] });
  });

  it('protects both ways of a two-way table, spreading to the crossing lines', () => {
    const t = suppressTable([
      [3, 20, 15],
      [12, 9, 30],
      [25, 6, 40],
    ]);
    expect(t.cells[0]?.[0]).toBeNull();
    expect(leaks(t)).toBe(false);
  });

  it('never leaves a line with a single hidden member, over many random tables', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const rows = 1 + rnd(5);
      const cols = 1 + rnd(5);
      const counts = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (rnd(3) === 0 ? rnd(5) : rnd(60))),
      );
      const t = suppressTable(counts);
      expect(leaks(t)).toBe(false);
      // Nothing under the threshold is shown, except zeros.
      t.cells.flat().forEach((v) => {
        expect(v === null || v === 0 || v >= 5).toBe(true);
      });
    }
  });
});
