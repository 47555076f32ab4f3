import { can, type Permission, type Role } from '../access/permissions';
import { type ConsentGap, type ConsentTerms, consentGap, type ShareRequest } from './consent';

/**
 * A referral's life, written once as data: the server enforces it (the database guard is the second line),
 * the web shows only the actions it allows. The side is the organisation the actor acts for: the sender
 * (the person's home centre) or the recipient.
 */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'done', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What a referral is for (migration 0003 checks the same list; a consent must name the same purpose). */
export const REFERRAL_PURPOSES = ['placement', 'referral', 'immersion', 'accompaniment'] as const;
export type ReferralPurpose = (typeof REFERRAL_PURPOSES)[number];

export const REFERRAL_ACTIONS = ['accept', 'decline', 'done', 'revoke'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export type ReferralSide = 'sender' | 'recipient';

export interface ReferralTransition {
  action: ReferralAction;
  from: ReferralStatus;
  to: ReferralStatus;
  side: ReferralSide;
  permission: Permission;
  /** The actor must say why (a decline). */
  reasonRequired?: boolean;
}

export const REFERRAL_TRANSITIONS: readonly ReferralTransition[] = [
  { action: 'accept', from: 'sent', to: 'accepted', side: 'recipient', permission: 'person.manage' },
  {
    action: 'decline',
    from: 'sent',
    to: 'declined',
    side: 'recipient',
    permission: 'person.manage',
    reasonRequired: true,
  },
  { action: 'done', from: 'accepted', to: 'done', side: 'recipient', permission: 'person.manage' },
  { action: 'revoke', from: 'sent', to: 'revoked', side: 'sender', permission: 'person.manage' },
  { action: 'revoke', from: 'accepted', to: 'revoked', side: 'sender', permission: 'person.manage' },
];

/** Statuses after which nothing happens any more (the grant has ended with them). */
export const REFERRAL_TERMINAL: readonly ReferralStatus[] = ['declined', 'done', 'revoked'];

/** The side an organisation is on for a referral, or null when it is neither sender nor recipient. */
export function referralSide(
  referral: { senderOrgId: string; recipientOrgId: string },
  orgId: string | null,
): ReferralSide | null {
  if (orgId === referral.senderOrgId) return 'sender';
  if (orgId === referral.recipientOrgId) return 'recipient';
  return null;
}

/** The actions this actor may take on a referral in this status. */
export function availableReferralActions(
  status: ReferralStatus,
  side: ReferralSide | null,
  roles: readonly Role[],
): ReferralAction[] {
  return REFERRAL_TRANSITIONS.filter(
    (t) => t.from === status && t.side === side && can(roles, t.permission),
  ).map((t) => t.action);
}

export type ReferralTransitionCheck =
  | { ok: true; transition: ReferralTransition }
  | { ok: false; code: 'illegal_transition' | 'forbidden' | 'reason_required' };

/** Decides whether an action may happen now: allowed from this status, on this side, to this actor. */
export function checkReferralTransition(
  status: ReferralStatus,
  action: ReferralAction,
  side: ReferralSide | null,
  roles: readonly Role[],
  reason?: string | null,
): ReferralTransitionCheck {
  const forSide = REFERRAL_TRANSITIONS.filter((t) => t.action === action && t.side === side);
  if (forSide.length === 0) return { ok: false, code: 'forbidden' };
  const transition = forSide.find((t) => t.from === status);
  if (!transition) return { ok: false, code: 'illegal_transition' };
  if (!can(roles, transition.permission)) return { ok: false, code: 'forbidden' };
  if (transition.reasonRequired && (reason ?? '').trim().length < 2)
    return { ok: false, code: 'reason_required' };
  return { ok: true, transition };
}

/** An override of a missing consent must be explained (the database asks for the same length). */
export const OVERRIDE_REASON_MIN = 5;

/** The language to write to an organisation in: Dutch in Flanders, French elsewhere in the area. */
export const organisationLanguage = (region: string | null): 'fr' | 'nl' =>
  region === 'BE-VLG' ? 'nl' : 'fr';

/**
 * Why no consent covers a share, to tell the user what to record: the closest consent for this purpose
 * and recipient (not superseded) and what it lacks, or 'none' when there is no such consent at all.
 */
export function explainMissingConsent(
  consents: readonly ConsentTerms[],
  r: ShareRequest,
): { gap: ConsentGap | 'none'; missingFields: string[] } {
  const superseded = new Set(consents.map((c) => c.supersedesId).filter((id) => id !== null));
  const candidates = consents.filter(
    (c) => !superseded.has(c.id) && c.purpose === r.purpose && c.recipientOrgIds.includes(r.recipientOrgId),
  );
  if (candidates.length === 0) return { gap: 'none', missingFields: [] };
  // Prefer the consent that is only missing field groups (the easiest to complete), then the latest.
  const ranked = [...candidates].sort((a, b) => {
    const ga = consentGap(a, r) === 'missing_category' ? 0 : 1;
    const gb = consentGap(b, r) === 'missing_category' ? 0 : 1;
    return ga - gb || b.givenOn.localeCompare(a.givenOn);
  });
  const best = ranked[0] as ConsentTerms;
  return {
    gap: consentGap(best, r) ?? 'none',
    missingFields: r.fields.filter((f) => !best.dataCategories.includes(f)),
  };
}
