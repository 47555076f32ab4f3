/**
 * Outreach contacts (issue 14): what a pseudonym may not be, and how persons reached are counted without
 * double counting (app.ind_outreach_contacts_* in migration 0056 count the same way).
 */
export const AGE_BANDS = ['under_18', '18_25', '26_35', '36_50', '51_64', '65_plus', 'unknown'] as const;
export const NEEDS = [
  'food',
  'shelter',
  'health',
  'legal_information',
  'administrative',
  'language',
  'psychosocial',
  'other',
] as const;

/**
 * Why a pseudonym is refused: it looks like an e-mail, a phone number or a national number (four digits or
 * more anywhere — a nickname has none of these). The database refuses the same.
 */
export function pseudonymProblem(
  p: string | null | undefined,
): 'looks_like_email' | 'looks_like_number' | null {
  if (!p) return null;
  if (p.includes('@')) return 'looks_like_email';
  if ((p.match(/[0-9]/g) ?? []).length >= 4) return 'looks_like_number';
  return null;
}

export interface CountedContact {
  id: string;
  orgId: string;
  pseudonym: string | null;
  /** The participant code of the linked person, if linked. */
  participantCode: string | null;
}

/** The key a contact is counted under: the linked person, else the pseudonym in its organisation, else itself. */
export function reachedKey(c: CountedContact): string {
  if (c.participantCode) return `person:${c.participantCode}`;
  if (c.pseudonym?.trim()) return `pseudonym:${c.orgId}:${c.pseudonym.trim().toLowerCase()}`;
  return `contact:${c.id}`;
}

/** Persons reached: in total and per organisation (a person reached by two organisations counts once in total). */
export function countReached(contacts: readonly CountedContact[]): {
  total: number;
  byOrg: Record<string, number>;
} {
  const all = new Set<string>();
  const per = new Map<string, Set<string>>();
  for (const c of contacts) {
    const k = reachedKey(c);
    all.add(k);
    if (!per.has(c.orgId)) per.set(c.orgId, new Set());
    per.get(c.orgId)!.add(k);
  }
  return { total: all.size, byOrg: Object.fromEntries([...per].map(([o, s]) => [o, s.size])) };
}
