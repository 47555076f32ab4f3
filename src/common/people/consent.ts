/**
 * Consent rules, shared by the server (referrals and placements refuse a share without a valid consent)
 * and the web (which consent a referral would rely on). Dates are ISO 'YYYY-MM-DD' strings, so they
 * compare as text.
 */

/** What a consent is given for (migration 0003 checks the same list). */
export const CONSENT_PURPOSES = [
  'placement',
  'referral',
  'immersion',
  'accompaniment',
  'network_statistics',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Field groups a consent (or a grant) can name: the same list as app.shareable_fields() in SQL. */
export const DATA_CATEGORIES = [
  'identity',
  'birth_date',
  'contact',
  'address',
  'languages',
  'benefit',
  'contract',
  'pathway',
  'mobility',
  // AB Réfugiés (migration 0052): each with its own consent, never implied by another group.
  'legal_status',
  'interpreter_need',
  'psychosocial',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const CONSENT_GIVERS = ['person', 'legal_representative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** The parts of a consent record the rules read. */
export interface ConsentTerms {
  id: string;
  purpose: string;
  dataCategories: readonly string[];
  recipientOrgIds: readonly string[];
  givenOn: string;
  expiresOn: string | null;
  withdrawnOn: string | null;
  supersedesId: string | null;
}

/** A share someone wants to make: for what, to whom, which field groups, on which day. */
export interface ShareRequest {
  purpose: string;
  recipientOrgId: string;
  fields: readonly string[];
  today: string;
}

/** Why a consent does not cover a share (first failing rule), or null when it does. */
export type ConsentGap =
  | 'withdrawn'
  | 'not_yet_valid'
  | 'expired'
  | 'other_purpose'
  | 'other_recipient'
  | 'missing_category';

export function consentGap(c: ConsentTerms, r: ShareRequest): ConsentGap | null {
  // Any withdrawal ends the consent: withdrawals are recorded on or before the day they are entered.
  if (c.withdrawnOn !== null) return 'withdrawn';
  if (c.givenOn > r.today) return 'not_yet_valid';
  if (c.expiresOn !== null && c.expiresOn < r.today) return 'expired';
  if (c.purpose !== r.purpose) return 'other_purpose';
  if (!c.recipientOrgIds.includes(r.recipientOrgId)) return 'other_recipient';
  if (!r.fields.every((f) => c.dataCategories.includes(f))) return 'missing_category';
  return null;
}

/** Whether this one consent, on its own terms, allows the share (ignores whether it was superseded). */
export const consentCovers = (c: ConsentTerms, r: ShareRequest): boolean => consentGap(c, r) === null;

/**
 * The consent a share can rely on: one that covers it and has not been replaced by a later record (a
 * change is a new record naming the one it supersedes, even when the new one covers less). When several
 * qualify, the most recently given wins.
 */
export function findValidConsent<C extends ConsentTerms>(consents: readonly C[], r: ShareRequest): C | null {
  const superseded = new Set(consents.map((c) => c.supersedesId).filter((id): id is string => id !== null));
  let best: C | null = null;
  for (const c of consents) {
    if (superseded.has(c.id) || !consentCovers(c, r)) continue;
    if (!best || c.givenOn > best.givenOn) best = c;
  }
  return best;
}

/** Whether a consent is in force today for its own purpose (for display: valid, expired, withdrawn...). */
export function consentStatus(
  c: ConsentTerms,
  today: string,
  supersededIds: ReadonlySet<string>,
): 'active' | 'withdrawn' | 'expired' | 'future' | 'superseded' {
  if (c.withdrawnOn !== null) return 'withdrawn';
  if (supersededIds.has(c.id)) return 'superseded';
  if (c.givenOn > today) return 'future';
  if (c.expiresOn !== null && c.expiresOn < today) return 'expired';
  return 'active';
}

/** An override of a missing consent must be explained (the database asks for the same length). */
export const OVERRIDE_REASON_MIN = 5;

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

/** What a person may be shared for (a grant's purpose; migration 0003 checks the same list). */
export const SHARE_PURPOSES = ['placement', 'referral', 'immersion', 'accompaniment'] as const;
export type SharePurpose = (typeof SHARE_PURPOSES)[number];
