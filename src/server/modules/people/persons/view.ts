import type { BirthDatePrecision, PersonDetail, PersonListItem } from '../../../../common/people/schemas';
import { type Actor, actorCan } from '../../../platform/actor';
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

/** The home organisation's record, with the national identifier already masked (national-id.ts). */
export function toDetail(r: PersonRow, actor: Actor, nationalIdMasked: string | null): PersonDetail {
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
    nationalIdMasked,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    // A restricted or anonymised record takes no write (the database refuses them too, migration 0065).
    canManage: actorCan(actor, 'person.manage') && !r.restricted_at && !r.anonymised_at,
    canReassign: actorCan(actor, 'person.manage') && actorCan(actor, 'person.view_all_caseloads'),
    restriction:
      r.restricted_at && r.restriction_reason
        ? { since: new Date(r.restricted_at).toISOString(), reason: r.restriction_reason }
        : null,
    anonymisedAt: r.anonymised_at ? new Date(r.anonymised_at).toISOString() : null,
  };
}
