import type { Tx } from '../../../platform/db/context';

/**
 * Whether a share of this person needs the guardian's consent it lacks: a person recorded as an
 * unaccompanied minor may be shared only on a consent given by their legal representative (the guardian);
 * anyone else on any valid consent. Read as the person's home organisation (RLS); a person without a
 * newcomer record is not a recorded minor. Called by the teams part when a request is sent.
 */
export async function guardianConsentGap(
  trx: Tx,
  personId: string,
  consent: { givenBy: string } | null,
): Promise<null | 'guardian_consent_required'> {
  const p = await trx
    .selectFrom('newcomer_profiles')
    .select('category')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (p?.category !== 'unaccompanied_minor') return null;
  return consent?.givenBy === 'legal_representative' ? null : 'guardian_consent_required';
}
