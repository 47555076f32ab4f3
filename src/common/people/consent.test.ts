import { describe, expect, it } from 'vitest';
import { type ConsentTerms, consentCovers, consentGap, consentStatus, findValidConsent } from './consent';

const HOST = 'host-org';
const OTHER = 'other-org';
const today = '2026-06-15';
const consent = (over: Partial<ConsentTerms> = {}): ConsentTerms => ({
  id: 'c1',
  purpose: 'placement',
  dataCategories: ['identity', 'languages', 'contact'],
  recipientOrgIds: [HOST],
  givenOn: '2026-01-10',
  expiresOn: '2026-12-31',
  withdrawnOn: null,
  supersedesId: null,
  ...over,
});
const request = { purpose: 'placement', recipientOrgId: HOST, fields: ['identity', 'languages'], today };

describe('consentCovers', () => {
  it('covers a share within purpose, recipient, categories and dates', () => {
    expect(consentCovers(consent(), request)).toBe(true);
    expect(consentCovers(consent({ expiresOn: null }), request)).toBe(true);
    expect(consentCovers(consent(), { ...request, fields: [] })).toBe(true);
  });

  it('is valid on the day it is given and on the day it expires', () => {
    expect(consentCovers(consent({ givenOn: today }), request)).toBe(true);
    expect(consentCovers(consent({ expiresOn: today }), request)).toBe(true);
  });

  it('refuses an expired consent', () => {
    expect(consentGap(consent({ expiresOn: '2026-06-14' }), request)).toBe('expired');
  });

  it('refuses a withdrawn consent, whatever the withdrawal date', () => {
    expect(consentGap(consent({ withdrawnOn: '2026-06-15' }), request)).toBe('withdrawn');
    expect(consentGap(consent({ withdrawnOn: '2026-02-01' }), request)).toBe('withdrawn');
  });

  it('refuses a consent dated in the future', () => {
    expect(consentGap(consent({ givenOn: '2026-06-16' }), request)).toBe('not_yet_valid');
  });

  it('refuses another purpose', () => {
    expect(consentGap(consent({ purpose: 'referral' }), request)).toBe('other_purpose');
  });

  it('refuses a recipient not named, even with an empty list', () => {
    expect(consentGap(consent(), { ...request, recipientOrgId: OTHER })).toBe('other_recipient');
    expect(consentGap(consent({ recipientOrgIds: [] }), request)).toBe('other_recipient');
  });

  it('refuses a share naming a category the consent does not', () => {
    expect(consentGap(consent(), { ...request, fields: ['identity', 'benefit'] })).toBe('missing_category');
  });
});

describe('findValidConsent', () => {
  it('returns null without any consent', () => {
    expect(findValidConsent([], request)).toBeNull();
  });

  it('skips a consent that a later record superseded, even if the new one covers less', () => {
    const old = consent({ id: 'old' });
    const narrower = consent({ id: 'new', supersedesId: 'old', dataCategories: ['identity'] });
    expect(findValidConsent([old, narrower], request)).toBeNull();
    expect(findValidConsent([old, narrower], { ...request, fields: ['identity'] })?.id).toBe('new');
  });

  it('keeps a superseded consent superseded when its replacement is withdrawn', () => {
    const old = consent({ id: 'old' });
    const replaced = consent({ id: 'new', supersedesId: 'old', withdrawnOn: '2026-03-01' });
    expect(findValidConsent([old, replaced], request)).toBeNull();
  });

  it('picks the most recently given among several valid ones', () => {
    const a = consent({ id: 'a', givenOn: '2026-01-01' });
    const b = consent({ id: 'b', givenOn: '2026-03-01' });
    const c = consent({ id: 'c', givenOn: '2026-02-01' });
    expect(findValidConsent([a, b, c], request)?.id).toBe('b');
  });

  it('ignores invalid ones and returns a valid one among them', () => {
    const list = [
      consent({ id: 'expired', expiresOn: '2026-01-31' }),
      consent({ id: 'withdrawn', withdrawnOn: '2026-02-01' }),
      consent({ id: 'future', givenOn: '2026-07-01' }),
      consent({ id: 'elsewhere', recipientOrgIds: [OTHER] }),
      consent({ id: 'good', givenOn: '2026-01-05' }),
    ];
    expect(findValidConsent(list, request)?.id).toBe('good');
    expect(findValidConsent(list.slice(0, 4), request)).toBeNull();
  });
});

describe('consentStatus', () => {
  const none = new Set<string>();
  it('labels each state', () => {
    expect(consentStatus(consent(), today, none)).toBe('active');
    expect(consentStatus(consent({ withdrawnOn: '2026-02-01' }), today, none)).toBe('withdrawn');
    expect(consentStatus(consent(), today, new Set(['c1']))).toBe('superseded');
    expect(consentStatus(consent({ givenOn: '2026-07-01' }), today, none)).toBe('future');
    expect(consentStatus(consent({ expiresOn: '2026-06-14' }), today, none)).toBe('expired');
  });
});
