/**
 * Territory code history: renumberings, mergers and splits, so that values published under old codes land on
 * today's (or any later date's) geography. Counts are re-aggregated, rates recomputed from their re-aggregated
 * numerator and denominator, and medians never re-aggregated; a pure renumbering (Mouscron 54007 → 57096)
 * moves every kind of value, median included, because the territory itself did not change.
 *
 * A change says: from `effective` on, the territory of `from` belongs to the `to` codes; with several targets
 * (a split), each takes `share` of its counts, an estimate (flagged `estimated`) that assumes people are spread
 * alike. A code that keeps its number while absorbing others (a French commune nouvelle keeps its chef-lieu's
 * code) appears as a change from itself to itself, and so does any existing code that receives part of a split:
 * that is how the history tells an existing code (its own value is needed) from a new one (it has none yet).
 *
 * Values are remapped from the geography in force on `asOf` (their geography vintage). A code that a change
 * retired (not among its own targets) is mapped whatever the date, since it cannot mean anything newer.
 */
import {
  type AggregateOptions,
  type AggregationRefusal,
  type AggregationType,
  type IndicatorDefinition,
  indicatorValue,
  isAdditive,
  sum,
} from './aggregation';

export interface CodeTarget {
  code: string;
  /** Share of the old territory's counts, needed when there are several targets (0 < share ≤ 1, summing to 1). */
  share?: number;
}

export interface CodeChange {
  from: string;
  to: readonly CodeTarget[];
  /** First day of the new geography, ISO `YYYY-MM-DD`. */
  effective: string;
}

/** A code that changes number only. */
export const renumbering = (from: string, to: string, effective: string): CodeChange[] => [
  { from, to: [{ code: to }], effective },
];

/** Several codes becoming one; list the surviving code among `from` when it keeps its number. */
export const merger = (from: readonly string[], to: string, effective: string): CodeChange[] =>
  from.map((code) => ({ from: code, to: [{ code: to }], effective }));

/** One code divided among several, each with its share when known. */
export const split = (from: string, to: readonly CodeTarget[], effective: string): CodeChange[] => [
  { from, to, effective },
];

export interface ResolvedTarget {
  code: string;
  /** Share of the old code's counts; null when a split on the way gave no share. */
  share: number | null;
}

interface HistoryIndex {
  byFrom: Map<string, CodeChange[]>;
  byMention: Map<string, CodeChange[]>;
  until: string | null;
}

function indexHistory(history: readonly CodeChange[], until: string | null): HistoryIndex {
  const byFrom = new Map<string, CodeChange[]>();
  const byMention = new Map<string, CodeChange[]>();
  const push = (map: Map<string, CodeChange[]>, code: string, change: CodeChange) => {
    const list = map.get(code);
    if (list) {
      if (!list.includes(change)) list.push(change);
    } else map.set(code, [change]);
  };
  for (const change of history) {
    if (until !== null && change.effective > until) continue;
    push(byFrom, change.from, change);
    push(byMention, change.from, change);
    for (const t of change.to) push(byMention, t.code, change);
  }
  return { byFrom, byMention, until };
}

const retires = (change: CodeChange) => !change.to.some((t) => t.code === change.from);

/** The first change that moves values of `code` held in the geography of `asOf`. */
function nextChange(index: HistoryIndex, code: string, asOf: string): CodeChange | undefined {
  let next: CodeChange | undefined;
  for (const change of index.byFrom.get(code) ?? []) {
    if (change.effective <= asOf && !retires(change)) continue;
    if (!next || change.effective < next.effective) next = change;
  }
  return next;
}

/** Chains longer than this are a loop in the history (A → B → A on crossing dates), not real geography. */
const MAX_CHAIN = 64;

