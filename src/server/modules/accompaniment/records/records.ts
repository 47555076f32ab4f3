import type {
  GuardianInput,
  HouseholdInput,
  IntegrationInput,
  IntegrationScheme,
  NewcomerRecord,
  ProfileInput,
  PsychosocialInput,
  StatusEventInput,
} from '../../../../common/accompaniment/records-schemas';
import {
  daysBetween,
  deriveStatus,
  historyError,
  type NewcomerCategory,
  type StatusEvent,
} from '../../../../common/accompaniment/records-status';
import { type Actor, actorCan } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, validationFailed } from '../../../platform/errors';
import { type EncryptedField, type MasterKeys, sealText } from '../../../platform/keys/field-cipher';
import { loadPersonFor } from '../../people';
import * as store from './store';

/**
 * The newcomer record of a person (issue 14): read with `person.view`, written with `person.manage`, for
 * persons of the actor's own organisation and caseload (as the person page). Another organisation's person
 * is a 404. Rules live in src/common/accompaniment/records-status.ts.
 */
export const E = (code: string) => `accompaniment.records.errors.${code}`;
const clean = (s: string | null | undefined) => s?.trim() || null;

/** The scheme of the organisation's side: the CIR in France, the Walloon or Flemish path in Belgium. */
async function suggestedScheme(trx: Tx, actor: Actor): Promise<IntegrationScheme | null> {
  if (actor.orgCountry === 'FR') return 'fr_cir';
  if (actor.orgCountry !== 'BE' || !actor.orgId) return null;
  const o = await trx
    .selectFrom('organisations')
    .select('municipality_code')
    .where('id', '=', actor.orgId)
    .executeTakeFirst();
  // Flemish municipalities (NIS codes 1xxxx except Brussels, 3xxxx, 4xxxx, 7xxxx): inburgering.
  const nis = o?.municipality_code?.slice(3, 4);
  return nis && ['1', '3', '4', '7'].includes(nis) ? 'vl_inburgering' : 'wal_parcours';
}

const REFERRED_TO = 'newcomer_profiles.psychosocial_referred_to' as const;
const GUARDIAN_NAME = 'newcomer_profiles.guardian_name' as const;
const GUARDIAN_CONTACT = 'newcomer_profiles.guardian_contact' as const;
const EVENT_NOTE = 'newcomer_status_events.note' as const;

/** Opens the record's sealed texts (ADR 0037, 0038); the keys are fetched only when one is there. */
async function recordOpener(
  trx: Tx,
  masters: MasterKeys,
  personId: string,
  sealed: readonly (string | null)[],
) {
  const opener = sealed.some(Boolean) ? await store.newcomerOpener(trx, masters, personId) : null;
  return (orgId: string, field: EncryptedField, value: string | null) =>
    value && opener ? opener.open(orgId, field, value) : null;
}

export async function getRecord(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  personId: string,
): Promise<NewcomerRecord> {
  const person = await loadPersonFor(trx, actor, personId, 'person.view');
  const today = await store.today(trx);
  const profile = await store.findProfile(trx, personId);
  const events = await store.eventsOf(trx, personId);
  const integration = await store.integrationOf(trx, personId);
  const household = await store.householdOf(trx, personId);
  const derived = deriveStatus(events.map(store.toStatusEvent), today);
  const open = await recordOpener(trx, masters, personId, [
    profile?.psychosocial_referred_to ?? null,
    profile?.guardian_name ?? null,
    profile?.guardian_contact ?? null,
    ...events.map((e) => e.note),
  ]);
  await auditPersonRead(trx, { personIds: [person.id], what: 'newcomer_record' });
  return {
    personId,
    profile: profile
      ? {
          category: profile.category as NewcomerCategory,
          arrivalOn: profile.arrival_on,
          arrivalApproximate: profile.arrival_approximate,
          firstReceptionCountry: profile.first_reception_country as 'FR' | 'BE' | null,
          housing: profile.housing as NonNullable<NewcomerRecord['profile']>['housing'],
          guardian: profile.guardian_name
            ? {
                name: open(profile.org_id, GUARDIAN_NAME, profile.guardian_name) ?? '',
                organisation: profile.guardian_organisation,
                contact: open(profile.org_id, GUARDIAN_CONTACT, profile.guardian_contact),
                consentOn: profile.guardian_consent_on,
              }
            : null,
          psychosocial: {
            needed: profile.psychosocial_needed,
            referredTo: open(profile.org_id, REFERRED_TO, profile.psychosocial_referred_to),
            since: profile.psychosocial_since,
          },
        }
      : null,
    status: derived.status,
    permit: derived.permit
      ? { ...derived.permit, daysLeft: daysBetween(today, derived.permit.expiresOn) }
      : null,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as StatusEvent['kind'],
      occurredOn: e.occurred_on,
      outcome: (e.outcome ?? null) as NewcomerRecord['events'][number]['outcome'],
      permitType: (e.permit_type ?? null) as NewcomerRecord['events'][number]['permitType'],
      validFrom: e.valid_from,
      expiresOn: e.expires_on,
      note: open(e.org_id, EVENT_NOTE, e.note),
    })),
    integration: integration
      ? {
          scheme: integration.scheme as IntegrationScheme,
          status: integration.status as NonNullable<NewcomerRecord['integration']>['status'],
          startedOn: integration.started_on,
          endedOn: integration.ended_on,
          provider: integration.provider,
        }
      : null,
    household: household.map((h) => ({
      relation: h.relation as NewcomerRecord['household'][number]['relation'],
      birthYear: h.birth_year,
      whereabouts: h.whereabouts as NewcomerRecord['household'][number]['whereabouts'],
      linkedPersonId: h.linked_person_id,
      linkedPersonName: h.linked_name,
    })),
    suggestedScheme: await suggestedScheme(trx, actor),
    canManage: actorCan(actor, 'person.manage'),
  };
}

