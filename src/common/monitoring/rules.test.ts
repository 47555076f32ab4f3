import { describe, expect, it } from 'vitest';
import { countFromRows, type RuleParamSpecs, resolveParams } from './rules';

const specs = {
  minDurationDays: { kind: 'integer', min: 1, max: 1096, default: 56 },
  statuses: {
    kind: 'set',
    options: ['active', 'completed', 'interrupted'],
    default: ['active', 'completed'],
    minItems: 1,
  },
  activeOnly: { kind: 'boolean', default: true },
} as const satisfies RuleParamSpecs;

describe('rule parameters', () => {
  it('completes the parameters with the defaults', () => {
    expect(resolveParams(specs, {})).toEqual({
      params: { minDurationDays: 56, statuses: ['active', 'completed'], activeOnly: true },
      problems: [],
    });
  });

  it('keeps valid values, sorted and without duplicates for sets', () => {
    const r = resolveParams(specs, { minDurationDays: 120, statuses: ['interrupted', 'active', 'active'] });
    expect(r.problems).toEqual([]);
    expect(r.params).toMatchObject({ minDurationDays: 120, statuses: ['active', 'interrupted'] });
  });

  it('names each wrong parameter', () => {
    const r = resolveParams(specs, {
      minDurationDays: 0,
      statuses: ['draft'],
      activeOnly: 'yes',
      colour: 'blue',
    });
    expect(r.problems.map((p) => `${p.path} ${p.code.split('.').pop()}`).sort()).toEqual([
      'ruleParams.activeOnly param_boolean',
      'ruleParams.colour param_unknown',
      'ruleParams.minDurationDays param_range',
      'ruleParams.statuses param_option',
    ]);
    expect(resolveParams(specs, { minDurationDays: 2.5 }).problems[0]?.code).toMatch(/param_integer$/);
    expect(resolveParams(specs, { statuses: [] }).problems[0]?.code).toMatch(/param_empty$/);
    expect(resolveParams(specs, { statuses: 'active' }).problems[0]?.code).toMatch(/param_set$/);
  });
});

describe('count rows', () => {
  it('reads the total from the row without a partner and sorts the parts', () => {
    expect(
      countFromRows([
        { partner_org_id: 'b', n: 2 },
        { partner_org_id: null, n: '5' },
        { partner_org_id: 'a', n: 4 },
      ]),
    ).toEqual({
      total: 5,
      byPartner: [
        { orgId: 'a', n: 4 },
        { orgId: 'b', n: 2 },
      ],
    });
    expect(countFromRows([])).toEqual({ total: 0, byPartner: [] });
  });
});
