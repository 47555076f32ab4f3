import { describe, expect, it } from 'vitest';
import {
  canEditProgramme,
  fromCents,
  normaliseAmountInput,
  partnerRuleErrors,
  programmeRuleErrors,
  programmeStatus,
  programmeTotals,
  rateBp,
  toCents,
} from './programme-rules';

const p = (budgetTotal: string | null, euAmount: string | null = null) => ({ budgetTotal, euAmount });

describe('money in cents', () => {
  it.each([
    ['0', 0n],
    ['0.5', 50n],
    ['0.05', 5n],
    ['12', 1200n],
    ['12.3', 1230n],
    ['1142943.65', 114294365n],
    ['999999999999.99', 99999999999999n],
  ])('reads %s as %s cents', (s, c) => {
    expect(toCents(s)).toBe(c);
  });

  it.each(['', '-1', '1.234', '01', '1,5', '1e3', ' 1', '1.', '.5', '1000000000000'])('refuses %j', (s) => {
    expect(() => toCents(s)).toThrow(RangeError);
  });

  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [1230n, '12.30'],
    [114294365n, '1142943.65'],
    [-5705000n, '-57050.00'],
    [-7n, '-0.07'],
  ])('writes %s cents as %s', (c, s) => {
    expect(fromCents(c)).toBe(s);
  });

  it('round-trips every cent of a range without drift', () => {
    for (let c = 0n; c < 1000n; c++) expect(toCents(fromCents(c))).toBe(c);
  });

  it('sums amounts that floats get wrong', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(programmeTotals(p(null), [p('0.10'), p('0.20')]).partnerBudgetTotal).toBe('0.30');
  });

  it('stays exact beyond the safe integer range of a float', () => {
    const big = '999999999999.99';
    const t = programmeTotals(
      p(null),
      Array.from({ length: 200 }, () => p(big, big)),
    );
    expect(t.partnerBudgetTotal).toBe('199999999999998.00');
    expect(t.euRateBp).toBe(10000);
  });
});

describe('rates', () => {
  it('gives basis points rounded half up', () => {
    expect(rateBp(1n, 2n)).toBe(5000);
    expect(rateBp(1n, 3n)).toBe(3333);
    expect(rateBp(2n, 3n)).toBe(6667);
    expect(rateBp(1n, 20000n)).toBe(1); // 0.5 bp rounds up
    expect(rateBp(1n, 20001n)).toBe(0);
    expect(rateBp(0n, 5n)).toBe(0);
  });

  it('has no rate without a budget', () => {
    expect(rateBp(0n, 0n)).toBeNull();
    expect(rateBp(10n, 0n)).toBeNull();
  });
});

describe('programme totals derived from the partners', () => {
  it('compares the AB Réfugiés operator budgets with the declared totals', () => {
    const partners = [
      p('183321.24', '91660.62'),
      p('147678.18', '73839.09'),
      p('399058.13', '199529.06'),
      p('291247.36', '145623.68'),
      p('259128.04', '129564.02'),
      p('109307.23', '54653.61'),
      p(null),
      p(null),
    ];
    const t = programmeTotals(p('1389740.18', '694870.08'), partners);
    expect(t).toEqual({
      partnerBudgetTotal: '1389740.18',
      partnerEuAmount: '694870.08',
      partnersWithBudget: 6,
      partnersWithoutBudget: 2,
      euRateBp: 5000,
      declaredEuRateBp: 5000,
      budgetMatches: true,
      euMatches: true,
      budgetDifference: '0.00',
      euDifference: '0.00',
    });
  });

  it('reports a mismatch and its signed difference', () => {
    const t = programmeTotals(p('1000.00', '500.00'), [p('600.00', '300.00'), p('300.00', '250.00')]);
    expect(t.budgetMatches).toBe(false);
    expect(t.budgetDifference).toBe('100.00');
    expect(t.euMatches).toBe(false);
    expect(t.euDifference).toBe('-50.00');
    expect(t.euRateBp).toBe(6111);
  });

  it('detects a one-cent difference', () => {
    const t = programmeTotals(p('100.00', '50.00'), [p('99.99', '50.00')]);
    expect(t.budgetMatches).toBe(false);
    expect(t.budgetDifference).toBe('0.01');
    expect(t.euMatches).toBe(true);
  });

  it('compares nothing when partners have no budget (SAM Eurométropole)', () => {
    const t = programmeTotals(p('1142943.65', '583540.04'), [p(null), p(null), p(null)]);
    expect(t).toMatchObject({
      partnerBudgetTotal: '0.00',
      partnersWithBudget: 0,
      partnersWithoutBudget: 3,
      euRateBp: null,
      declaredEuRateBp: 5106,
      budgetMatches: null,
      euMatches: null,
      budgetDifference: null,
    });
  });

  it('compares nothing without declared totals', () => {
    const t = programmeTotals(p(null), [p('10.00', '5.00')]);
    expect(t.budgetMatches).toBeNull();
    expect(t.euMatches).toBeNull();
    expect(t.declaredEuRateBp).toBeNull();
    expect(t.euRateBp).toBe(5000);
  });

  it('handles an empty partner list', () => {
    const t = programmeTotals(p('0', '0'), []);
    expect(t.partnerBudgetTotal).toBe('0.00');
    expect(t.partnersWithoutBudget).toBe(0);
    expect(t.declaredEuRateBp).toBeNull();
  });
});