/** The person to write about, and their profile (locked), or a 404 / a refusal to write before one exists. */
async function writable(trx: Tx, actor: Actor, personId: string) {
  const person = await loadPersonFor(trx, actor, personId, 'person.manage');
  const profile = await store.lockProfile(trx, personId);
  return { person, profile };
}

async function requireProfile(trx: Tx, actor: Actor, personId: string) {
  const w = await writable(trx, actor, personId);
  if (!w.profile) throw conflict(E('no_profile'));
  return { person: w.person, profile: w.profile };
}

export async function setProfile(trx: Tx, actor: Actor, personId: string, input: ProfileInput) {
  const { person, profile } = await writable(trx, actor, personId);
  const today = await store.today(trx);
  let arrivalOn = input.arrivalOn ?? null;
  if (arrivalOn && input.arrivalApproximate) arrivalOn = `${arrivalOn.slice(0, 7)}-01`;
  if (arrivalOn && arrivalOn > today)
    throw validationFailed([{ path: 'arrivalOn', code: E('arrival_in_future') }]);
  const values = {
    category: input.category,
    arrival_on: arrivalOn,
    arrival_approximate: !!input.arrivalApproximate && !!arrivalOn,
    first_reception_country: input.firstReceptionCountry ?? null,
    housing: input.housing ?? null,
  };
  if (profile) await store.updateProfile(trx, personId, values);
  else
    await store.insertProfile(trx, {
      ...values,
      org_id: person.org_id,
      person_id: personId,
      created_by: actor.userId,
    });
  return { ok: true };
}

/**
 * Appends a dated event to the legal status history, refused when the history with it would be incoherent
 * (translated error on the field that is wrong), then keeps the derived status and permit on the profile.
 */
export async function addStatusEvent(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  personId: string,
  input: StatusEventInput,
) {
  const { person } = await requireProfile(trx, actor, personId);
  const today = await store.today(trx);
  const existing = (await store.eventsOf(trx, personId)).map(store.toStatusEvent);
  const added: StatusEvent = {
    kind: input.kind,
    occurredOn: input.occurredOn,
    outcome: input.outcome ?? null,
    permitType: input.permitType ?? null,
    validFrom: input.validFrom ?? null,
    expiresOn: input.expiresOn ?? null,
  };
  const all = [...existing, added];
  const err = historyError(all, today);
  if (err) {
    const path: Record<string, string> = {
      future_event: 'occurredOn',
      outcome_required: 'outcome',
      outcome_not_allowed: 'outcome',
      permit_required: 'expiresOn',
      permit_not_allowed: 'expiresOn',
      expiry_before_start: 'expiresOn',
    };
    // An earlier event cannot be wrong on its own (each was checked when added): the new one is.
    throw validationFailed([{ path: path[err.code] ?? 'kind', code: E(err.code) }]);
  }
  const row = await store.insertEvent(trx, {
    org_id: person.org_id,
    person_id: personId,
    kind: added.kind,
    occurred_on: added.occurredOn,
    outcome: added.outcome ?? null,
    permit_type: added.permitType ?? null,
    valid_from: added.validFrom ?? null,
    expires_on: added.expiresOn ?? null,
    // Sealed with the home organisation's key (the current one: requireProfile loaded its own person).
    note: await sealText(trx, masters, EVENT_NOTE, clean(input.note)),
    recorded_by: actor.userId,
  });
  const d = deriveStatus(all, today);
  await store.updateProfile(trx, personId, {
    current_status: d.status,
    permit_type: d.permit?.type ?? null,
    permit_valid_from: d.permit?.validFrom ?? null,
    permit_expires_on: d.permit?.expiresOn ?? null,
  });
  return { id: row.id };
}

