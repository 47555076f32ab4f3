import { describe, expect, it } from 'vitest';
import { fromCents, toCents } from '../network/programme-rules';
import { absorptionBp, envelopeUse, flatRate, isRate, ratePpm, share, splitCofinancing } from './money';

// AB Réfugiés (seed 004): each operator's total budget and FEDER share, as published.
const AB_REFUGIES = [
  ['183321.24', '91660.62'],
  ['147678.18', '73839.09'],
  ['399058.13', '199529.06'],
  ['291247.36', '145623.68'],
  ['259128.04', '129564.02'],
  ['109307.23', '54653.61'],
] as const;

describe('programme money', () => {
  it('reads rates exactly, up to four decimals of a percent', () => {
    expect(ratePpm('50')).toBe(50_000_000n);
    expect(ratePpm('51.0563')).toBe(51_056_300n);
    expect(isRate('100')).toBe(true);
    expect(isRate('100.01')).toBe(false);
    expect(isRate('50,5')).toBe(false);
    expect(isRate('-5')).toBe(false);
  });

  it('gives every AB Réfugiés operator its published FEDER share to the cent, and the published total', () => {
    let budget = 0n;
    let feder = 0n;
    for (const [total, published] of AB_REFUGIES) {
      const cents = toCents(total);
      const { sources, ownContribution } = splitCofinancing(cents, [{ key: 'erdf', rate: '50' }]);
      expect(fromCents(sources[0]?.cents ?? -1n)).toBe(published);
      expect((sources[0]?.cents ?? 0n) + ownContribution).toBe(cents);
      budget += cents;
      feder += sources[0]?.cents ?? 0n;
    }
    expect(fromCents(budget)).toBe('1389740.18');
    // One cent under 50 % of the total: shares are computed per partner and rounded down.
    expect(fromCents(feder)).toBe('694870.08');
    expect(fromCents(share(budget, '50'))).toBe('694870.09');
  });

  it('splits between several sources, the partner carrying the rest to the cent', () => {
    const split = splitCofinancing(toCents('1000.01'), [
      { key: 'erdf', rate: '50' },
      { key: 'province', rate: '12.5' },
    ]);
    expect(split.sources.map((s) => fromCents(s.cents))).toEqual(['500.00', '125.00']);
    expect(fromCents(split.ownContribution)).toBe('375.01');
    expect(() =>
      splitCofinancing(100n, [
        { key: 'a', rate: '60' },
        { key: 'b', rate: '41' },
      ]),
    ).toThrow();
  });

  it('computes a flat rate of staff costs', () => {
    expect(fromCents(flatRate(toCents('12345.67'), '15'))).toBe('1851.85');
  });

  it("follows Charleroi's FAMI envelope for the Binche partnership", () => {
    const grant = toCents('236672.84');
    const binche = envelopeUse(toCents('95000'), [toCents('47500'), toCents('47499.99')]);
    expect(fromCents(binche.remaining)).toBe('0.01');
    expect(binche.overspent).toBe(false);
    expect(envelopeUse(toCents('95000'), [toCents('95000.01')]).overspent).toBe(true);
    expect(fromCents(grant - binche.earmarked)).toBe('141672.84');
  });

  it('gives absorption in basis points, none for an empty budget', () => {
    expect(absorptionBp(toCents('812.50'), toCents('1000'))).toBe(8125);
    expect(absorptionBp(1n, 0n)).toBeNull();
  });
});
