import type { IndicatorBreakdown } from '../../../../common/monitoring/characteristics';
import type { RuleParamSpec, RuleParamSpecs } from '../../../../common/monitoring/rules';
import type { IndicatorInput, IndicatorView } from '../../../../common/monitoring/schemas';

/** The indicator form's state: text as typed, numbers as strings, parameters by name. */
export interface FormState {
  code: string;
  euCode: string;
  kind: string;
  unit: string;
  labelFr: string;
  labelNl: string;
  labelEn: string;
  definitionFr: string;
  definitionNl: string;
  definitionEn: string;
  baseline: string;
  target: string;
  actionId: string;
  /** '' : a manual indicator. */
  ruleCode: string;
  params: Record<string, string | boolean | string[]>;
  milestones: Array<{ dueOn: string; target: string }>;
  /** partner, sex, age_band: the breakdowns it is published with. */
  breakdowns: string[];
}

export const NONE = 'none';

export const emptyState = (): FormState => ({
  code: '',
  euCode: NONE,
  kind: 'output',
  unit: 'persons',
  labelFr: '',
  labelNl: '',
  labelEn: '',
  definitionFr: '',
  definitionNl: '',
  definitionEn: '',
  baseline: '0',
  target: '',
  actionId: NONE,
  ruleCode: '',
  params: {},
  milestones: [],
  breakdowns: ['partner'],
});

export const stateOf = (v: IndicatorView): FormState => ({
  code: v.code,
  euCode: v.euCode ?? NONE,
  kind: v.kind,
  unit: v.unit,
  labelFr: v.labelFr,
  labelNl: v.labelNl,
  labelEn: v.labelEn,
  definitionFr: v.definitionFr ?? '',
  definitionNl: v.definitionNl ?? '',
  definitionEn: v.definitionEn ?? '',
  baseline: String(v.baseline),
  target: String(v.target),
  actionId: v.actionId ?? NONE,
  ruleCode: v.ruleCode ?? '',
  params: Object.fromEntries(
    v.params.map((p) => [p.name, typeof p.value === 'number' ? String(p.value) : p.value]),
  ),
  milestones: v.milestones.map((m) => ({ dueOn: m.dueOn, target: String(m.target) })),
  breakdowns: [...v.breakdowns],
});

const paramDefault = (spec: RuleParamSpec): string | boolean | string[] =>
  spec.kind === 'integer' ? String(spec.default) : spec.kind === 'boolean' ? spec.default : [...spec.default];

/** The parameters a newly chosen rule starts with: its defaults. */
export const defaultParams = (specs: RuleParamSpecs) =>
  Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, paramDefault(spec)]));

const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/**
 * The body sent to the API, and the fields the form refuses before sending (required texts, whole
 * numbers). Everything else (a rule's bounds, milestones in the period) is the server's to say.
 */
export function bodyOf(
  s: FormState,
  specs: RuleParamSpecs | null,
  profiled = false,
): { body: IndicatorInput; problems: string[] } {
  const problems: string[] = [];
  for (const k of ['code', 'labelFr', 'labelNl', 'labelEn'] as const) if (!s[k].trim()) problems.push(k);
  const target = whole(s.target);
  const baseline = whole(s.baseline || '0');
  if (!(target > 0)) problems.push('target');
  if (Number.isNaN(baseline)) problems.push('baseline');
  const ruleParams: Record<string, number | boolean | string[]> = {};
  if (s.ruleCode && specs)
    for (const [name, spec] of Object.entries(specs)) {
      const v = s.params[name];
      if (spec.kind === 'integer') {
        const n = whole(typeof v === 'string' ? v : '');
        if (Number.isNaN(n)) problems.push(`ruleParams.${name}`);
        else ruleParams[name] = n;
      } else if (spec.kind === 'boolean') ruleParams[name] = v === true;
      else ruleParams[name] = Array.isArray(v) ? v : [];
    }
  const milestones = s.milestones.map((m, i) => {
    const t = whole(m.target);
    if (!m.dueOn) problems.push(`milestones.${i}.dueOn`);
    if (Number.isNaN(t)) problems.push(`milestones.${i}.target`);
    return { dueOn: m.dueOn, target: t };
  });
  const text = (v: string) => v.trim() || null;
  return {
    body: {
      code: s.code.trim(),
      euCode: s.euCode === NONE ? null : (s.euCode as IndicatorInput['euCode']),
      kind: s.kind as IndicatorInput['kind'],
      unit: s.unit as IndicatorInput['unit'],
      labelFr: s.labelFr.trim(),
      labelNl: s.labelNl.trim(),
      labelEn: s.labelEn.trim(),
      definitionFr: text(s.definitionFr),
      definitionNl: text(s.definitionNl),
      definitionEn: text(s.definitionEn),
      baseline,
      target,
      actionId: s.actionId === NONE ? null : s.actionId,
      ruleCode: s.ruleCode || null,
      ruleParams: s.ruleCode ? ruleParams : {},
      milestones,
      // By sex and by age band only where the rule counts them so (else the choice is not offered).
      breakdowns: s.breakdowns.filter(
        (k): k is IndicatorBreakdown => k === 'partner' || (profiled && (k === 'sex' || k === 'age_band')),
      ),
    },
    problems,
  };
}
