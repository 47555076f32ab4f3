import { fromCents } from '../network/programme-rules';
import { publish } from './achievement';
import type { LineInput } from './budget-schemas';
import { lineAmounts } from './budget-totals';
import { acceptedCents, type DeclaredItem, officeItems } from './expenditure-absorption';
import { absorptionBp } from './money';
import type { PartnerCategoryRow } from './report-schemas';
import { type IndicatorCount, type IndicatorUnit, isPersonUnit } from './rules';
import { isPrimarySensitive, type Shown } from './suppression';

/**
 * The figures of a report period (pure): an indicator's achievement before the period, during it and by
 * its end, as every partner may read them; and the expenditure per partner and category.
 */

export interface PeriodFigures {
  previous: Shown;
  thisPeriod: Shown;
  cumulative: Shown;
  byPartner: Array<{ orgId: string; n: Shown }>;
  suppressed: boolean;
}

/**
 * "This period" is what the period added to the cumulative figure (new unique persons, for a count of
 * persons), so that previous + this period = cumulative. A report is read by every partner, so figures of
 * persons are suppressed as for a partner: the cumulative one and its partner parts by `publish`; the
 * previous one when it is small or when it differs from the cumulative by 1 to 4 (the period's count
 * would then be small and be given away by the difference); the period's own when it is small or when
 * either of the others is hidden.
 */
export function periodFigures(
  cumulative: IndicatorCount,
  previous: IndicatorCount | null,
  unit: IndicatorUnit,
  partnerIds: readonly string[],
): PeriodFigures {
  const shown = publish(cumulative, unit, partnerIds, false);
  const before = previous?.total ?? 0;
  const added = cumulative.total - before;
  if (!isPersonUnit(unit)) return { ...shown, previous: before, thisPeriod: added, cumulative: shown.value };
  const prev =
    shown.value === null || isPrimarySensitive(before) || isPrimarySensitive(Math.abs(added)) ? null : before;
  const period = prev === null || isPrimarySensitive(added) ? null : added;
  return {
    previous: prev,
    thisPeriod: period,
    cumulative: shown.value,
    byPartner: shown.byPartner,
    suppressed: shown.suppressed || prev === null || period === null,
  };
}

/** The same figures unsuppressed, for the lead who reports them to the programme authority. */
export function exactFigures(
  cumulative: IndicatorCount,
  previous: IndicatorCount | null,
  partnerIds: readonly string[],
): PeriodFigures {
  const shown = publish(cumulative, 'organisations', partnerIds, true);
  const before = previous?.total ?? 0;
  return {
    previous: before,
    thisPeriod: cumulative.total - before,
    cumulative: cumulative.total,
    byPartner: shown.byPartner,
    suppressed: false,
  };
}

/**
 * Per partner and category (office and administration at its flat rate included): the budget of the
 * version in force, this period's declared and accepted amounts, and the cumulative ones, with the
 * absorption (cumulative accepted / budget). Ordered by partner as given, then category as budgeted.
 */
export function partnerCategoryTable(
  lines: readonly LineInput[],
  cumulative: readonly DeclaredItem[],
  period: readonly DeclaredItem[],
  partnerIds: readonly string[],
): PartnerCategoryRow[] {
  type Sums = { budget: bigint; dp: bigint; ap: bigint; dc: bigint; ac: bigint };
  const rows = new Map<string, Sums & { orgId: string; category: string }>();
  const at = (orgId: string, category: string) => {
    const k = `${orgId}|${category}`;
    let r = rows.get(k);
    if (!r) {
      r = { orgId, category, budget: 0n, dp: 0n, ap: 0n, dc: 0n, ac: 0n };
      rows.set(k, r);
    }
    return r;
  };
  const amounts = lineAmounts(lines);
  lines.forEach((l, i) => {
    at(l.partnerOrgId, l.category).budget += amounts[i] ?? 0n;
  });
  for (const i of [...cumulative, ...officeItems(lines, cumulative)]) {
    const r = at(i.partnerOrgId, i.category);
    r.dc += i.amountCents;
    r.ac += acceptedCents(i);
  }
  for (const i of [...period, ...officeItems(lines, period)]) {
    const r = at(i.partnerOrgId, i.category);
    r.dp += i.amountCents;
    r.ap += acceptedCents(i);
  }
  const rank = (id: string) => {
    const n = partnerIds.indexOf(id);
    return n < 0 ? partnerIds.length : n;
  };
  const categories = [...new Set(lines.map((l) => l.category))];
  const catRank = (c: string) => {
    const n = categories.indexOf(c as (typeof categories)[number]);
    return n < 0 ? categories.length : n;
  };
  return [...rows.values()]
    .sort((a, b) => rank(a.orgId) - rank(b.orgId) || catRank(a.category) - catRank(b.category))
    .map((r) => ({
      orgId: r.orgId,
      category: r.category,
      budget: fromCents(r.budget),
      declaredPeriod: fromCents(r.dp),
      acceptedPeriod: fromCents(r.ap),
      declaredCumulative: fromCents(r.dc),
      acceptedCumulative: fromCents(r.ac),
      absorptionBp: absorptionBp(r.ac, r.budget),
    }));
}

/** The day before an ISO date (the end of what a report calls "previous"). */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The days left until a report is due (negative: overdue), for the dashboard and the reminders. */
export function daysUntil(today: string, dueOn: string): number {
  return Math.round((Date.parse(`${dueOn}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86_400_000);
}

/** Which report reminder is due today, if any: 14, 7 and 1 day(s) before, then once when overdue. */
export function reminderStep(today: string, dueOn: string): '14' | '7' | '1' | 'overdue' | null {
  const d = daysUntil(today, dueOn);
  if (d < 0) return d >= -30 ? 'overdue' : null;
  if (d <= 1) return '1';
  if (d <= 7) return '7';
  if (d <= 14) return '14';
  return null;
}
