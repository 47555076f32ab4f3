import { type IndicatorCount, type IndicatorUnit, isPersonUnit } from './rules';
import { isPrimarySensitive, type Shown, suppressBreakdown } from './suppression';

/** How a live figure is published: against its target and milestones, by partner, suppressed if need be. */

/** Share of the target reached, one decimal (the baseline is the situation before, not an achievement). */
export const percentOf = (value: number, target: number) =>
  target > 0 ? Math.round((value / target) * 1000) / 10 : null;

export type MilestoneStatus = 'reached' | 'missed' | 'upcoming';

export function milestoneStatus(
  m: { dueOn: string; target: number },
  valueAt: number | null,
  today: string,
): MilestoneStatus {
  if (m.dueOn > today) return 'upcoming';
  return valueAt !== null && valueAt >= m.target ? 'reached' : 'missed';
}

export interface Published {
  value: Shown;
  byPartner: Array<{ orgId: string; n: Shown }>;
  suppressed: boolean;
}

/**
 * The figure as a reader sees it. Whoever sees every record (the lead organisation) sees every number;
 * others see counts of persons with small numbers hidden, and the secondary suppression that stops
 * "total minus the shown parts" from giving a hidden part away. Every listed partner has a part (zero
 * when it counted nobody), so the reader cannot tell a hidden part by its absence. A total of unique
 * persons may be smaller than the sum of the parts (one person at two partners): it is hidden when it is
 * small itself, or when the parts' sum would be.
 */
export function publish(
  count: IndicatorCount,
  unit: IndicatorUnit,
  partnerIds: readonly string[],
  seesAll: boolean,
): Published {
  const ids = [
    ...partnerIds,
    ...count.byPartner.map((p) => p.orgId).filter((id) => !partnerIds.includes(id)),
  ];
  const parts = ids.map((id) => count.byPartner.find((p) => p.orgId === id)?.n ?? 0);
  if (seesAll || !isPersonUnit(unit))
    return {
      value: count.total,
      byPartner: ids.map((orgId, i) => ({ orgId, n: parts[i] ?? 0 })),
      suppressed: false,
    };
  const b = suppressBreakdown(parts);
  const value = b.total === null || isPrimarySensitive(count.total) ? null : count.total;
  const byPartner = ids.map((orgId, i) => ({ orgId, n: b.parts[i] ?? null }));
  return { value, byPartner, suppressed: value === null || byPartner.some((p) => p.n === null) };
}

/**
 * The values of past milestones as a reader sees them (null: not counted yet, or hidden). For aggregate
 * readers a value is hidden when it is small, or when it differs by 1 to 4 from a value already shown
 * (the total, an earlier milestone): the difference would count a few persons.
 */
export function publishMilestoneValues(
  total: Shown,
  values: ReadonlyArray<number | null>,
  guarded: boolean,
): Shown[] {
  const shown = total === null ? [] : [total];
  return values.map((at) => {
    if (at === null) return null;
    if (guarded && (isPrimarySensitive(at) || shown.some((v) => isPrimarySensitive(Math.abs(v - at)))))
      return null;
    shown.push(at);
    return at;
  });
}
