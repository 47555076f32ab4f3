import { describe, expect, it } from 'vitest';
import { type ConsentTerms, explainMissingConsent } from './consent';
import {
  organisationLanguage,
  REFERRAL_ACTIONS,
  REFERRAL_SIDES,
  REFERRAL_STATUSES,
  referralSide,
  referralWorkflow,
} from './referral-rules';

describe('the referral workflow', () => {
  const legal: Record<string, string> = {
    'sent/accept/recipient': 'accepted',
    'sent/decline/recipient': 'declined',
    'accepted/done/recipient': 'done',
    'sent/revoke/sender': 'revoked',
    'accepted/revoke/sender': 'revoked',
  };
  const check = referralWorkflow.check;

  it('allows exactly the table moves, each to its target, for a referent on the right side', () => {
    for (const status of REFERRAL_STATUSES)
      for (const action of REFERRAL_ACTIONS)
        for (const side of REFERRAL_SIDES) {
          const r = check(status, action, side, ['referent'], {}, 'Plus de place disponible');
          const expected = legal[`${status}/${action}/${side}`];
          if (expected)
            expect(r, `${status}/${action}/${side}`).toMatchObject({
              ok: true,
              transition: { to: expected },
            });
          else expect(r.ok, `${status}/${action}/${side}`).toBe(false);
        }
  });

  it('tells an action of the other side (forbidden) from one the status does not allow (unknown)', () => {
    expect(check('sent', 'revoke', 'recipient', ['referent'])).toEqual({ ok: false, code: 'forbidden' });
    expect(check('sent', 'accept', 'sender', ['referent'])).toEqual({ ok: false, code: 'forbidden' });
    expect(check('accepted', 'accept', 'recipient', ['referent'])).toEqual({
      ok: false,
      code: 'unknown_action',
    });
    expect(check('revoked', 'revoke', 'sender', ['referent'])).toEqual({ ok: false, code: 'unknown_action' });
    expect(check('sent', 'accept', null, ['referent'])).toEqual({ ok: false, code: 'forbidden' });
  });

  it('needs the permission and, to decline, a reason', () => {
    expect(check('sent', 'accept', 'recipient', ['tutor'])).toEqual({ ok: false, code: 'forbidden' });
    expect(check('sent', 'decline', 'recipient', ['referent'], {}, '  ')).toEqual({
      ok: false,
      code: 'reason_required',
    });
  });

  it('offers no action once a referral has ended, and only its own side’s actions before, with their tone', () => {
    const actions = (...a: Parameters<typeof referralWorkflow.available>) =>
      referralWorkflow.available(...a).map((x) => [x.action, x.tone]);
    for (const s of referralWorkflow.definition.terminal)
      for (const side of REFERRAL_SIDES) expect(actions(s, side, ['coordinator'])).toEqual([]);
    expect(actions('sent', 'recipient', ['referent'])).toEqual([
      ['accept', 'primary'],
      ['decline', 'danger'],
    ]);
    expect(actions('sent', 'sender', ['referent'])).toEqual([['revoke', 'danger']]);
    expect(actions('accepted', 'recipient', ['referent'])).toEqual([['done', 'primary']]);
    expect(actions('sent', 'recipient', ['org_admin'])).toEqual([]);
    expect(actions('sent', null, ['referent'])).toEqual([]);
  });

  it('never leaves a terminal status', () => {
    const { transitions, terminal } = referralWorkflow.definition;
    expect(transitions.filter((t) => terminal.includes(t.from))).toEqual([]);
  });

  it('lists each side’s moves, as the database guard must allow them', () => {
    expect(referralWorkflow.moves('recipient')).toEqual([
      { from: 'sent', to: 'accepted' },
      { from: 'sent', to: 'declined' },
      { from: 'accepted', to: 'done' },
    ]);
    expect(referralWorkflow.moves('sender')).toEqual([
      { from: 'sent', to: 'revoked' },
      { from: 'accepted', to: 'revoked' },
    ]);
  });
});

describe('sides and languages', () => {
  it('finds the side of an organisation', () => {
    const r = { senderOrgId: 'a', recipientOrgId: 'b' };
    expect(referralSide(r, 'a')).toBe('sender');
    expect(referralSide(r, 'b')).toBe('recipient');
    expect(referralSide(r, 'c')).toBeNull();
    expect(referralSide(r, null)).toBeNull();
  });

  it('writes Dutch to Flanders and French elsewhere', () => {
    expect(organisationLanguage('BE-VLG')).toBe('nl');
    expect(organisationLanguage('BE-WAL')).toBe('fr');
    expect(organisationLanguage('FR-HDF')).toBe('fr');
    expect(organisationLanguage(null)).toBe('fr');
  });
});

describe('explaining a missing consent', () => {
  const base: ConsentTerms = {
    id: 'c1',
    purpose: 'referral',
    dataCategories: ['identity'],
    recipientOrgIds: ['roubaix'],
    givenOn: '2026-01-10',
    expiresOn: null,
    withdrawnOn: null,
    supersedesId: null,
  };
  const req = {
    purpose: 'referral',
    recipientOrgId: 'roubaix',
    fields: ['identity', 'benefit'],
    today: '2026-06-01',
  };

  it('says there is none when no consent names this purpose and recipient', () => {
    expect(explainMissingConsent([], req)).toEqual({ gap: 'none', missingFields: [] });
    expect(explainMissingConsent([{ ...base, purpose: 'placement' }], req).gap).toBe('none');
    expect(explainMissingConsent([{ ...base, recipientOrgIds: ['lille'] }], req).gap).toBe('none');
  });

  it('names the missing field groups', () => {
    expect(explainMissingConsent([base], req)).toEqual({
      gap: 'missing_category',
      missingFields: ['benefit'],
    });
  });

  it('reports a withdrawn or expired consent, and ignores a superseded one', () => {
    expect(
      explainMissingConsent(
        [{ ...base, dataCategories: ['identity', 'benefit'], withdrawnOn: '2026-03-01' }],
        req,
      ).gap,
    ).toBe('withdrawn');
    expect(
      explainMissingConsent(
        [{ ...base, dataCategories: ['identity', 'benefit'], expiresOn: '2026-05-31' }],
        req,
      ).gap,
    ).toBe('expired');
    const newer = {
      ...base,
      id: 'c2',
      supersedesId: 'c1',
      dataCategories: ['languages'],
      givenOn: '2026-02-01',
    };
    expect(
      explainMissingConsent(
        [{ ...base, dataCategories: ['identity', 'benefit'], expiresOn: '2026-05-31' }, newer],
        req,
      ),
    ).toEqual({
      gap: 'missing_category',
      missingFields: ['identity', 'benefit'],
    });
  });
});
