import { fromCents, toCents } from '../network/programme-rules';
import type { FieldError } from '../validation/errors';
import type { LineInput } from './budget-schemas';
import { lineAmounts } from './budget-totals';
import type {
  AbsorptionRow,
  AbsorptionView,
  ItemInput,
  ReviewInput,
  ReviewStatus,
} from './expenditure-schemas';
import { absorptionBp, flatRate } from './money';

/**
 * Absorption of a budget version by the declared expenditure, computed (never stored): per partner,
 * category and action, what was declared (submitted items) and what the lead accepted (accepted items at
 * their amount, corrected ones at the corrected amount), against the version's lines. Office and
 * administration is never declared: it is the budget's flat rate of the partner's declared (and accepted)
 * staff costs for the same action.
 */

export interface DeclaredItem {
  partnerOrgId: string;
  category: string;
  actionId: string | null;
  amountCents: bigint;
  review: ReviewStatus;
  correctedCents: bigint | null;
}

/** What the lead accepted of an item: nothing until it is reviewed. */
export function acceptedCents(i: Pick<DeclaredItem, 'amountCents' | 'review' | 'correctedCents'>): bigint {
  if (i.review === 'accepted') return i.amountCents;
  if (i.review === 'corrected') return i.correctedCents ?? 0n;
  return 0n;
}

/**
 * The flat rate of a partner's office and administration budget for an action (a line of the same action,
 * else any of the partner's office lines at a flat rate); null when its budget has none.
 */
export function officeRate(lines: readonly LineInput[], partnerOrgId: string, actionId: string | null) {
  const flat = lines.filter((l) => l.partnerOrgId === partnerOrgId && l.flatRate !== null);
  return (flat.find((l) => l.actionId === actionId) ?? flat[0])?.flatRate ?? null;
}

/** The office and administration items a partner's staff items imply, per action (flat rate). */
export function officeItems(lines: readonly LineInput[], items: readonly DeclaredItem[]): DeclaredItem[] {
  const staff = new Map<string, { partner: string; action: string | null; d: bigint; a: bigint }>();
  for (const i of items) {
    if (i.category !== 'staff') continue;
    const k = `${i.partnerOrgId}|${i.actionId ?? ''}`;
    const s = staff.get(k) ?? { partner: i.partnerOrgId, action: i.actionId, d: 0n, a: 0n };
    s.d += i.amountCents;
    s.a += acceptedCents(i);
    staff.set(k, s);
  }
  const out: DeclaredItem[] = [];
  for (const s of staff.values()) {
    const rate = officeRate(lines, s.partner, s.action);
    if (rate === null) continue;
    out.push({
      partnerOrgId: s.partner,
      category: 'office',
      actionId: s.action,
      amountCents: flatRate(s.d, rate),
      review: 'corrected',
      correctedCents: flatRate(s.a, rate),
    });
  }
  return out;
}

interface Sums {
  budget: bigint;
  declared: bigint;
  accepted: bigint;
}
const row = (key: string | null, s: Sums): AbsorptionRow => ({
  key,
  budget: fromCents(s.budget),
  declared: fromCents(s.declared),
  accepted: fromCents(s.accepted),
  absorptionBp: absorptionBp(s.accepted, s.budget),
});

export function absorption(
  versionNumber: number | null,
  lines: readonly LineInput[],
  items: readonly DeclaredItem[],
): AbsorptionView {
  const groups = {
    byPartner: new Map<string | null, Sums>(),
    byCategory: new Map<string | null, Sums>(),
    byAction: new Map<string | null, Sums>(),
  };
  const total: Sums = { budget: 0n, declared: 0n, accepted: 0n };
  const add = (keys: { p: string; c: string; a: string | null }, part: keyof Sums, v: bigint) => {
    total[part] += v;
    for (const [g, k] of [
      ['byPartner', keys.p],
      ['byCategory', keys.c],
      ['byAction', keys.a],
    ] as const) {
      const m = groups[g];
      const s = m.get(k) ?? { budget: 0n, declared: 0n, accepted: 0n };
      s[part] += v;
      m.set(k, s);
    }
  };
  const amounts = lineAmounts(lines);
  lines.forEach((l, i) => {
    add({ p: l.partnerOrgId, c: l.category, a: l.actionId }, 'budget', amounts[i] ?? 0n);
  });
  for (const i of [...items, ...officeItems(lines, items)]) {
    const keys = { p: i.partnerOrgId, c: i.category, a: i.actionId };
    add(keys, 'declared', i.amountCents);
    add(keys, 'accepted', acceptedCents(i));
  }
  const rows = (m: Map<string | null, Sums>) => [...m].map(([k, s]) => row(k, s));
  return {
    versionNumber,
    total: row(null, total),
    byPartner: rows(groups.byPartner),
    byCategory: rows(groups.byCategory),
    byAction: rows(groups.byAction),
  };
}

const err = (path: string, code: string): FieldError => ({
  path,
  code: `monitoring.expenditure.errors.${code}`,
});

/** What the schema cannot say of an item: an action of the programme, dates in order and not ahead. */
export function checkItem(item: ItemInput, actionIds: readonly string[], today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (item.actionId !== null && !actionIds.includes(item.actionId))
    problems.push(err('actionId', 'action_other'));
  if (item.invoiceDate !== null && item.invoiceDate > today) problems.push(err('invoiceDate', 'future'));
  if (item.paidOn !== null && item.paidOn > today) problems.push(err('paidOn', 'future'));
  if (item.paidOn !== null && item.invoiceDate !== null && item.paidOn < item.invoiceDate)
    problems.push(err('paidOn', 'paid_before_invoice'));
  if (toCents(item.amount) <= 0n) problems.push(err('amount', 'amount_zero'));
  return problems;
}

/** A review: a correction states the corrected amount (below the declared one) and why; a rejection why. */
export function checkReview(r: ReviewInput, declaredCents: bigint): FieldError[] {
  const problems: FieldError[] = [];
  const reason = r.reason?.trim() ?? '';
  if (r.status === 'corrected') {
    if (r.correctedAmount === null) problems.push(err('correctedAmount', 'corrected_amount_required'));
    else if (toCents(r.correctedAmount) >= declaredCents)
      problems.push(err('correctedAmount', 'corrected_not_lower'));
  } else if (r.correctedAmount !== null) problems.push(err('correctedAmount', 'corrected_only'));
  if (r.status !== 'accepted' && reason.length < 3) problems.push(err('reason', 'reason_required'));
  return problems;
}
