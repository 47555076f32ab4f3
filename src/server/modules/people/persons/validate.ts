import { checkNationalId, personRuleErrors } from '../../../../common/people/rules';
import type { PersonCreateBody, SpokenLanguage } from '../../../../common/people/schemas';
import type { FieldError } from '../../../../common/validation/errors';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { today } from '../today';
import { isReferentOf } from './store';

export interface PersonChecks {
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
  spokenLanguages?: PersonCreateBody['spokenLanguages'] | null;
  benefitSince?: string | null;
  benefitUntil?: string | null;
  contractSignedOn?: string | null;
  contractNextEvaluationOn?: string | null;
  nationalId?: string | null;
  referentUserId?: string | null;
}

/**
 * Checks what the schema cannot (date order, national identifier checksum, referent membership) and
 * reports every problem at once. Returns the normalised national identifier when one was given.
 */
export async function validatePerson(
  trx: Tx,
  org: { orgId: string; country: 'FR' | 'BE' },
  v: PersonChecks,
): Promise<{ nationalId: string | null }> {
  const errors: FieldError[] = personRuleErrors(v, await today(trx));
  let nationalId: string | null = null;
  if (v.nationalId) {
    const r = checkNationalId(org.country, v.nationalId);
    if (r.ok) nationalId = r.value;
    else errors.push(r.error);
  }
  if (v.referentUserId && !(await isReferentOf(trx, org.orgId, v.referentUserId)))
    errors.push({ path: 'referentUserId', code: 'people.persons.errors.referent_not_member' });
  if (errors.length) throw validationFailed(errors);
  return { nationalId };
}

/** Optional text as stored: trimmed, empty means absent. */
export const text = (s: string | null | undefined) => {
  const t = s?.trim();
  return t ? t : null;
};

/** Spoken languages as stored: dialects trimmed, `main` only where true. */
export const spokenLanguages = (list: readonly SpokenLanguage[] | undefined): SpokenLanguage[] =>
  (list ?? []).map((l) => ({
    code: l.code,
    ...(l.dialect?.trim() ? { dialect: l.dialect.trim() } : {}),
    literacy: l.literacy,
    ...(l.main ? { main: true } : {}),
  }));
