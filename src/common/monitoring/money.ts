/**
 * Money of programme budgets, in integer cents (bigint: sums of many 12-digit amounts stay exact), and
 * rates as decimal percent strings ("50", "15", "51.0563") held exactly in millionths of a percent.
 * A fund's share is rounded DOWN to the cent, per partner: a co-financing rate is a ceiling, and the seeds
 * prove it (AB Réfugiés: Wereldhuis 399 058,13 → FEDER 199 529,06; the programme total 694 870,08 is the
 * sum of the partners' shares, one cent under 50 % of the total).
 */

const RATE = /^(100|[0-9]{1,2})(\.[0-9]{1,4})?$/;
const MICRO = 1_000_000n;
/** 100 % in millionths of a percent. */
const WHOLE = 100n * MICRO;

export const isRate = (s: string) => RATE.test(s) && ratePpm(s) <= WHOLE;

/** "51.0563" → 51_056_300n (millionths of a percent). */
export function ratePpm(rate: string): bigint {
  if (!RATE.test(rate)) throw new RangeError(`not a rate: ${rate}`);
  const [whole = '0', frac = ''] = rate.split('.');
  return BigInt(whole) * MICRO + BigInt(`${frac}000000`.slice(0, 6));
}

/** The part of an amount at a rate, rounded down to the cent. */
export function share(cents: bigint, rate: string): bigint {
  if (cents < 0n) throw new RangeError('negative amount');
  return (cents * ratePpm(rate)) / WHOLE;
}

/** A flat rate of a base (e.g. office and administration at 15 % of staff costs): computed, never typed. */
export const flatRate = (baseCents: bigint, rate: string) => share(baseCents, rate);

export interface CofinancingSource {
  key: string;
  rate: string;
}

export interface CofinancingSplit {
  /** Each source's amount, in the given order. */
  sources: { key: string; cents: bigint }[];
  /** What the partner carries itself: the total minus every source, so that the parts add up exactly. */
  ownContribution: bigint;
}

/**
 * Splits a partner's budget between its co-financing sources; the partner's own contribution is the
 * remainder. Refuses rates that add up to more than 100 %.
 */
export function splitCofinancing(
  totalCents: bigint,
  sources: readonly CofinancingSource[],
): CofinancingSplit {
  const sum = sources.reduce((s, x) => s + ratePpm(x.rate), 0n);
  if (sum > WHOLE) throw new RangeError('co-financing rates exceed 100 %');
  const parts = sources.map((s) => ({ key: s.key, cents: share(totalCents, s.rate) }));
  const funded = parts.reduce((s, p) => s + p.cents, 0n);
  return { sources: parts, ownContribution: totalCents - funded };
}

/** part / whole in basis points (8125 = 81.25 %), rounded half up; null when there is nothing to absorb. */
export function absorptionBp(spentCents: bigint, budgetCents: bigint): number | null {
  if (budgetCents <= 0n) return null;
  return Number((spentCents * 20000n + budgetCents) / (2n * budgetCents));
}

export interface EnvelopeUse {
  earmarked: bigint;
  used: bigint;
  /** Negative when the envelope is overspent. */
  remaining: bigint;
  overspent: boolean;
}

/** An earmarked envelope (e.g. 95 000 € of a FAMI grant for one partnership) against what was used of it. */
export function envelopeUse(earmarkedCents: bigint, usedCents: readonly bigint[]): EnvelopeUse {
  const used = usedCents.reduce((s, c) => s + c, 0n);
  const remaining = earmarkedCents - used;
  return { earmarked: earmarkedCents, used, remaining, overspent: remaining < 0n };
}
