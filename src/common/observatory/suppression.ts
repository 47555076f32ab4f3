/**
 * Small-number rules for every figure shown outside its owner (observatory-data.md §4.7): a count under the
 * threshold (5, 10 for health) and a rate on a denominator under 100 are suppressed; a source's own secrecy
 * marker stays suppressed; and SECONDARY suppression hides one more cell wherever a shown total minus the shown
 * parts would give a hidden one away.
 *
 * A group is one additive equation, total = sum of members (a parent territory and its children, a total over
 * sex or age bands). When exactly one of its cells is hidden, the smallest shown member is hidden too (or, with
 * no member left to hide, the total). This repeats until nothing changes, so protection spreads across nested
 * and crossed groups (a commune in its arrondissement in its province; a sex × age table with its margins).
 *
 * Choices: a count of 0 is under the threshold, so it is suppressed like any small count. A member without data
 * does not protect a hidden neighbour (its value may be known elsewhere), and a group whose total has no data
 * has nothing to subtract from. A rate whose numerator is known is judged on that count too, and a rate can
 * follow its numerator's cell (`numeratorCell`): shown beside its denominator, a rate gives the count away.
 */

export const CELL_STATUSES = [
  'shown',
  'suppressed_small',
  'suppressed_secondary',
  'suppressed_source',
  'no_data',
] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const isSuppressed = (status: CellStatus): boolean => status.startsWith('suppressed_');

export const DEFAULT_MIN_COUNT = 5;
export const HEALTH_MIN_COUNT = 10;
export const DEFAULT_MIN_DENOMINATOR = 100;

export interface SuppressionRules {
  /** Counts below this are suppressed. */
  minCount: number;
  /** Rates whose denominator is below this are suppressed. */
  minDenominator: number;
}

/** The rules for an indicator's theme: health counts need 10, everything else 5. */
export function suppressionRules(theme?: string | null): SuppressionRules {
  return {
    minCount: theme === 'health' ? HEALTH_MIN_COUNT : DEFAULT_MIN_COUNT,
    minDenominator: DEFAULT_MIN_DENOMINATOR,
  };
}

interface CellBase {
  id: string;
  /** Null when there is no value. */
  value: number | null;
  /** The source published a secrecy marker instead of the value (INSEE blank, Statbel `C`, CAF blurring). */
  sourceSuppressed?: boolean;
}

export type SuppressionCell =
  | (CellBase & { kind: 'count' })
  | (CellBase & {
      kind: 'rate';
      /** Null when not known (a rate published as such); then only the source's own secrecy applies. */
      denominator: number | null;
      numerator?: number | null;
      /** The count cell this rate is computed from: hidden with it. */
      numeratorCell?: string;
    });

export interface SuppressionGroup {
  /** The total's cell, or null when the total is public anyway (published elsewhere). */
  total: string | null;
  members: readonly string[];
}

const known = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A cell's status by the primary rules, before any secondary suppression. */
export function primaryStatus(cell: SuppressionCell, rules: SuppressionRules): CellStatus {
  if (cell.sourceSuppressed) return 'suppressed_source';
  if (!known(cell.value)) return 'no_data';
  if (cell.kind === 'count') return cell.value < rules.minCount ? 'suppressed_small' : 'shown';
  if (known(cell.denominator) && cell.denominator < rules.minDenominator) return 'suppressed_small';
  if (known(cell.numerator) && cell.numerator < rules.minCount) return 'suppressed_small';
  return 'shown';
}

export interface SuppressionResult {
  status: Record<string, CellStatus>;
  /**
   * Groups (by position) where one hidden cell could not be protected: its total is public elsewhere and no
   * member is left to hide. The caller must then hide more (a whole level) or not publish.
   */
  unprotected: number[];
}

/** Every cell's status after the primary rules, then secondary suppression over `groups` until stable. */
export function applySuppression(
  cells: readonly SuppressionCell[],
  groups: readonly SuppressionGroup[],
  rules: SuppressionRules,
): SuppressionResult {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const check = (id: string) => {
    if (!byId.has(id)) throw new Error(`Suppression group names an unknown cell: ${id}`);
  };
  for (const g of groups) {
    if (g.total !== null) check(g.total);
    g.members.forEach(check);
  }
  for (const c of cells) if (c.kind === 'rate' && c.numeratorCell) check(c.numeratorCell);

  const status: Record<string, CellStatus> = {};
  for (const c of cells) status[c.id] = primaryStatus(c, rules);

  const lone = (g: SuppressionGroup): boolean => {
    const totalStatus = g.total === null ? 'shown' : status[g.total]!;
    if (totalStatus === 'no_data') return false;
    const hidden = g.members.filter((id) => isSuppressed(status[id]!)).length;
    return hidden + (isSuppressed(totalStatus) ? 1 : 0) === 1;
  };

  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      if (!lone(g)) continue;
      const candidate = g.members
        .filter((id) => status[id] === 'shown')
        .sort(
          (a, b) => (byId.get(a)!.value as number) - (byId.get(b)!.value as number) || (a < b ? -1 : 1),
        )[0];
      const target = candidate ?? (g.total !== null && status[g.total] === 'shown' ? g.total : undefined);
      if (target !== undefined) {
        status[target] = 'suppressed_secondary';
        changed = true;
      }
    }
    for (const c of cells)
      if (
        c.kind === 'rate' &&
        c.numeratorCell &&
        status[c.id] === 'shown' &&
        isSuppressed(status[c.numeratorCell]!)
      ) {
        status[c.id] = 'suppressed_secondary';
        changed = true;
      }
  }
  const unprotected = groups.flatMap((g, i) => (lone(g) ? [i] : []));
  return { status, unprotected };
}
