import { defineWorkflow, type WorkflowTransition } from '../kernel/workflow';
import { SHARE_PURPOSES, type SharePurpose } from './consent';

/**
 * A referral's life, written once as data: the server enforces it with `check()`, the web shows the
 * actions `available()` gives, and the database guard (app.referrals_guard, migration 0003) is tested
 * against `moves()`. The side is the organisation the actor acts for: the sender (the person's home
 * centre) or the recipient.
 */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'done', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What a referral is for: what a person may be shared for (a consent must name the same purpose). */
export const REFERRAL_PURPOSES = SHARE_PURPOSES;
export type ReferralPurpose = SharePurpose;

export const REFERRAL_ACTIONS = ['accept', 'decline', 'done', 'revoke'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export const REFERRAL_SIDES = ['sender', 'recipient'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];

/** A decline must say why, in at least this many characters. */
export const DECLINE_REASON_MIN = 2;

export type ReferralTransition = WorkflowTransition<ReferralStatus, ReferralSide, never> & {
  action: ReferralAction;
};

const TRANSITIONS: readonly ReferralTransition[] = [
  {
    action: 'accept',
    from: 'sent',
    to: 'accepted',
    side: 'recipient',
    permission: 'person.manage',
    tone: 'primary',
  },
  {
    action: 'decline',
    from: 'sent',
    to: 'declined',
    side: 'recipient',
    permission: 'person.manage',
    reasonRequired: true,
    tone: 'danger',
  },
  {
    action: 'done',
    from: 'accepted',
    to: 'done',
    side: 'recipient',
    permission: 'person.manage',
    tone: 'primary',
  },
  {
    action: 'revoke',
    from: 'sent',
    to: 'revoked',
    side: 'sender',
    permission: 'person.manage',
    tone: 'danger',
  },
  {
    action: 'revoke',
    from: 'accepted',
    to: 'revoked',
    side: 'sender',
    permission: 'person.manage',
    tone: 'danger',
  },
];

export const referralWorkflow = defineWorkflow({
  statuses: REFERRAL_STATUSES,
  sides: REFERRAL_SIDES,
  guards: [] as never[],
  // After these nothing happens any more (the grant has ended with them).
  terminal: ['declined', 'done', 'revoked'],
  transitions: TRANSITIONS,
});

/** The side an organisation is on for a referral, or null when it is neither sender nor recipient. */
export function referralSide(
  referral: { senderOrgId: string; recipientOrgId: string },
  orgId: string | null,
): ReferralSide | null {
  if (orgId === referral.senderOrgId) return 'sender';
  if (orgId === referral.recipientOrgId) return 'recipient';
  return null;
}

/** The language to write to an organisation in: Dutch in Flanders, French elsewhere in the area. */
export const organisationLanguage = (region: string | null): 'fr' | 'nl' =>
  region === 'BE-VLG' ? 'nl' : 'fr';
