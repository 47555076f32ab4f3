import { organisationLanguage } from '../../../../common/people/referral-rules';
import { programmeOpenFor } from '../../../../common/placements/agreement-rules';
import type { PlacementCreateBody, PlacementView } from '../../../../common/placements/agreement-schemas';
import {
  conventionProblems,
  countryOfRegion,
  sortedTimetable,
  timetableHours,
} from '../../../../common/placements/convention-terms';
import { hostAccessEnd } from '../../../../common/placements/followup-rules';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { normalisePhone } from '../../../../common/validation/identifiers';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { grantPersonAccess, shareBasis } from '../../people';
import { findOffer } from '../offers/store';
import { today } from '../today';
import * as store from './store';
import { insertPlacement } from './store-writes';
import { checkTerms } from './validate';
import { loadView } from './view';

const nonEmpty = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The offer's tasks in the agreement's language, or in the other one when that is all there is. */
const offerTasks = (o: OfferDetail, language: 'fr' | 'nl') =>
  nonEmpty(language === 'nl' ? (o.tasksNl ?? o.tasksFr) : (o.tasksFr ?? o.tasksNl)) ?? null;

/**
 * A new draft agreement for one of the home centre's persons, from an offer (its terms are the defaults)
 * or naming the host. The draft creates the host's grant on the person, resting on a consent for
 * 'placement' to that host and those field groups (or an audited override); the database ends the grant
 * with the agreement.
 */
