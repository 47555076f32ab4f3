import { fromCents, rateBp, toCents } from '../network/programme-rules';
import type { FieldError } from '../validation/errors';
import type { BudgetTotalsView, CofinancingInput, EnvelopeInput, LineInput } from './budget-schemas';
import { envelopeUse, flatRate, share } from './money';

/**
 * A budget version's totals, computed (never stored): each line's amount (an office line at a flat rate is
 * that rate of the same partner's staff costs for the same action and period), then per partner, category,
 * action, period and fund; a partner's fund shares are rounded down (money.ts) and its own contribution is
 * what is left, so the parts add up to the cent.
 */

export interface BudgetContent {
  envelopes: readonly EnvelopeInput[];
  lines: readonly LineInput[];
  cofinancing: readonly CofinancingInput[];
}

const slot = (l: LineInput) => `${l.partnerOrgId}|${l.actionId ?? ''}|${l.period ?? ''}`;

/** Every line's amount in cents, in the lines' order. */
export function lineAmounts(lines: readonly LineInput[]): bigint[] {
  const staff = new Map<string, bigint>();
  for (const l of lines)
    if (l.category === 'staff' && l.amount !== null)
      staff.set(slot(l), (staff.get(slot(l)) ?? 0n) + toCents(l.amount));
  return lines.map((l) =>
    l.amount !== null ? toCents(l.amount) : flatRate(staff.get(slot(l)) ?? 0n, l.flatRate ?? '0'),
  );
}

const add = <K>(m: Map<K, bigint>, k: K, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
const money = (m: Map<string, bigint>) => Object.fromEntries([...m].map(([k, v]) => [k, fromCents(v)]));

export function budgetTotals(c: BudgetContent): BudgetTotalsView {
  const amounts = lineAmounts(c.lines);
  const byPartner = new Map<string, bigint>();
  const partnerCategory = new Map<string, Map<string, bigint>>();
  const byCategory = new Map<string, bigint>();
  const byAction = new Map<string | null, bigint>();
  const byPeriod = new Map<string | null, bigint>();
  const envelopeUsed = c.envelopes.map(() => [] as bigint[]);
  c.lines.forEach((l, i) => {
    const a = amounts[i] ?? 0n;
    add(byPartner, l.partnerOrgId, a);
    const cats = partnerCategory.get(l.partnerOrgId) ?? new Map<string, bigint>();
    partnerCategory.set(l.partnerOrgId, add(cats, l.category, a));
    add(byCategory, l.category, a);
    add(byAction, l.actionId, a);
    add(byPeriod, l.period, a);
    if (l.envelope !== null) envelopeUsed[l.envelope]?.push(a);
  });
  for (const f of c.cofinancing) if (!byPartner.has(f.partnerOrgId)) byPartner.set(f.partnerOrgId, 0n);
  const byFund = new Map<string, bigint>();
  let own = 0n;
  const partners = [...byPartner].map(([orgId, total]) => {
    const funds = c.cofinancing
      .filter((f) => f.partnerOrgId === orgId)
      .map((f) => {
        const cents = f.amount !== null ? toCents(f.amount) : share(total, f.rate ?? '0');
        add(byFund, f.fund, cents);
        return { fund: f.fund, funder: f.funder, amount: fromCents(cents), rateBp: rateBp(cents, total) };
      });
    const partnerOwn = total - funds.reduce((s, f) => s + toCents(f.amount), 0n);
    own += partnerOwn;
    return {
      orgId,
      total: fromCents(total),
      byCategory: money(partnerCategory.get(orgId) ?? new Map()),
      funds,
      own: fromCents(partnerOwn),
    };
  });
  const total = [...byPartner.values()].reduce((s, v) => s + v, 0n);
  return {
    total: fromCents(total),
    own: fromCents(own),
    byPartner: partners,
    byCategory: money(byCategory),
    byAction: [...byAction].map(([actionId, v]) => ({ actionId, amount: fromCents(v) })),
    byPeriod: [...byPeriod].map(([period, v]) => ({ period, amount: fromCents(v) })),
    byFund: [...byFund].map(([fund, v]) => ({ fund, amount: fromCents(v) })),
    envelopes: c.envelopes.map((e, i) => {
      const u = envelopeUse(toCents(e.earmarked), envelopeUsed[i] ?? []);
      return {
        earmarked: fromCents(u.earmarked),
        used: fromCents(u.used),
        remaining: fromCents(u.remaining),
        overspent: u.overspent,
      };
    }),
  };
}

const err = (path: string, code: string): FieldError => ({ path, code: `monitoring.budgets.errors.${code}` });

/**
 * What the database cannot say in a column check: partners and actions of the programme, envelopes that
 * exist, a flat rate only on office lines, sources that do not
 * exceed the partner's budget, one source per fund and funder.
 */
export function checkBudget(
  c: BudgetContent,
  programme: { memberIds: readonly string[]; actionIds: readonly string[] },
): FieldError[] {
  const problems: FieldError[] = [];
  const members = new Set(programme.memberIds);
  const actions = new Set(programme.actionIds);
  c.envelopes.forEach((e, i) => {
    if (e.partnerOrgId && !members.has(e.partnerOrgId))
      problems.push(err(`envelopes.${i}.partnerOrgId`, 'not_member'));
    if (e.grant !== null && toCents(e.earmarked) > toCents(e.grant))
      problems.push(err(`envelopes.${i}.earmarked`, 'earmarked_over_grant'));
  });
  c.lines.forEach((l, i) => {
    const p = `lines.${i}`;
    if (!members.has(l.partnerOrgId)) problems.push(err(`${p}.partnerOrgId`, 'not_member'));
    if (l.actionId && !actions.has(l.actionId)) problems.push(err(`${p}.actionId`, 'action_other'));
    if ((l.amount === null) === (l.flatRate === null)) problems.push(err(`${p}.amount`, 'amount_or_rate'));
    if (l.flatRate !== null && l.category !== 'office')
      problems.push(err(`${p}.flatRate`, 'flat_rate_office'));
    if (l.envelope !== null && !c.envelopes[l.envelope])
      problems.push(err(`${p}.envelope`, 'envelope_unknown'));
  });
  // Amounts and rates passed the schema: every line can be computed.
  const amounts = lineAmounts(c.lines);
  const totals = new Map<string, bigint>();
  c.lines.forEach((l, i) => {
    add(totals, l.partnerOrgId, amounts[i] ?? 0n);
  });
  const seen = new Set<string>();
  const funded = new Map<string, bigint>();
  c.cofinancing.forEach((f, i) => {
    const p = `cofinancing.${i}`;
    if (!members.has(f.partnerOrgId)) problems.push(err(`${p}.partnerOrgId`, 'not_member'));
    if ((f.rate === null) === (f.amount === null)) problems.push(err(`${p}.rate`, 'rate_or_amount'));
    const key = `${f.partnerOrgId}|${f.fund}|${f.funder ?? ''}`;
    if (seen.has(key)) problems.push(err(`${p}.fund`, 'source_twice'));
    seen.add(key);
    const total = totals.get(f.partnerOrgId) ?? 0n;
    const cents = f.amount !== null ? toCents(f.amount) : f.rate !== null ? share(total, f.rate) : 0n;
    add(funded, f.partnerOrgId, cents);
    if ((funded.get(f.partnerOrgId) ?? 0n) > total) problems.push(err(`${p}.rate`, 'sources_exceed_budget'));
  });
  return problems;
}
