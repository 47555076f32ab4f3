import { describe, expect, it } from 'vitest';
import type { CofinancingInput, LineInput } from './budget-schemas';
import { budgetTotals, checkBudget, lineAmounts } from './budget-totals';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const X = '00000000-0000-4000-8000-0000000000ff';
const ACT1 = '00000000-0000-4000-8000-000000000a01';
const ACT2 = '00000000-0000-4000-8000-000000000a02';

const line = (o: Partial<LineInput>): LineInput => ({
  partnerOrgId: A,
  category: 'staff',
  actionId: null,
  period: null,
  amount: null,
  flatRate: null,
  envelope: null,
  note: null,
  ...o,
});
const source = (o: Partial<CofinancingInput>): CofinancingInput => ({
  partnerOrgId: A,
  fund: 'erdf',
  funder: null,
  rate: null,
  amount: null,
  ...o,
});

describe('budget totals', () => {
  it("computes an office flat rate from the same partner's staff costs of the same action and period", () => {
    const lines = [
      line({ actionId: ACT1, period: '2026', amount: '10000.00' }),
      line({ actionId: ACT1, period: '2026', amount: '2345.67' }),
      line({ actionId: ACT2, period: '2026', amount: '99999.00' }),
      line({ partnerOrgId: B, actionId: ACT1, period: '2026', amount: '50000.00' }),
      line({ actionId: ACT1, period: '2027', amount: '77777.00' }),
      line({ category: 'office', actionId: ACT1, period: '2026', flatRate: '15' }),
    ];
    // 15 % of 12 345,67 rounded down: 1 851,85 (not the other action, partner or year).
    expect(lineAmounts(lines)[5]).toBe(185185n);
  });

  it('gives each AB Réfugiés operator its FEDER share to the cent and the programme totals', () => {
    const ops = ['183321.24', '147678.18', '399058.13', '291247.36', '259128.04', '109307.23'].map(
      (amount, i) => ({ org: `00000000-0000-4000-8000-00000000010${i}`, amount }),
    );
    const t = budgetTotals({
      envelopes: [],
      lines: ops.map((o) => line({ partnerOrgId: o.org, category: 'unspecified', amount: o.amount })),
      cofinancing: ops.map((o) => source({ partnerOrgId: o.org, rate: '50' })),
    });
    expect(t.byPartner.map((p) => p.funds[0]?.amount)).toEqual([
      '91660.62',
      '73839.09',
      '199529.06',
      '145623.68',
      '129564.02',
      '54653.61',
    ]);
    expect(t.total).toBe('1389740.18');
    expect(t.byFund).toEqual([{ fund: 'erdf', amount: '694870.08' }]);
    expect(t.own).toBe('694870.10');
    expect(t.byCategory).toEqual({ unspecified: '1389740.18' });
  });

  it("keeps a published fund amount as it is and tells its rate (SAM's first budget)", () => {
    const t = budgetTotals({
      envelopes: [],
      lines: [line({ category: 'unspecified', amount: '1142943.65' })],
      cofinancing: [source({ amount: '583540.04' })],
    });
    expect(t.byPartner[0]?.funds[0]).toEqual({
      fund: 'erdf',
      funder: null,
      amount: '583540.04',
      rateBp: 5106,
    });
    expect(t.own).toBe('559403.61');
  });

  it('splits between several funds per partner and totals per category, action, period and fund', () => {
    const t = budgetTotals({
      envelopes: [],
      lines: [
        line({ actionId: ACT1, period: '2026', amount: '1000.01' }),
        line({ category: 'travel', actionId: ACT2, period: '2027', amount: '200.00' }),
        line({ partnerOrgId: B, actionId: ACT1, period: '2026', amount: '300.00' }),
      ],
      cofinancing: [
        source({ rate: '50' }),
        source({ fund: 'province', funder: 'Provincie West-Vlaanderen', rate: '10' }),
        source({ partnerOrgId: B, rate: '50' }),
      ],
    });
    expect(t.total).toBe('1500.01');
    expect(t.byPartner.find((p) => p.orgId === A)).toMatchObject({
      total: '1200.01',
      byCategory: { staff: '1000.01', travel: '200.00' },
      own: '480.01',
    });
    expect(t.byAction).toEqual([
      { actionId: ACT1, amount: '1300.01' },
      { actionId: ACT2, amount: '200.00' },
    ]);
    expect(t.byPeriod).toEqual([
      { period: '2026', amount: '1300.01' },
      { period: '2027', amount: '200.00' },
    ]);
    expect(t.byFund).toEqual([
      { fund: 'erdf', amount: '750.00' },
      { fund: 'province', amount: '120.00' },
    ]);
    expect(t.own).toBe('630.01');
  });

  it("tells the use of Charleroi's FAMI envelope for Binche", () => {
    const t = budgetTotals({
      envelopes: [
        {
          fund: 'amif',
          label: 'FAMI',
          grant: '236672.84',
          earmarked: '95000.00',
          partnerOrgId: B,
          note: null,
        },
      ],
      lines: [
        line({ category: 'unspecified', amount: '60000.00', envelope: 0 }),
        line({ amount: '35000.01', envelope: 0 }),
        line({ amount: '5000.00' }),
      ],
      cofinancing: [],
    });
    expect(t.envelopes).toEqual([
      { earmarked: '95000.00', used: '95000.01', remaining: '-0.01', overspent: true },
    ]);
  });
});

