import { describe, expect, it } from 'vitest';
import { countCrossBorder, isCrossBorder, nextRequestStatus } from './teams-rules';
import { CROSS_BORDER_CASES, PERIOD } from './teams-rules.cases';

describe('mobile team rules', () => {
  it('moves a request sent → accepted | declined, accepted → closed, nothing else', () => {
    expect(nextRequestStatus('sent', 'accept')).toBe('accepted');
    expect(nextRequestStatus('sent', 'decline')).toBe('declined');
    expect(nextRequestStatus('accepted', 'close')).toBe('closed');
    expect(nextRequestStatus('sent', 'close')).toBeNull();
    expect(nextRequestStatus('accepted', 'decline')).toBeNull();
    expect(nextRequestStatus('declined', 'accept')).toBeNull();
    expect(nextRequestStatus('closed', 'accept')).toBeNull();
  });

  it('derives cross-border from the place and the persons’ home countries', () => {
    expect(isCrossBorder({ teamCountry: 'BE', placeCountry: 'FR', homeCountries: ['BE'] })).toBe(true);
    expect(isCrossBorder({ teamCountry: 'BE', placeCountry: 'BE', homeCountries: ['FR'] })).toBe(true);
    expect(isCrossBorder({ teamCountry: 'BE', placeCountry: 'BE', homeCountries: ['BE'] })).toBe(false);
    expect(isCrossBorder({ teamCountry: 'FR', placeCountry: 'FR', homeCountries: [] })).toBe(false);
  });

  it('counts done cross-border interventions in the period, or each person once', () => {
    expect(countCrossBorder(CROSS_BORDER_CASES, PERIOD)).toBe(2);
    expect(countCrossBorder(CROSS_BORDER_CASES, PERIOD, true)).toBe(2);
    expect(countCrossBorder(CROSS_BORDER_CASES, { from: '2026-03-05', to: '2026-12-31' }, true)).toBe(1);
  });
});