export async function setIntegration(trx: Tx, actor: Actor, personId: string, input: IntegrationInput) {
  const { person } = await requireProfile(trx, actor, personId);
  const today = await store.today(trx);
  if (input.startedOn && input.startedOn > today)
    throw validationFailed([{ path: 'startedOn', code: E('future_date') }]);
  if (input.endedOn && input.startedOn && input.endedOn < input.startedOn)
    throw validationFailed([{ path: 'endedOn', code: E('end_before_start') }]);
  if (input.endedOn && !['completed', 'exempted', 'interrupted'].includes(input.status))
    throw validationFailed([{ path: 'endedOn', code: E('end_while_open') }]);
  await store.upsertIntegration(trx, {
    org_id: person.org_id,
    person_id: personId,
    scheme: input.scheme,
    status: input.status,
    started_on: input.startedOn ?? null,
    ended_on: input.endedOn ?? null,
    provider: clean(input.provider),
  });
  return { ok: true };
}

export async function setHousehold(trx: Tx, actor: Actor, personId: string, input: HouseholdInput) {
  const { person } = await requireProfile(trx, actor, personId);
  const today = await store.today(trx);
  const year = Number(today.slice(0, 4));
  const linked = [...new Set(input.members.map((m) => m.linkedPersonId).filter((x): x is string => !!x))];
  if (linked.includes(personId)) throw badRequest(E('household_self'));
  const own = new Set((await store.ownPersons(trx, linked)).map((p) => p.id));
  for (const [i, m] of input.members.entries()) {
    if (m.birthYear && m.birthYear > year)
      throw validationFailed([{ path: `members.${i}.birthYear`, code: E('future_date') }]);
    // Another organisation's person (or none): not revealed, refused the same way.
    if (m.linkedPersonId && !own.has(m.linkedPersonId))
      throw validationFailed([{ path: `members.${i}.linkedPersonId`, code: E('unknown_person') }]);
  }
  await store.replaceHousehold(
    trx,
    personId,
    input.members.map((m, i) => ({
      org_id: person.org_id,
      person_id: personId,
      relation: m.relation,
      birth_year: m.birthYear ?? null,
      whereabouts: m.whereabouts,
      linked_person_id: m.linkedPersonId ?? null,
      position: i,
    })),
  );
  return { ok: true };
}

export async function setGuardian(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  personId: string,
  input: GuardianInput,
) {
  const { profile } = await requireProfile(trx, actor, personId);
  if (profile.category !== 'unaccompanied_minor') throw conflict(E('guardian_not_minor'));
  const today = await store.today(trx);
  if (input.consentOn && input.consentOn > today)
    throw validationFailed([{ path: 'consentOn', code: E('future_date') }]);
  await store.updateProfile(trx, personId, {
    guardian_name: await sealText(trx, masters, GUARDIAN_NAME, input.name.trim()),
    guardian_organisation: clean(input.organisation),
    guardian_contact: await sealText(trx, masters, GUARDIAN_CONTACT, clean(input.contact)),
    guardian_consent_on: input.consentOn ?? null,
  });
  return { ok: true };
}

export async function setPsychosocial(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  personId: string,
  input: PsychosocialInput,
) {
  await requireProfile(trx, actor, personId);
  const today = await store.today(trx);
  if (input.since && input.since > today) throw validationFailed([{ path: 'since', code: E('future_date') }]);
  await store.updateProfile(trx, personId, {
    psychosocial_needed: input.needed,
    // Sealed with the home organisation's key (the current one: requireProfile loaded its own person).
    psychosocial_referred_to: await sealText(
      trx,
      masters,
      REFERRED_TO,
      input.needed ? clean(input.referredTo) : null,
    ),
    psychosocial_since: input.needed ? (input.since ?? null) : null,
  });
  return { ok: true };
}