function resolveIndexed(index: HistoryIndex, code: string, asOf: string, depth = 0): ResolvedTarget[] {
  if (depth > MAX_CHAIN) throw new Error(`The code history loops from ${code}`);
  const change = nextChange(index, code, asOf);
  if (!change) return [{ code, share: 1 }];
  const single = change.to.length === 1;
  const out = new Map<string, number | null>();
  for (const target of change.to) {
    const share = single ? 1 : (target.share ?? null);
    for (const r of resolveIndexed(index, target.code, change.effective, depth + 1)) {
      const s = share === null || r.share === null ? null : share * r.share;
      const before = out.get(r.code);
      out.set(r.code, before === undefined ? s : before === null || s === null ? null : before + s);
    }
  }
  return [...out].map(([c, share]) => ({ code: c, share })).sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * The codes that the territory of `code`, as it was on `asOf`, belongs to after every change up to `until`
 * (all changes when omitted), each with its share.
 */
export function resolveCode(
  code: string,
  history: readonly CodeChange[],
  asOf: string,
  until?: string,
): ResolvedTarget[] {
  return resolveIndexed(indexHistory(history, until ?? null), code, asOf);
}

/** Whether `code` was a territory on `asOf`: not retired before, and not first named as a new target after. */
function existedAt(index: HistoryIndex, code: string, asOf: string): boolean {
  const mentions = index.byMention.get(code) ?? [];
  if (mentions.some((c) => c.from === code && c.effective <= asOf && retires(c))) return false;
  const later = mentions.filter((c) => c.effective > asOf);
  if (later.length === 0) return true;
  const first = later.map((c) => c.effective).sort()[0];
  return later.some((c) => c.effective === first && c.from === code);
}

interface Contribution {
  source: string;
  share: number | null;
}

interface TargetPlan {
  code: string;
  contributions: Contribution[];
  /** The target has a value of its own although it did not exist on `asOf`: that value is in the new geography. */
  selfIsNew: boolean;
}

/** For every target reached by a code that has data, which old codes feed it and with what share. */
function planTargets(index: HistoryIndex, withData: ReadonlySet<string>, asOf: string): TargetPlan[] {
  const candidates = new Set(withData);
  for (const [from, changes] of index.byFrom)
    if (changes.some((c) => c.effective > asOf || retires(c))) candidates.add(from);
  const byTarget = new Map<string, Contribution[]>();
  const reached = new Set<string>();
  for (const source of candidates) {
    if (!withData.has(source) && !existedAt(index, source, asOf)) continue;
    for (const t of resolveIndexed(index, source, asOf)) {
      const list = byTarget.get(t.code) ?? [];
      list.push({ source, share: t.share });
      byTarget.set(t.code, list);
      if (withData.has(source)) reached.add(t.code);
    }
  }
  return [...reached].sort().map((code) => {
    const contributions = byTarget.get(code)!.sort((a, b) => (a.source < b.source ? -1 : 1));
    return { code, contributions, selfIsNew: withData.has(code) && !existedAt(index, code, asOf) };
  });
}

export const REMAP_REFUSALS = [
  /** A split without shares: the old value cannot be apportioned. */
  'split_without_share',
  /** Values of the same target both in the old and in the new geography: `asOf` is wrong for some of them. */
  'mixed_geography',
] as const;
export type RemapRefusal = AggregationRefusal | (typeof REMAP_REFUSALS)[number];

export interface RemapOptions extends AggregateOptions {
  /** Date of the geography the values were published in (their geography vintage), ISO `YYYY-MM-DD`. */
  asOf: string;
  /** Date of the geography wanted; every known change when omitted. */
  until?: string;
}

interface RemapBase {
  /** Current code. */
  code: string;
  /** The old codes feeding it. */
  sources: string[];
  /** Sources with no value. */
  missing: string[];
}

export type RemappedValue =
  | (RemapBase & { ok: true; value: number; estimated: boolean })
  | (RemapBase & { ok: false; reason: RemapRefusal });

export type RemappedIndicator =
  | (RemapBase & {
      ok: true;
      value: number;
      numerator: number;
      denominator: number | null;
      estimated: boolean;
    })
  | (RemapBase & { ok: false; reason: RemapRefusal });

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Shared verdict for one target: the refusal, or the present contributions to combine. */
function verdict(
  plan: TargetPlan,
  hasValue: (source: string) => boolean,
  additive: boolean,
  options: AggregateOptions,
): { base: RemapBase; refusal: RemapRefusal | null; kept: Contribution[] } {
  let contributions = plan.contributions;
  let mixed = false;
  if (plan.selfIsNew) {
    // A value under a code newer than `asOf` is already in the target geography: alone it stands as it is,
    // beside values of the old codes it would be counted twice; an empty row of it is ignored.
    const self = contributions.filter((c) => c.source === plan.code);
    const others = contributions.filter((c) => c.source !== plan.code);
    if (hasValue(plan.code)) {
      mixed = others.some((c) => hasValue(c.source));
      if (!mixed) contributions = self;
    } else if (others.length > 0) contributions = others;
  }
  const sources = contributions.map((c) => c.source);
  const kept = contributions.filter((c) => hasValue(c.source));
  const missing = sources.filter((s) => !hasValue(s));
  const base = { code: plan.code, sources, missing };
  const renumberedOnly = contributions.length === 1 && contributions[0]!.share === 1;
  let refusal: RemapRefusal | null = null;
  if (mixed) refusal = 'mixed_geography';
  else if (!additive && !renumberedOnly) refusal = 'not_additive';
  else if (kept.length === 0) refusal = 'no_data';
  else if (missing.length > 0 && !options.allowIncomplete) refusal = 'incomplete';
  else if (kept.some((c) => c.share === null)) refusal = 'split_without_share';
  return { base, refusal, kept };
}

const weighted = (kept: readonly Contribution[], amountOf: (source: string) => number) =>
  sum(kept.map((c) => (c.share as number) * amountOf(c.source)));

/**
 * One element's values (a row per old or current code, null when it has none) carried onto the target
 * geography: one result per current code that some value reaches.
 */
export function remapElement(
  aggregation: AggregationType,
  values: readonly { code: string; value: number | null }[],
  history: readonly CodeChange[],
  options: RemapOptions,
): RemappedValue[] {
  const byCode = new Map(values.map((v) => [v.code, v.value]));
  const index = indexHistory(history, options.until ?? null);
  const hasValue = (s: string) => present(byCode.get(s));
  return planTargets(index, new Set(byCode.keys()), options.asOf).map((plan) => {
    const { base, refusal, kept } = verdict(plan, hasValue, isAdditive(aggregation), options);
    if (refusal) return { ...base, ok: false, reason: refusal };
    const value = weighted(kept, (s) => byCode.get(s) as number);
    return { ...base, ok: true, value, estimated: kept.some((c) => c.share !== 1) };
  });
}

/**
 * An indicator carried onto the target geography: numerator and denominator re-aggregated from the old codes
 * (each with the same share), then divided. A rate stored as such (a `none` numerator) moves only by renumbering.
 */
export function remapIndicator(
  indicator: IndicatorDefinition,
  values: readonly { code: string; numerator: number | null; denominator: number | null }[],
  history: readonly CodeChange[],
  options: RemapOptions,
): RemappedIndicator[] {
  const byCode = new Map(values.map((v) => [v.code, v]));
  const index = indexHistory(history, options.until ?? null);
  const withDenominator = indicator.denominator !== null;
  const hasValue = (s: string) => {
    const v = byCode.get(s);
    return !!v && present(v.numerator) && (!withDenominator || present(v.denominator));
  };
  const additive =
    isAdditive(indicator.numerator.aggregation) &&
    (indicator.denominator === null || isAdditive(indicator.denominator.aggregation));
  return planTargets(index, new Set(byCode.keys()), options.asOf).map((plan) => {
    const { base, refusal, kept } = verdict(plan, hasValue, additive, options);
    if (refusal) return { ...base, ok: false, reason: refusal };
    const numerator = weighted(kept, (s) => byCode.get(s)!.numerator as number);
    const denominator = withDenominator ? weighted(kept, (s) => byCode.get(s)!.denominator as number) : null;
    const result = indicatorValue(numerator, denominator, indicator.factor);
    if (!result.ok) return { ...base, ok: false, reason: result.reason };
    return {
      ...base,
      ok: true,
      value: result.value,
      numerator,
      denominator,
      estimated: kept.some((c) => c.share !== 1),
    };
  });
}

export const CODE_HISTORY_PROBLEMS = [
  'bad_date',
  'no_target',
  'duplicate_target',
  'bad_share',
  'partial_shares',
  'shares_not_one',
  'duplicate_change',
  'loop',
] as const;
export type CodeHistoryProblem = (typeof CODE_HISTORY_PROBLEMS)[number];

export interface CodeHistoryIssue {
  /** Position of the change in the list. */
  index: number;
  from: string;
  problem: CodeHistoryProblem;
}

const isIsoDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** What is wrong with a code history, change by change (an empty list when it can be used). */
export function validateCodeHistory(history: readonly CodeChange[]): CodeHistoryIssue[] {
  const issues: CodeHistoryIssue[] = [];
  const seen = new Set<string>();
  history.forEach((change, index) => {
    const flag = (problem: CodeHistoryProblem) => issues.push({ index, from: change.from, problem });
    if (!isIsoDate(change.effective)) flag('bad_date');
    if (change.to.length === 0) flag('no_target');
    if (new Set(change.to.map((t) => t.code)).size !== change.to.length) flag('duplicate_target');
    const key = `${change.from}\u0000${change.effective}`;
    if (seen.has(key)) flag('duplicate_change');
    seen.add(key);
    const shares = change.to.map((t) => t.share).filter((s) => s !== undefined);
    if (shares.some((s) => !Number.isFinite(s) || s <= 0 || s > 1)) flag('bad_share');
    else if (change.to.length > 1 && shares.length > 0 && shares.length < change.to.length)
      flag('partial_shares');
    else if (change.to.length > 1 && shares.length > 0 && Math.abs(sum(shares) - 1) > 1e-9)
      flag('shares_not_one');
  });
  const index = indexHistory(history, null);
  history.forEach((change, i) => {
    if (!isIsoDate(change.effective)) return;
    try {
      resolveIndexed(index, change.from, dayBefore(change.effective));
    } catch {
      issues.push({ index: i, from: change.from, problem: 'loop' });
    }
  });
  return issues;
}

function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
