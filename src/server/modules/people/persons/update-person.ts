import type { Updateable } from 'kysely';
import { storedBirthDate } from '../../../../common/people/rules';
import type { BirthDatePrecision, PersonDetail, PersonPatchBody } from '../../../../common/people/schemas';
import { type Actor, actorCan } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden } from '../../../platform/errors';
import type { Secrets } from '../../../platform/secrets';
import type { PersonsTable } from '../tables';
import { homeOrg } from './access';
import { loadPerson } from './get-person';
import { maskedNationalId, sealNationalId } from './national-id';
import { participantCode } from './participant-code';
import * as store from './store';
import { spokenLanguages, text, validatePerson } from './validate';
import { toDetail } from './view';

const has = <K extends keyof PersonPatchBody>(b: PersonPatchBody, k: K) => b[k] !== undefined;

/**
 * Changes a person's record. A new name, birth date or precision recomputes the participant code (an
 * estimated date corrected within its year keeps it, see participant-code.ts); giving the person
 * to another referent (or to none) needs the right to see every caseload.
 */
export async function updatePerson(
  trx: Tx,
  actor: Actor,
  secrets: Secrets,
  id: string,
  b: PersonPatchBody,
): Promise<PersonDetail> {
  const current = await loadPerson(trx, actor, id, 'person.manage');
  const org = homeOrg(actor);
  const reassigning = has(b, 'referentUserId') && b.referentUserId !== current.referent_user_id;
  if (reassigning && !actorCan(actor, 'person.view_all_caseloads')) throw forbidden();
  const precision = b.birthDatePrecision ?? (current.birth_date_precision as BirthDatePrecision);
  const merged = {
    firstName: has(b, 'firstName') ? (b.firstName?.trim() ?? '') : current.first_name,
    lastName: has(b, 'lastName') ? (b.lastName?.trim() ?? '') : current.last_name,
    birthDate: storedBirthDate(b.birthDate ?? current.birth_date, precision),
    spokenLanguages: b.spokenLanguages,
    benefitSince: has(b, 'benefitSince') ? b.benefitSince : current.benefit_since,
    benefitUntil: has(b, 'benefitUntil') ? b.benefitUntil : current.benefit_until,
    contractSignedOn: has(b, 'contractSignedOn') ? b.contractSignedOn : current.contract_signed_on,
    contractNextEvaluationOn: has(b, 'contractNextEvaluationOn')
      ? b.contractNextEvaluationOn
      : current.contract_next_evaluation_on,
  };
  const { nationalId } = await validatePerson(trx, org, {
    ...merged,
    nationalId: b.nationalId,
    referentUserId: reassigning ? b.referentUserId : null,
  });
  const set: Updateable<PersonsTable> = {};
  if (has(b, 'firstName')) set.first_name = merged.firstName;
  if (has(b, 'lastName')) set.last_name = merged.lastName;
  const identityChanged =
    has(b, 'firstName') ||
    has(b, 'lastName') ||
    b.birthDate !== undefined ||
    b.birthDatePrecision !== undefined;
  if (b.birthDate !== undefined || b.birthDatePrecision !== undefined) {
    set.birth_date = merged.birthDate;
    set.birth_date_precision = precision;
  }
  if (has(b, 'nationality')) set.nationality = b.nationality ?? null;
  if (b.spokenLanguages !== undefined)
    set.spoken_languages = JSON.stringify(spokenLanguages(b.spokenLanguages));
  if (has(b, 'interpreterNeed'))
    set.interpreter_need = b.interpreterNeed ? JSON.stringify(b.interpreterNeed) : null;
  if (has(b, 'sex')) set.sex = b.sex ?? null;
  for (const [key, column] of [
    ['email', 'email'],
    ['phone', 'phone'],
    ['street', 'street'],
    ['postalCode', 'postal_code'],
    ['municipalityCode', 'municipality_code'],
  ] as const)
    if (has(b, key)) set[column] = text(b[key]);
  if (b.languages !== undefined) set.languages = JSON.stringify(b.languages);
  if (b.preferredLanguage !== undefined) set.preferred_language = b.preferredLanguage;
  if (b.benefit !== undefined) set.benefit = b.benefit;
  if (has(b, 'benefitSince')) set.benefit_since = b.benefitSince ?? null;
  if (has(b, 'benefitUntil')) set.benefit_until = b.benefitUntil ?? null;
  if (b.contractType !== undefined) set.contract_type = b.contractType;
  if (has(b, 'contractSignedOn')) set.contract_signed_on = b.contractSignedOn ?? null;
  if (has(b, 'contractNextEvaluationOn'))
    set.contract_next_evaluation_on = b.contractNextEvaluationOn ?? null;
  if (has(b, 'nationalId')) Object.assign(set, await sealNationalId(trx, secrets, nationalId));
  if (reassigning) set.referent_user_id = b.referentUserId ?? null;
  if (b.status !== undefined) set.status = b.status;
  if (identityChanged)
    set.participant_code = participantCode(secrets.networkSecret, {
      firstName: merged.firstName,
      lastName: merged.lastName,
      birthDate: merged.birthDate,
      birthDatePrecision: precision,
    });
  if (Object.keys(set).length) await store.updatePerson(trx, id, set);
  const row = await store.getPerson(trx, id, { all: true });
  if (!row) throw new Error('updated person not readable');
  return toDetail(row, actor, await maskedNationalId(trx, secrets, row.national_id_enc));
}
