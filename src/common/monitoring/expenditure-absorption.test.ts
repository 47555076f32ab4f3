import { describe, expect, it } from 'vitest';
import type { LineInput } from './budget-schemas';
import {
  absorption,
  acceptedCents,
  checkItem,
  checkReview,
  type DeclaredItem,
  officeItems,
} from './expenditure-absorption';
import type { ItemInput } from './expenditure-schemas';

const P = 'p-kortrijk';
const Q = 'p-mouscron';
const line = (over: Partial<LineInput>): LineInput => ({
  partnerOrgId: P,
  category: 'staff',
  actionId: 'A1',
  period: '2025',
  amount: null,
  flatRate: null,
  envelope: null,
  note: null,
  ...over,
});
const lines: LineInput[] = [
  line({ amount: '10000.00' }),
  line({ category: 'office', flatRate: '15' }),
  line({ partnerOrgId: Q, category: 'travel', actionId: 'A2', amount: '1000.00' }),
];
const item = (over: Partial<DeclaredItem>): DeclaredItem => ({
  partnerOrgId: P,
  category: 'staff',
  actionId: 'A1',
  amountCents: 100_000n,
  review: 'pending',
  correctedCents: null,
  ...over,
});

describe('absorption', () => {
  it('counts what the lead accepted, corrected amounts instead of declared ones, nothing of rejected', () => {
    expect(acceptedCents(item({ review: 'accepted' }))).toBe(100_000n);
    expect(acceptedCents(item({ review: 'corrected', correctedCents: 32_200n }))).toBe(32_200n);
    expect(acceptedCents(item({ review: 'rejected' }))).toBe(0n);
    expect(acceptedCents(item({ review: 'pending' }))).toBe(0n);
  });

  it("computes office and administration as the budget's flat rate of declared staff costs, to the cent", () => {
    const office = officeItems(lines, [
      item({ amountCents: 333_333n, review: 'accepted' }),
      item({ amountCents: 1n, review: 'rejected' }),
    ]);
    // 15 % of 3 333,34 € declared = 500,001 → 500,00 (rounded down); accepted 3 333,33 € → 499,99.
    expect(office).toEqual([
      expect.objectContaining({ category: 'office', amountCents: 50_000n, correctedCents: 49_999n }),
    ]);
    // No flat rate in the partner's budget: no office item.
    expect(officeItems(lines, [item({ partnerOrgId: Q })])).toEqual([]);
  });

  it('gives budget, declared, accepted and the rate per partner, category and action', () => {
    const a = absorption(2, lines, [
      item({ amountCents: 500_000n, review: 'accepted' }),
      item({
        partnerOrgId: Q,
        category: 'travel',
        actionId: 'A2',
        amountCents: 38_640n,
        review: 'corrected',
        correctedCents: 32_200n,
      }),
    ]);
    expect(a.versionNumber).toBe(2);
    // Budget 10 000 + 1 500 (15 %) + 1 000; accepted 5 000 + 750 + 322.
    expect(a.total).toEqual({
      key: null,
      budget: '12500.00',
      declared: '6136.40',
      accepted: '6072.00',
      absorptionBp: 4858,
    });
    expect(a.byPartner.find((r) => r.key === P)).toMatchObject({
      budget: '11500.00',
      accepted: '5750.00',
      absorptionBp: 5000,
    });
    expect(a.byCategory.find((r) => r.key === 'office')).toMatchObject({
      budget: '1500.00',
      declared: '750.00',
    });
    expect(a.byAction.find((r) => r.key === 'A2')).toMatchObject({
      budget: '1000.00',
      accepted: '322.00',
      absorptionBp: 3220,
    });
  });

  it('has no rate where nothing was budgeted', () => {
    const a = absorption(null, [], [item({ review: 'accepted' })]);
    expect(a.total.absorptionBp).toBeNull();
    expect(a.total.accepted).toBe('1000.00');
  });
});

const input = (over: Partial<ItemInput> = {}): ItemInput => ({
  category: 'travel',
  actionId: 'A2',
  description: 'Treinreizen',
  supplier: null,
  invoiceNumber: null,
  invoiceDate: '2025-05-12',
  paidOn: '2025-06-02',
  amount: '386.40',
  proofRef: null,
  ...over,
});

describe('validation', () => {
  it('accepts a well-formed item and refuses foreign actions, dates ahead or out of order, zero', () => {
    expect(checkItem(input(), ['A2'], '2026-01-01')).toEqual([]);
    const codes = (i: ItemInput) => checkItem(i, ['A2'], '2025-06-01').map((p) => `${p.path}:${p.code}`);
    expect(codes(input({ actionId: 'X' }))).toContain('actionId:monitoring.expenditure.errors.action_other');
    expect(codes(input())).toEqual(['paidOn:monitoring.expenditure.errors.future']);
    expect(codes(input({ paidOn: '2025-05-01' }))).toEqual([
      'paidOn:monitoring.expenditure.errors.paid_before_invoice',
    ]);
    expect(codes(input({ paidOn: null, amount: '0.00' }))).toEqual([
      'amount:monitoring.expenditure.errors.amount_zero',
    ]);
  });

  it('wants a lower amount and a reason for a correction, a reason for a rejection', () => {
    expect(checkReview({ status: 'accepted', correctedAmount: null, reason: null }, 100n)).toEqual([]);
    expect(checkReview({ status: 'corrected', correctedAmount: '0.50', reason: 'Trop' }, 100n)).toEqual([]);
    const codes = (r: Parameters<typeof checkReview>[0]) =>
      checkReview(r, 100n).map((p) => p.code.split('.').pop());
    expect(codes({ status: 'corrected', correctedAmount: null, reason: 'Trop' })).toEqual([
      'corrected_amount_required',
    ]);
    expect(codes({ status: 'corrected', correctedAmount: '1.00', reason: 'Trop' })).toEqual([
      'corrected_not_lower',
    ]);
    expect(codes({ status: 'rejected', correctedAmount: null, reason: '  ' })).toEqual(['reason_required']);
    expect(codes({ status: 'accepted', correctedAmount: '0.10', reason: null })).toEqual(['corrected_only']);
  });
});
