import { maskNationalId } from '../../../../common/people/rules';
import type { BirthDatePrecision, PersonDetail, PersonListItem } from '../../../../common/people/schemas';
import { type Actor, actorCan } from '../../../platform/actor';
import { decryptField } from '../../../platform/crypto';
import type { PersonRow } from './store';

export const toListItem = (r: PersonRow): PersonListItem => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  birthDate: r.birth_date,
  birthDatePrecision: r.birth_date_precision as BirthDatePrecision,
  participantCode: r.participant_code,
  municipalityCode: r.municipality_code,
  municipalityNameFr: r.municipality_name_fr,
  municipalityNameNl: r.municipality_name_nl,
  referentUserId: r.referent_user_id,
  referentName: r.referent_name,
  benefit: r.benefit,
  contractType: r.contract_type,
  contractNextEvaluationOn: r.contract_next_evaluation_on,
  status: r.status,
});

/** The home organisation's record. The national identifier is decrypted only to be masked. */
export function toDetail(r: PersonRow, actor: Actor, secretKey: Buffer): PersonDetail {
  return {
    ...toListItem(r),
    orgId: r.org_id,
    sex: (r.sex as PersonDetail['sex']) ?? null,
    email: r.email,
    phone: r.phone,
    street: r.street,
    postalCode: r.postal_code,
    languages: r.languages ?? {},
    spokenLanguages: r.spoken_languages ?? [],
    nationality: r.nationality ?? null,
    interpreterNeed: r.interpreter_need ?? null,
    preferredLanguage: r.preferred_language,
    benefitSince: r.benefit_since,
    benefitUntil: r.benefit_until,
    contractSignedOn: r.contract_signed_on,
    nationalIdMasked: r.national_id_enc ? maskNationalId(decryptField(r.national_id_enc, secretKey)) : null,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    canManage: actorCan(actor, 'person.manage'),
    canReassign: actorCan(actor, 'person.manage') && actorCan(actor, 'person.view_all_caseloads'),
  };
}
