import type { Updateable } from 'kysely';
import type { PersonDetail, PersonPatchBody } from '../../../../common/people/schemas';
import { type Actor, actorCan } from '../../../platform/actor';
import { encryptField } from '../../../platform/crypto';
import type { Tx } from '../../../platform/db/context';
import { forbidden } from '../../../platform/errors';
import type { Secrets } from '../../../platform/secrets';
import type { PersonsTable } from '../tables';
import { homeOrg } from './access';
import { loadPerson } from './get-person';
import { participantCode } from './participant-code';
import * as store from './store';
import { text, validatePerson } from './validate';
import { toDetail } from './view';

const has = <K extends keyof PersonPatchBody>(b: PersonPatchBody, k: K) => b[k] !== undefined;

/**
 * Changes a person's record. A new name or birth date recomputes the participant code; giving the person
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
  const merged = {
    birthDate: b.birthDate ?? current.birth_date,
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
  if (b.firstName !== undefined) set.first_name = b.firstName.trim();
  if (b.lastName !== undefined) set.last_name = b.lastName.trim();
  if (b.birthDate !== undefined) set.birth_date = b.birthDate;
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
  if (has(b, 'nationalId'))
    set.national_id_enc = nationalId ? encryptField(nationalId, secrets.secretKey) : null;
  if (reassigning) set.referent_user_id = b.referentUserId ?? null;
  if (b.status !== undefined) set.status = b.status;
  if (b.firstName !== undefined || b.lastName !== undefined || b.birthDate !== undefined)
    set.participant_code = participantCode(secrets.networkSecret, {
      firstName: set.first_name ?? current.first_name,
      lastName: set.last_name ?? current.last_name,
      birthDate: merged.birthDate,
    });
  if (Object.keys(set).length) await store.updatePerson(trx, id, set);
  const row = await store.getPerson(trx, id, { all: true });
  if (!row) throw new Error('updated person not readable');
  return toDetail(row, actor, secrets.secretKey);
}
