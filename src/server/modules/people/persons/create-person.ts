import { createHash } from 'node:crypto';
import { personRuleErrors, storedBirthDate } from '../../../../common/people/rules';
import type {
  DuplicateCandidate,
  DuplicateCheck,
  PersonCreateBody,
  PersonCreated,
  PersonIdentityBody,
} from '../../../../common/people/schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { audit, auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { forbidden, validationFailed } from '../../../platform/errors';
import type { Secrets } from '../../../platform/secrets';
import { today } from '../today';
import { homeOrg } from './access';
import { maskedNationalId, nationalIdIndex, sealNationalId } from './national-id';
import { participantCode } from './participant-code';
import * as store from './store';
import { spokenLanguages, text, validatePerson } from './validate';
import { toDetail } from './view';

/** Possible duplicates of an identity in the actor's organisation (their names are an audited read). */
async function findDuplicates(
  trx: Tx,
  code: string,
  identity: PersonIdentityBody,
  what: string,
  nationalIdBidx?: string,
): Promise<DuplicateCandidate[]> {
  const duplicates = await store.findDuplicates(trx, {
    code,
    nationalIdBidx,
    firstName: identity.firstName?.trim() ?? '',
    lastName: identity.lastName?.trim() ?? '',
    birthDate: identity.birthDate,
    approximate: (identity.birthDatePrecision ?? 'exact') !== 'exact',
  });
  await auditPersonRead(trx, { personIds: duplicates.map((d) => d.id), what });
  return duplicates;
}

/** The identity as stored (a year-only date as 1 January), after the name and date rules. */
async function checkIdentity(trx: Tx, body: PersonIdentityBody): Promise<PersonIdentityBody> {
  const identity = {
    firstName: body.firstName?.trim() ?? '',
    lastName: body.lastName?.trim() ?? '',
    birthDate: storedBirthDate(body.birthDate, body.birthDatePrecision),
    birthDatePrecision: body.birthDatePrecision ?? 'exact',
  };
  const errors = personRuleErrors(
    { firstName: identity.firstName, lastName: identity.lastName, birthDate: identity.birthDate },
    await today(trx),
  );
  if (errors.length) throw validationFailed(errors);
  return identity;
}

/**
 * The check of the creation form: possible duplicates in the actor's organisation, and whether another
 * centre of the network follows someone with the same participant code. Telling that a named person is
 * a client of another centre is itself sensitive, so the route is throttled per user (routes.ts), every
 * check is audited (the participant code's hash, never the name or birth date), and only a coordinator
 * learns how many centres: a referent learns "one or more" and is asked to see their coordinator.
 */
export async function checkDuplicates(
  trx: Tx,
  actor: Actor,
  secrets: Secrets,
  body: PersonIdentityBody,
): Promise<DuplicateCheck> {
  requirePermission(actor, 'person.manage');
  homeOrg(actor);
  const identity = await checkIdentity(trx, body);
  const code = participantCode(secrets.networkSecret, identity);
  const duplicates = await findDuplicates(trx, code, identity, 'duplicate_check');
  const elsewhere = await store.knownElsewhere(trx, code);
  await audit(trx, {
    action: 'lookup',
    entity: 'participant_codes',
    detail: {
      purpose: 'known_elsewhere',
      codeHash: createHash('sha256').update(code).digest('hex'),
      knownElsewhere: elsewhere > 0,
    },
  });
  return {
    duplicates,
    knownElsewhere: elsewhere > 0,
    ...(elsewhere > 0 && actorCan(actor, 'person.known_elsewhere') ? { elsewhereCount: elsewhere } : {}),
  };
}

/**
 * Registers a person in the actor's organisation. Possible duplicates do not block creation (the same
 * name and birth date may be two people): they are returned so that the referent can check.
 */
export async function createPerson(
  trx: Tx,
  actor: Actor,
  secrets: Secrets,
  body: PersonCreateBody,
): Promise<PersonCreated> {
  requirePermission(actor, 'person.manage');
  const org = homeOrg(actor);
  const referentUserId = body.referentUserId ?? actor.userId;
  // Giving a caseload to someone else is a coordinator's decision.
  if (referentUserId !== actor.userId && !actorCan(actor, 'person.view_all_caseloads')) throw forbidden();
  const identity = {
    firstName: body.firstName?.trim() ?? '',
    lastName: body.lastName?.trim() ?? '',
    birthDate: storedBirthDate(body.birthDate, body.birthDatePrecision),
    birthDatePrecision: body.birthDatePrecision ?? 'exact',
  };
  const { nationalId } = await validatePerson(trx, org, {
    ...body,
    ...identity,
    referentUserId,
  });
  const code = participantCode(secrets.networkSecret, identity);
  // The network is not asked again here: the creation form's check did (throttled, audited).
  // The same national identifier in the organisation is a duplicate whatever the name (blind index).
  const duplicates = await findDuplicates(
    trx,
    code,
    identity,
    'person_created',
    nationalId ? await nationalIdIndex(trx, secrets, nationalId) : undefined,
  );
  const id = await store.insertPerson(trx, {
    org_id: org.orgId,
    first_name: identity.firstName,
    last_name: identity.lastName,
    birth_date: identity.birthDate,
    birth_date_precision: identity.birthDatePrecision,
    nationality: body.nationality ?? null,
    sex: body.sex ?? null,
    email: text(body.email),
    phone: text(body.phone),
    street: text(body.street),
    postal_code: text(body.postalCode),
    municipality_code: text(body.municipalityCode),
    languages: JSON.stringify(body.languages ?? {}),
    spoken_languages: JSON.stringify(spokenLanguages(body.spokenLanguages)),
    interpreter_need: body.interpreterNeed ? JSON.stringify(body.interpreterNeed) : null,
    preferred_language: body.preferredLanguage ?? actor.language,
    benefit: body.benefit ?? 'none',
    benefit_since: body.benefitSince ?? null,
    benefit_until: body.benefitUntil ?? null,
    contract_type: body.contractType ?? 'none',
    contract_signed_on: body.contractSignedOn ?? null,
    contract_next_evaluation_on: body.contractNextEvaluationOn ?? null,
    ...(await sealNationalId(trx, secrets, nationalId)),
    participant_code: code,
    referent_user_id: referentUserId,
  });
  const row = await store.getPerson(trx, id, { all: true });
  if (!row) throw new Error('created person not readable');
  return {
    person: toDetail(row, actor, await maskedNationalId(trx, secrets, row.national_id_enc)),
    duplicates,
  };
}
