import { can } from '../../../../common/access/permissions';
import { localized } from '../../../../common/i18n/locales';
import {
  explainMissingConsent,
  findValidConsent,
  OVERRIDE_REASON_MIN,
  type SharePurpose,
} from '../../../../common/people/consent';
import type { ShareCheck } from '../../../../common/people/shared-schemas';
import type { Actor } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, validationFailed } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { today } from '../today';
import * as store from './store';

/**
 * The one door through which a person is shared with another organisation (referrals, placements and
 * every later module): what a share would rest on, the rule that decides it (a valid consent for purpose,
 * recipient and field groups, or an override with its permission and a reason), and the grant itself with
 * its audit entry. The database checks the grant again on every read (app.current_grants).
 */

/** Who shares: the home centre's staff member acting for it. */
export type Sharer = Pick<Actor, 'userId' | 'orgId' | 'roles' | 'language'>;

/** A share someone wants to make: whom, with whom, for what, which field groups. */
export interface Share {
  personId: string;
  recipientOrgId: string;
  purpose: SharePurpose;
  fields: readonly string[];
}

/**
 * The consent the share would rest on, or why none does. Reads the person's consents (the caller has
 * checked the person is its own) and the transaction's day, as the database's checks do.
 */
export async function previewShare(trx: Tx, share: Share): Promise<ShareCheck> {
  const request = { ...share, fields: [...new Set(share.fields)], today: await today(trx) };
  const consents = await store.personConsents(trx, share.personId);
  const consent = findValidConsent(consents, request);
  if (consent)
    return {
      consent: { id: consent.id, givenOn: consent.givenOn, expiresOn: consent.expiresOn },
      gap: null,
      missingFields: [],
    };
  return { consent: null, ...explainMissingConsent(consents, request) };
}

/** What a share rests on, as decided by shareBasis(): only the door makes these. */
export interface ShareBasis {
  readonly share: Share;
  readonly consent: { id: string; expiresOn: string | null } | null;
  readonly overrideReason: string | null;
}
const decided = new WeakSet<ShareBasis>();

/** An override reason as the rule reads it: trimmed, absent when blank, refused when too short. */
function overrideReasonOf(raw: string | null | undefined): string | null {
  const reason = raw?.trim() || null;
  if (reason !== null && reason.length < OVERRIDE_REASON_MIN)
    throw validationFailed([
      { path: 'overrideReason', code: 'validation.min_length', params: { limit: OVERRIDE_REASON_MIN } },
    ]);
  return reason;
}

/**
 * The basis of a share: the valid consent that covers it, or else the override (the consent.override
 * permission and a reason of at least OVERRIDE_REASON_MIN characters). Refuses otherwise, saying in the
 * sharer's language what the consents lack.
 */
export async function shareBasis(
  trx: Tx,
  sharer: Sharer,
  share: Share & { overrideReason?: string | null },
): Promise<ShareBasis> {
  const overrideReason = overrideReasonOf(share.overrideReason);
  const terms: Share = {
    personId: share.personId,
    recipientOrgId: share.recipientOrgId,
    purpose: share.purpose,
    fields: [...new Set(share.fields)],
  };
  const check = await previewShare(trx, terms);
  let basis: ShareBasis;
  if (check.consent)
    basis = {
      share: terms,
      consent: { id: check.consent.id, expiresOn: check.consent.expiresOn },
      overrideReason: null,
    };
  else if (overrideReason) {
    if (!can(sharer.roles, 'consent.override')) throw forbidden('people.shared.errors.override_forbidden');
    basis = { share: terms, consent: null, overrideReason };
  } else {
    const lang = sharer.language;
    const recipient = await store.organisationNames(trx, terms.recipientOrgId);
    throw conflict('people.shared.errors.consent_missing', {
      organisation: recipient ? localized(lang, recipient.name_fr, recipient.name_nl) : '',
      purpose: t(lang, `people.shared.purpose.${terms.purpose}`),
      detail: t(lang, `people.shared.consent_gap.${check.gap ?? 'none'}`, {
        fields: check.missingFields.map((f) => t(lang, `people.shared.field.${f}`)).join(', '),
      }),
    });
  }
  decided.add(basis);
  return basis;
}

/** The earlier of two ISO days, null standing for "no end". */
const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);

/** The record a grant comes with (the database ends the grant with it), and the table it lives in. */
const SOURCES = {
  referral: 'referrals',
  placement: 'placements',
  accompaniment_request: 'accompaniment_requests',
} as const;
export type GrantSource = keyof typeof SOURCES;

/**
 * The one write of a grant: the recipient may see the share's field groups of the person while the
 * source record lasts and the consent holds. An override is audited in the home centre's chain, on the
 * source record.
 */
export async function grantPersonAccess(
  trx: Tx,
  sharer: Sharer,
  grant: {
    basis: ShareBasis;
    source: GrantSource;
    sourceId: string;
    /** The last day the source allows access (a placement: its end plus grace); the consent may end sooner. */
    until?: string | null;
  },
): Promise<void> {
  const { basis, source, sourceId } = grant;
  // A basis not decided by shareBasis() (made up by a caller) would bypass the rule.
  if (!decided.has(basis)) throw new Error('grantPersonAccess needs a basis decided by shareBasis()');
  if (!sharer.orgId) throw forbidden();
  const { share } = basis;
  await store.insertGrant(trx, {
    org_id: sharer.orgId,
    person_id: share.personId,
    recipient_org_id: share.recipientOrgId,
    purpose: share.purpose,
    fields: [...share.fields],
    source,
    source_id: sourceId,
    consent_id: basis.consent?.id ?? null,
    override_reason: basis.overrideReason,
    created_by: sharer.userId,
    // The grant outlives neither the consent it rests on (checked again on every read) nor its source's end
    // (for a placement the database computes the same day, and moves it with the placement's dates).
    expires_on: earliest(basis.consent?.expiresOn ?? null, grant.until ?? null),
  });
  if (!basis.consent)
    await audit(trx, {
      action: 'override',
      entity: SOURCES[source],
      entityId: sourceId,
      detail: {
        personId: share.personId,
        recipientOrgId: share.recipientOrgId,
        purpose: share.purpose,
        fields: share.fields,
        reason: basis.overrideReason,
      },
    });
}
