import type { FieldError } from '../validation/errors';
import { validateNationalId } from '../validation/identifiers';

/** Rules across fields that a schema cannot express, shared by the API and the forms. Dates are ISO. */

export interface PersonDates {
  /** Checked when present in the object (a create, or a patch that touches a name): one is needed. */
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
  spokenLanguages?: ReadonlyArray<{ code: string; dialect?: string | null; main?: boolean | null }> | null;
  benefitSince?: string | null;
  benefitUntil?: string | null;
  contractSignedOn?: string | null;
  contractNextEvaluationOn?: string | null;
}

export function personRuleErrors(v: PersonDates, today: string): FieldError[] {
  const out: FieldError[] = [];
  // A single name is enough (mononymous persons), but a record needs one.
  if (('firstName' in v || 'lastName' in v) && !v.firstName?.trim() && !v.lastName?.trim())
    out.push({ path: 'firstName', code: 'people.persons.errors.name_required' });
  if (v.birthDate && v.birthDate > today)
    out.push({ path: 'birthDate', code: 'people.persons.errors.birth_future' });
  else if (v.birthDate && v.birthDate < '1900-01-01')
    out.push({ path: 'birthDate', code: 'people.persons.errors.birth_too_old' });
  if (v.benefitSince && v.benefitUntil && v.benefitUntil < v.benefitSince)
    out.push({ path: 'benefitUntil', code: 'people.persons.errors.benefit_dates' });
  if (v.contractSignedOn && v.contractNextEvaluationOn && v.contractNextEvaluationOn < v.contractSignedOn)
    out.push({ path: 'contractNextEvaluationOn', code: 'people.persons.errors.contract_dates' });
  const seen = new Set<string>();
  let mains = 0;
  for (const [i, l] of (v.spokenLanguages ?? []).entries()) {
    const key = `${l.code}|${(l.dialect ?? '').trim().toLowerCase()}`;
    if (seen.has(key))
      out.push({ path: `spokenLanguages.${i}.code`, code: 'people.persons.errors.spoken_language_twice' });
    seen.add(key);
    if (l.main && ++mains === 2)
      out.push({ path: `spokenLanguages.${i}.main`, code: 'people.persons.errors.spoken_language_main' });
  }
  return out;
}

/**
 * A birth date as stored for its precision: a year-only date is the first of January of that year
 * (the day and month given are not kept).
 */
export const storedBirthDate = (birthDate: string, precision: string | undefined | null) =>
  precision === 'year' ? `${birthDate.slice(0, 4)}-01-01` : birthDate.slice(0, 10);

/** The national identifier checked against the rules of the organisation's country, or a field error. */
export function checkNationalId(
  country: 'FR' | 'BE',
  value: string,
): { ok: true; value: string } | { ok: false; error: FieldError } {
  const r = validateNationalId(country, value);
  if (r.ok) return r;
  return {
    ok: false,
    error: { path: 'nationalId', code: `people.persons.errors.national_id_${r.code}`, params: { country } },
  };
}

/** Only the last three characters of a national identifier are ever shown. */
export const maskNationalId = (value: string) =>
  `${'•'.repeat(Math.max(0, value.length - 3))}${value.slice(-3)}`;

export interface ConsentForm {
  givenBy?: string;
  representativeName?: string | null;
  givenOn?: string;
  expiresOn?: string | null;
}

export function consentRuleErrors(v: ConsentForm): FieldError[] {
  const out: FieldError[] = [];
  const name = v.representativeName?.trim();
  if (v.givenBy === 'legal_representative' && !name)
    out.push({ path: 'representativeName', code: 'people.consents.errors.representative_required' });
  if (v.givenBy === 'person' && name)
    out.push({ path: 'representativeName', code: 'people.consents.errors.representative_only' });
  if (v.givenOn && v.expiresOn && v.expiresOn < v.givenOn)
    out.push({ path: 'expiresOn', code: 'people.consents.errors.expiry_before_given' });
  return out;
}

export function withdrawalRuleErrors(withdrawnOn: string, givenOn: string, today: string): FieldError[] {
  if (withdrawnOn > today) return [{ path: 'withdrawnOn', code: 'people.consents.errors.withdrawal_future' }];
  if (withdrawnOn < givenOn)
    return [{ path: 'withdrawnOn', code: 'people.consents.errors.withdrawal_before_given' }];
  return [];
}
