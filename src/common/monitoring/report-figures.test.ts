import { describe, expect, it } from 'vitest';
import type { LineInput } from './budget-schemas';
import type { DeclaredItem } from './expenditure-absorption';
import { dayBefore, daysUntil, partnerCategoryTable, periodFigures, reminderStep } from './report-figures';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const count = (a: number, b: number, total = a + b) => ({
  total,
  byPartner: [
    { orgId: A, n: a },
    { orgId: B, n: b },
  ],
});

describe('periodFigures', () => {
  it('splits the cumulative count into before and during the period', () => {
    const f = periodFigures(count(30, 22), count(20, 12), 'persons', [A, B]);
    expect(f).toMatchObject({ previous: 32, thisPeriod: 20, cumulative: 52, suppressed: false });
    expect(f.byPartner).toEqual([
      { orgId: A, n: 30 },
      { orgId: B, n: 22 },
    ]);
  });

  it('hides a period that added 1 to 4 persons, and the previous figure that would give it away', () => {
    const f = periodFigures(count(30, 22), count(29, 20), 'persons', [A, B]);
    expect(f.cumulative).toBe(52);
    expect(f.previous).toBeNull();
    expect(f.thisPeriod).toBeNull();
    expect(f.suppressed).toBe(true);
  });

  it('hides a small previous figure, and then the period’s too (cumulative − period would give it)', () => {
    const f = periodFigures(count(20, 10), count(2, 1), 'persons', [A, B]);
    expect(f).toMatchObject({ previous: null, thisPeriod: null, cumulative: 30 });
  });

  it('shows every figure of organisations or services, which describe nobody', () => {
    const f = periodFigures(count(2, 1), count(1, 0), 'organisations', [A, B]);
    expect(f).toMatchObject({ previous: 1, thisPeriod: 2, cumulative: 3, suppressed: false });
  });

  it('counts everything as this period’s when the period starts with the programme', () => {
    const f = periodFigures(count(12, 8), null, 'persons', [A, B]);
    expect(f).toMatchObject({ previous: 0, thisPeriod: 20, cumulative: 20 });
  });

  it('hides a partner’s small part and the one that would reveal it, as the board does', () => {
    const f = periodFigures(count(3, 40), count(0, 20), 'persons', [A, B]);
    expect(f.byPartner.map((p) => p.n)).toEqual([null, null]);
    expect(f.suppressed).toBe(true);
  });
});

describe('partnerCategoryTable', () => {
  const line = (
    partnerOrgId: string,
    category: LineInput['category'],
    amount: string | null,
    flatRate: string | null = null,
  ): LineInput => ({
    partnerOrgId,
    category,
    actionId: null,
    period: null,
    amount,
    flatRate,
    envelope: null,
    note: null,
  });
  const item = (
    partnerOrgId: string,
    category: string,
    cents: bigint,
    review: DeclaredItem['review'],
    corrected: bigint | null = null,
  ): DeclaredItem => ({
    partnerOrgId,
    category,
    actionId: null,
    amountCents: cents,
    review,
    correctedCents: corrected,
  });

  it('adds this period and the cumulative amounts per partner and category, to the cent, office at its rate', () => {
    const lines = [line(A, 'staff', '10000.00'), line(A, 'office', null, '15'), line(B, 'travel', '999.99')];
    const earlier = [item(A, 'staff', 200_000n, 'accepted')];
    const now = [item(A, 'staff', 100_001n, 'corrected', 90_000n), item(B, 'travel', 33_333n, 'pending')];
    const rows = partnerCategoryTable(lines, [...earlier, ...now], now, [A, B]);
    expect(
      rows.map((r) => [
        r.category,
        r.budget,
        r.declaredPeriod,
        r.acceptedPeriod,
        r.declaredCumulative,
        r.acceptedCumulative,
      ]),
    ).toEqual([
      ['staff', '10000.00', '1000.01', '900.00', '3000.01', '2900.00'],
      ['office', '1500.00', '150.00', '135.00', '450.00', '435.00'],
      ['travel', '999.99', '333.33', '0.00', '333.33', '0.00'],
    ]);
    expect(rows[0]?.absorptionBp).toBe(2900);
  });
});

describe('dates of a report', () => {
  it('knows the day before, across a year', () => {
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('reminds 14, 7 and 1 day(s) before, then when overdue for a month', () => {
    expect(daysUntil('2026-03-20', '2026-03-31')).toBe(11);
    expect(reminderStep('2026-03-01', '2026-03-31')).toBeNull();
    expect(reminderStep('2026-03-17', '2026-03-31')).toBe('14');
    expect(reminderStep('2026-03-24', '2026-03-31')).toBe('7');
    expect(reminderStep('2026-03-30', '2026-03-31')).toBe('1');
    expect(reminderStep('2026-03-31', '2026-03-31')).toBe('1');
    expect(reminderStep('2026-04-01', '2026-03-31')).toBe('overdue');
    expect(reminderStep('2026-05-15', '2026-03-31')).toBeNull();
  });
});
