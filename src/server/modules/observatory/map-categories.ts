import { dimensionOf } from '../../../common/observatory/disaggregation';
import type { SuppressionCell, SuppressionGroup } from '../../../common/observatory/suppression';
import type { Tx } from '../../platform/db/context';
import { loadRemapped } from './map-values';

/**
 * Secondary suppression across a breakdown: on a map of women, the men of the same municipality are not
 * shown but the total is (on the total map, the same page, the public board): a hidden count of women would
 * be the total minus the men. So each municipality's categories of the same dimension form a group whose
 * total is public elsewhere (total: null): when one is hidden, one more is (the smallest), as
 * suppression.ts does for a country's total. Overlapping bands ('15-24' beside '15-29') are treated as
 * parts too, which hides more than needed, never less.
 */

/** The other categories of the dimension of `d` among those the numerator has. */
export function siblingsOf(d: string, all: readonly string[]): string[] {
  const dim = dimensionOf(d);
  return dim === null ? [] : all.filter((x) => x !== d && dimensionOf(x) === dim);
}

/**
 * The count cells of the siblings (ids `s:<category>:<code>`) at the period each municipality is shown,
 * and one group per municipality joining them to its shown count cell `n:<code>`.
 */
export async function siblingSuppression(
  trx: Tx,
  numerator: { id: string; aggregation: string },
  siblings: readonly string[],
  period: string,
  parts: ReadonlyArray<{ code: string; period: string | null }>,
): Promise<{ cells: SuppressionCell[]; groups: SuppressionGroup[] }> {
  const cells: SuppressionCell[] = [];
  const members = new Map<string, string[]>();
  for (const category of siblings) {
    const values = await loadRemapped(trx, [{ ...numerator, disaggregation: category }], period);
    for (const p of parts) {
      if (!p.period) continue;
      const s = values.get(p.code)?.get(numerator.id)?.get(p.period);
      if (!s) continue;
      const id = `s:${category}:${p.code}`;
      cells.push({ id, kind: 'count', value: s.value, sourceSuppressed: s.secret });
      members.set(p.code, [...(members.get(p.code) ?? []), id]);
    }
  }
  const groups = [...members].map(([code, ids]) => ({ total: null, members: [`n:${code}`, ...ids] }));
  return { cells, groups };
}