describe('status from the period', () => {
  it.each([
    ['2026-01-01', 'planned'],
    ['2026-01-02', 'running'],
    ['2026-06-30', 'running'],
    ['2026-12-31', 'running'],
    ['2027-01-01', 'closed'],
  ] as const)('on %s it is %s', (today, status) => {
    expect(programmeStatus('2026-01-02', '2026-12-31', today)).toBe(status);
  });
});

describe('programme rules', () => {
  it('accepts a consistent programme', () => {
    expect(
      programmeRuleErrors({
        nameFr: 'Projet',
        nameNl: 'Project',
        startsOn: '2020-01-01',
        endsOn: '2020-01-01',
        budgetTotal: '10.00',
        euAmount: '10.00',
      }),
    ).toEqual([]);
  });

  it('refuses blank names, an end before the start and EU above the total', () => {
    expect(
      programmeRuleErrors({
        nameFr: '   ',
        nameNl: ' x ',
        startsOn: '2020-02-01',
        endsOn: '2020-01-31',
        budgetTotal: '10.00',
        euAmount: '10.01',
      }),
    ).toEqual([
      { path: 'nameFr', code: 'validation.min_length', params: { limit: 2 } },
      { path: 'nameNl', code: 'validation.min_length', params: { limit: 2 } },
      { path: 'endsOn', code: 'validation.date_order' },
      { path: 'euAmount', code: 'network.programmes.errors.eu_exceeds_total' },
    ]);
  });

  it('wants the longest placement at least as long as the shortest', () => {
    expect(programmeRuleErrors({ placementMinMonths: 2, placementMaxMonths: 6 })).toEqual([]);
    expect(programmeRuleErrors({ placementMinMonths: 3, placementMaxMonths: 3 })).toEqual([]);
    expect(programmeRuleErrors({ placementMinMonths: 4, placementMaxMonths: 3 })).toEqual([
      {
        path: 'placementMaxMonths',
        code: 'network.programmes.errors.placement_months_order',
        params: { min: 4 },
      },
    ]);
    // One side missing: nothing to compare (the use cases fill in the stored or default value).
    expect(programmeRuleErrors({ placementMinMonths: 12 })).toEqual([]);
    expect(programmeRuleErrors({ placementMinMonths: 12, placementMaxMonths: null })).toEqual([]);
  });

  it('leaves malformed amounts to the schema', () => {
    expect(programmeRuleErrors({ budgetTotal: 'abc', euAmount: '5' })).toEqual([]);
  });
});

describe('partner rules', () => {
  const lead = '00000000-0000-4000-8000-000000000001';
  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';

  it('accepts one lead (the owner) and distinct partners', () => {
    expect(
      partnerRuleErrors(
        [
          { orgId: lead, role: 'lead', budgetTotal: '10', euAmount: '5' },
          { orgId: a, role: 'partner' },
          { orgId: b, role: 'associated', euAmount: '3' },
        ],
        lead,
      ),
    ).toEqual([]);
  });

  it('requires the owner as lead', () => {
    expect(partnerRuleErrors([{ orgId: a, role: 'partner' }], lead)).toEqual([
      { path: 'partners', code: 'network.programmes.errors.lead_missing' },
    ]);
    expect(partnerRuleErrors([{ orgId: lead, role: 'partner' }], lead)).toEqual([
      { path: 'partners.0.role', code: 'network.programmes.errors.owner_not_lead' },
      { path: 'partners', code: 'network.programmes.errors.lead_missing' },
    ]);
  });

  it('refuses a second lead, duplicates and EU above a budget', () => {
    expect(
      partnerRuleErrors(
        [
          { orgId: lead, role: 'lead' },
          { orgId: a, role: 'lead' },
          { orgId: b, role: 'partner', budgetTotal: '100.00', euAmount: '100.01' },
          { orgId: b, role: 'operator' },
        ],
        lead,
      ),
    ).toEqual([
      { path: 'partners.1.role', code: 'network.programmes.errors.lead_not_owner' },
      { path: 'partners.2.euAmount', code: 'network.programmes.errors.eu_exceeds_total' },
      { path: 'partners.3.orgId', code: 'network.programmes.errors.duplicate_partner' },
    ]);
  });
});

describe('who may edit', () => {
  const org = 'org-lead';
  it.each([
    [{ roles: ['coordinator'], platformAdmin: false, orgId: org }, true],
    [{ roles: ['coordinator'], platformAdmin: false, orgId: 'other' }, false],
    [{ roles: ['referent'], platformAdmin: false, orgId: org }, false],
    [{ roles: ['org_admin'], platformAdmin: false, orgId: org }, false],
    [{ roles: ['platform_admin'], platformAdmin: true, orgId: null }, true],
  ] as const)('%j → %s', (actor, expected) => {
    expect(canEditProgramme(actor, org)).toBe(expected);
  });
});

describe('amount input', () => {
  it.each([
    ['1 142 943,65', '1142943.65'],
    ['1\u202f142\u202f943,65', '1142943.65'],
    ['1.142.943,65', '1142943.65'],
    ['583540.04', '583540.04'],
    ["1'000", '1000'],
    ['12,5', '12.5'],
    ['abc', 'abc'],
  ])('%j → %j', (input, out) => {
    expect(normaliseAmountInput(input)).toBe(out);
  });
});