export async function createPlacement(trx: Tx, actor: Actor, body: PlacementCreateBody): Promise<string> {
  requirePermission(actor, 'placement.manage');
  const orgId = actor.orgId;
  if (!orgId) throw forbidden();
  const person = await store.findOwnPerson(trx, body.personId);
  if (!person || person.org_id !== orgId) throw notFound('placements.agreements.errors.person_not_found');
  if (person.status !== 'active') throw conflict('placements.agreements.errors.person_archived');

  let offer: OfferDetail | undefined;
  if (body.offerId) {
    offer = await findOffer(trx, body.offerId);
    if (!offer)
      throw validationFailed([{ path: 'offerId', code: 'placements.agreements.errors.offer_unknown' }]);
    if (offer.status !== 'open')
      throw validationFailed([{ path: 'offerId', code: 'placements.agreements.errors.offer_closed' }]);
    if (body.hostOrgId && body.hostOrgId !== offer.orgId)
      throw validationFailed([{ path: 'hostOrgId', code: 'placements.agreements.errors.host_not_offer' }]);
  }
  const required: FieldError[] = [];
  const need = <T>(path: string, v: T | null | undefined): T => {
    if (v === undefined || v === null || v === '') required.push({ path, code: 'validation.required' });
    return v as T;
  };
  const hostOrgId = need('hostOrgId', body.hostOrgId ?? offer?.orgId);
  const siteName = need('siteName', nonEmpty(body.siteName) ?? offer?.siteName);
  const municipalityCode = need('municipalityCode', body.municipalityCode ?? offer?.municipalityCode);
  const startsOn = need('startsOn', body.startsOn ?? offer?.startsOn);
  const endsOn = need('endsOn', body.endsOn ?? offer?.endsOn);
  if (required.length) throw validationFailed(required);

  if (hostOrgId === orgId)
    throw validationFailed([{ path: 'hostOrgId', code: 'placements.agreements.errors.host_self' }]);
  const host = await store.findOrganisation(trx, hostOrgId);
  if (!host)
    throw validationFailed([{ path: 'hostOrgId', code: 'placements.agreements.errors.host_unknown' }]);
  if (host.status !== 'active')
    throw validationFailed([{ path: 'hostOrgId', code: 'placements.agreements.errors.host_closed' }]);

  const home = await store.findOrganisation(trx, orgId);
  const preferred = person.preferred_language;
  const language =
    body.language ??
    (preferred === 'fr' || preferred === 'nl' ? preferred : organisationLanguage(home?.region ?? null));
  const signatory = body.signatory ?? 'person';
  // The offer's tutor is a default only: one who left the host's staff is dropped, not an error.
  let tutorUserId = body.tutorUserId ?? null;
  if (!tutorUserId && offer?.tutorUserId) {
    const tutors = await store.hostTutors(trx, hostOrgId);
    if (tutors.some((u) => u.user_id === offer.tutorUserId)) tutorUserId = offer.tutorUserId;
  }
  const terms = {
    personId: person.id,
    hostOrgId,
    municipalityCode,
    startsOn,
    endsOn,
    tutorUserId: body.tutorUserId ?? null,
    programmeId:
      body.programmeId === undefined
        ? await openOfferProgramme(trx, offer?.programmeId ?? null, startsOn, endsOn)
        : body.programmeId,
    pathwayId: body.pathwayId ?? null,
    signatory,
    representativeName: body.representativeName ?? null,
  };
  await checkTerms(trx, terms);
  // The convention's structured terms: the offer's timetable, job code and equipment are the defaults.
  const convention = {
    timetable: body.timetable ?? offer?.timetable ?? null,
    hoursPerWeek: body.hoursPerWeek ?? offer?.hoursPerWeek ?? null,
    jobCodeKind: body.jobCodeKind ?? (body.jobCode ? undefined : offer?.jobCodeKind) ?? null,
    jobCode: nonEmpty(body.jobCode) ?? (body.jobCodeKind ? null : offer?.jobCode) ?? null,
    emergencyContactName: nonEmpty(body.emergencyContactName),
    emergencyContactPhone: nonEmpty(body.emergencyContactPhone),
  };
  const conventionErrors = conventionProblems(convention, countryOfRegion(home?.region ?? null));
  if (conventionErrors.length) throw validationFailed(conventionErrors);

  // What the host will see of the person rests on a consent for 'placement', or on an audited override.
  const basis = await shareBasis(trx, actor, {
    personId: person.id,
    recipientOrgId: hostOrgId,
    purpose: 'placement',
    fields: body.sharedFields,
    overrideReason: body.overrideReason,
  });
  const id = await insertPlacement(trx, {
    org_id: orgId,
    person_id: person.id,
    pathway_id: terms.pathwayId,
    host_org_id: hostOrgId,
    offer_id: offer?.id ?? null,
    programme_id: terms.programmeId,
    site_name: siteName,
    municipality_code: municipalityCode,
    tasks: nonEmpty(body.tasks) ?? (offer ? offerTasks(offer, language) : null),
    schedule: nonEmpty(body.schedule) ?? offer?.schedule ?? null,
    hours_per_week:
      convention.hoursPerWeek ?? (convention.timetable ? timetableHours(convention.timetable) : null),
    timetable: convention.timetable ? JSON.stringify(sortedTimetable(convention.timetable)) : null,
    aim: body.aim ?? null,
    job_code_kind: convention.jobCodeKind,
    job_code: convention.jobCode?.toUpperCase() ?? null,
    protective_equipment: nonEmpty(body.protectiveEquipment) ?? offer?.protectiveEquipment ?? null,
    emergency_contact_name: convention.emergencyContactName,
    emergency_contact_phone: convention.emergencyContactPhone
      ? normalisePhone(convention.emergencyContactPhone, countryOfRegion(home?.region ?? null))
      : null,
    emergency_contact_relation: nonEmpty(body.emergencyContactRelation),
    accident_insurance_ref: nonEmpty(body.accidentInsuranceRef),
    liability_insurance_ref: nonEmpty(body.liabilityInsuranceRef),
    starts_on: startsOn,
    ends_on: endsOn,
    referent_user_id: actor.userId,
    tutor_user_id: tutorUserId,
    signatory,
    representative_name: signatory === 'legal_representative' ? nonEmpty(body.representativeName) : null,
    language,
    shared_fields: [...basis.share.fields],
    consent_id: basis.consent?.id ?? null,
    override_reason: basis.overrideReason,
    created_by: actor.userId,
  });
  // The host's access ends with the placement (plus the grace for the final evaluation), not with the consent.
  const until = hostAccessEnd({ endsOn });
  await grantPersonAccess(trx, actor, { basis, source: 'placement', sourceId: id, until });
  return id;
}

/**
 * The offer's programme as the draft's default, only when it is open on the placement's dates: an ended
 * programme is never preselected, and when none is open the agreement simply has none.
 */
async function openOfferProgramme(
  trx: Tx,
  programmeId: string | null,
  startsOn: string,
  endsOn: string,
): Promise<string | null> {
  const p = programmeId ? await store.findProgramme(trx, programmeId) : undefined;
  if (!p) return null;
  const open = programmeOpenFor(
    { start: p.starts_on, end: p.ends_on },
    { start: startsOn, end: endsOn },
    await today(trx),
  );
  return open ? p.id : null;
}

/** POST /api/placements: the new draft as the home centre sees it. */
export async function createPlacementView(
  trx: Tx,
  actor: Actor,
  body: PlacementCreateBody,
): Promise<PlacementView> {
  return loadView(trx, actor, await createPlacement(trx, actor, body));
}