describe('budget checks', () => {
  const programme = { memberIds: [A, B], actionIds: [ACT1] };
  const codes = (c: Parameters<typeof checkBudget>[0]) =>
    checkBudget(c, programme).map((p) => `${p.path} ${p.code}`);

  it('accepts a sound budget', () => {
    expect(
      codes({
        envelopes: [],
        lines: [line({ amount: '10.00' }), line({ category: 'office', flatRate: '15' })],
        cofinancing: [source({ rate: '50' })],
      }),
    ).toEqual([]);
  });

  it('refuses outsiders, foreign actions, missing amounts, flat rates off office, unknown envelopes', () => {
    expect(
      codes({
        envelopes: [
          { fund: 'amif', label: 'FAMI', grant: '10.00', earmarked: '20.00', partnerOrgId: X, note: null },
        ],
        lines: [
          line({ partnerOrgId: X, amount: '1.00' }),
          line({ actionId: ACT2, amount: '1.00' }),
          line({}),
          line({ flatRate: '15' }),
          line({ amount: '1.00', envelope: 3 }),
        ],
        cofinancing: [],
      }),
    ).toEqual([
      'envelopes.0.partnerOrgId monitoring.budgets.errors.not_member',
      'envelopes.0.earmarked monitoring.budgets.errors.earmarked_over_grant',
      'lines.0.partnerOrgId monitoring.budgets.errors.not_member',
      'lines.1.actionId monitoring.budgets.errors.action_other',
      'lines.2.amount monitoring.budgets.errors.amount_or_rate',
      'lines.3.flatRate monitoring.budgets.errors.flat_rate_office',
      'lines.4.envelope monitoring.budgets.errors.envelope_unknown',
    ]);
  });

  it('refuses sources above the budget, twice the same source, or neither rate nor amount', () => {
    expect(
      codes({
        envelopes: [],
        lines: [line({ amount: '100.00' })],
        cofinancing: [
          source({ rate: '60' }),
          source({ fund: 'province', funder: 'P', rate: '41' }),
          source({ rate: '1' }),
          source({ partnerOrgId: B, fund: 'region' }),
          source({ partnerOrgId: B, fund: 'amif', amount: '0.01' }),
        ],
      }),
    ).toEqual([
      'cofinancing.1.rate monitoring.budgets.errors.sources_exceed_budget',
      'cofinancing.2.fund monitoring.budgets.errors.source_twice',
      'cofinancing.2.rate monitoring.budgets.errors.sources_exceed_budget',
      'cofinancing.3.rate monitoring.budgets.errors.rate_or_amount',
      'cofinancing.4.rate monitoring.budgets.errors.sources_exceed_budget',
    ]);
  });
});
