/**
 * Counting rules as data: each module that records reportable activity declares its rules (code, unit,
 * typed parameters) in its manifest; the monitoring module lists them, checks an indicator's parameters
 * against them and shows them in words. The counting itself is the server's (src/server/platform/module.ts).
 */

export const INDICATOR_UNITS = [
  'persons',
  'participations',
  'organisations',
  'services',
  'events',
  'initiatives',
  'hours',
] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Units that count persons: their small numbers are suppressed for those who see aggregates only. */
export const isPersonUnit = (u: IndicatorUnit) => u === 'persons' || u === 'participations';

/** One parameter of a rule: a bounded whole number, a yes/no, or a subset of fixed options. */
export type RuleParamSpec =
  | { kind: 'integer'; min: number; max: number; default: number }
  | { kind: 'boolean'; default: boolean }
  | { kind: 'set'; options: readonly string[]; default: readonly string[]; minItems?: number };

export type RuleParamSpecs = Readonly<Record<string, RuleParamSpec>>;
export type RuleParamValue = number | boolean | string[];
export type RuleParams = Record<string, RuleParamValue>;

/** What the API tells about a rule (the server's rule minus its functions). */
export interface RuleInfo {
  code: string;
  module: string;
  unit: IndicatorUnit;
  params: RuleParamSpecs;
}

export interface ParamProblem {
  path: string;
  code: string;
}

/**
 * An indicator's parameters checked against its rule's specs and completed with the defaults: unknown
 * names, wrong types, numbers out of bounds, options not offered, and empty sets that need a member are
 * problems (one per parameter, with the path `ruleParams.<name>`).
 */
export function resolveParams(
  specs: RuleParamSpecs,
  given: Readonly<Record<string, unknown>> = {},
): { params: RuleParams; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  const params: RuleParams = {};
  const problem = (name: string, code: string) =>
    problems.push({ path: `ruleParams.${name}`, code: `monitoring.indicators.errors.${code}` });
  for (const name of Object.keys(given)) if (!Object.hasOwn(specs, name)) problem(name, 'param_unknown');
  for (const [name, spec] of Object.entries(specs)) {
    const v = Object.hasOwn(given, name) ? given[name] : undefined;
    if (v === undefined || v === null) {
      params[name] = spec.kind === 'set' ? [...spec.default] : spec.default;
      continue;
    }
    if (spec.kind === 'integer') {
      if (typeof v !== 'number' || !Number.isInteger(v)) problem(name, 'param_integer');
      else if (v < spec.min || v > spec.max) problem(name, 'param_range');
      else params[name] = v;
    } else if (spec.kind === 'boolean') {
      if (typeof v !== 'boolean') problem(name, 'param_boolean');
      else params[name] = v;
    } else {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) problem(name, 'param_set');
      else if (v.some((x) => !spec.options.includes(x as string))) problem(name, 'param_option');
      else if (v.length < (spec.minItems ?? 0)) problem(name, 'param_empty');
      else params[name] = [...new Set(v as string[])].sort();
    }
  }
  return { params, problems };
}

/** A counted figure: the total (unique across partners when the unit is persons) and each partner's part. */
export interface IndicatorCount {
  total: number;
  byPartner: Array<{ orgId: string; n: number }>;
}

/**
 * The rows of a count query grouped by `grouping sets ((partner), ())`: the row without a partner is the
 * total. No row at all (PGlite and PostgreSQL both answer the empty set with a zero total, but a rule may
 * not) is zero.
 */
export function countFromRows(rows: ReadonlyArray<{ partner_org_id: string | null; n: number | string }>) {
  let total = 0;
  const byPartner: IndicatorCount['byPartner'] = [];
  for (const r of rows) {
    if (r.partner_org_id === null) total = Number(r.n);
    else byPartner.push({ orgId: r.partner_org_id, n: Number(r.n) });
  }
  byPartner.sort((a, b) => b.n - a.n || a.orgId.localeCompare(b.orgId));
  return { total, byPartner } satisfies IndicatorCount;
}
