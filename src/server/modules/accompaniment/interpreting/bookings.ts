import {
  availableActions,
  type BookingAction,
  type BookingStatus,
  EXTERNAL_ACCESS_LEAD_HOURS,
  feedbackOpen,
  type Side,
  slotError,
  targetStatus,
} from '../../../../common/accompaniment/interpreting-rules';
import type {
  BookingActionInput,
  BookingDetail,
  BookingInput,
  BookingList,
  BookingSummary,
  ExternalBooking,
  FeedbackInput,
  Prefill,
} from '../../../../common/accompaniment/interpreting-schemas';
import { localized } from '../../../../common/i18n/locales';
import { isIso639_3 } from '../../../../common/people/languages';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import { hashToken, randomToken } from '../../../platform/crypto';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { type MasterKeys, releasedOpener, sealText } from '../../../platform/keys/field-cipher';
import { findOwnPerson, personInterpreterNeed } from '../../people';
import { type MailDeps, mailBooking, mailExternalInterpreter } from './mails';
import * as store from './store';

/**
 * Interpreter bookings. The booking organisation (`interpreting.book`) books, cancels, records the outcome
 * and the feedback, and — for an external service — confirms with the interpreter the service named,
 * which mails that interpreter a time-boxed link. The provider organisation (`interpreting.provide`)
 * confirms with its interpreter's name or cancels. A person of the booker's caseload may be named for the
 * booker's follow-up: the provider and the interpreter never see who (the briefing says what they need).
 */
export const E = (code: string) => `accompaniment.interpreting.errors.${code}`;
const clean = (s: string | null | undefined) => s?.trim() || null;
const lang = (l: string): 'fr' | 'nl' => (l === 'nl' ? 'nl' : 'fr');
type Named = { name_fr: string | null; name_nl: string | null; short_name: string | null };
const orgName = (l: 'fr' | 'nl', o: Named) => o.short_name || localized(l, o.name_fr, o.name_nl);

export interface BookingDeps extends MailDeps {
  clock: { now(): Date };
}

// The briefing is sealed with the booker's key; the provider and the link's interpreter get it released.
const BRIEFING = 'interpreter_bookings.briefing' as const;

function sideOf(actor: Actor, b: store.BookingRow): Side | null {
  if (!actor.orgId) return null;
  if (b.org_id === actor.orgId && actorCan(actor, 'interpreting.book')) return 'booker';
  if (b.provider_org_id === actor.orgId && actorCan(actor, 'interpreting.provide')) return 'provider';
  return null;
}

function summary(actor: Actor, b: store.BookingRow): BookingSummary {
  const l = lang(actor.language);
  return {
    id: b.id,
    language: b.language,
    dialect: b.dialect,
    modality: b.modality as BookingSummary['modality'],
    startsAt: new Date(b.starts_at).toISOString(),
    endsAt: new Date(b.ends_at).toISOString(),
    domain: b.domain as BookingSummary['domain'],
    status: b.status as BookingStatus,
    booker: {
      id: b.org_id,
      name: orgName(l, {
        name_fr: b.booker_name_fr,
        name_nl: b.booker_name_nl,
        short_name: b.booker_short_name,
      }),
    },
    provider: b.provider_org_id
      ? orgName(l, {
          name_fr: b.provider_name_fr,
          name_nl: b.provider_name_nl,
          short_name: b.provider_short_name,
        })
      : (b.external_service ?? ''),
    asProvider: b.org_id !== actor.orgId,
    interpreterName: b.interpreter_name,
  };
}

export async function listBookings(trx: Tx, actor: Actor, view: 'mine' | 'provider' | undefined) {
  requirePermission(actor, 'accompaniment.view');
  const canBook = actorCan(actor, 'interpreting.book') && !!actor.orgId;
  const canProvide = actorCan(actor, 'interpreting.provide') && !!actor.orgId;
  const v = view ?? (canBook ? 'mine' : 'provider');
  if (!actor.orgId || (v === 'mine' ? !canBook : !canProvide))
    return { items: [], canBook, canProvide } satisfies BookingList;
  const rows = await store.listBookings(trx, actor.orgId, v);
  return { items: rows.map((r) => summary(actor, r)), canBook, canProvide } satisfies BookingList;
}

export async function providerList(trx: Tx, actor: Actor) {
  requirePermission(actor, 'interpreting.book');
  const l = lang(actor.language);
  return {
    items: (await store.providers(trx))
      .filter((p) => p.id !== actor.orgId)
      .map((p) => ({ id: p.id, name: orgName(l, p) })),
  };
}

/** A prefill from the person's record; the people module's interpreter need when it offers one. */
export async function prefill(trx: Tx, actor: Actor, personId: string): Promise<Prefill> {
  requirePermission(actor, 'interpreting.book');
  const person = await findOwnPerson(trx, personId);
  if (!person || person.org_id !== actor.orgId) throw notFound(E('unknown_person'));
  const n = await personInterpreterNeed(trx, person.id);
  return {
    language: n?.language ?? null,
    dialect: null,
    modality: n?.modality && n.modality !== 'any' ? n.modality : null,
    genderPreference: n?.genderPreference ?? null,
  };
}

export async function createBooking(trx: Tx, deps: BookingDeps, actor: Actor, input: BookingInput) {
  requirePermission(actor, 'interpreting.book');
  if (!actor.orgId) throw forbidden();
  const errors: { path: string; code: string }[] = [];
  if (!isIso639_3(input.language)) errors.push({ path: 'language', code: E('unknown_language') });
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const slot = slotError(startsAt, endsAt);
  if (slot) errors.push({ path: 'endsAt', code: E(slot) });
  if (startsAt.getTime() < deps.clock.now().getTime())
    errors.push({ path: 'startsAt', code: E('in_the_past') });
  const place = clean(input.place);
  const phone = clean(input.phone);
  const videoUrl = clean(input.videoUrl);
  if (input.modality === 'on_site' && !place) errors.push({ path: 'place', code: E('place_required') });
  if (input.modality === 'phone' && !phone) errors.push({ path: 'phone', code: E('phone_required') });
  if (input.modality === 'video' && !videoUrl) errors.push({ path: 'videoUrl', code: E('video_required') });
  const external = clean(input.externalService);
  if (!!input.providerOrgId === !!external) errors.push({ path: 'providerOrgId', code: E('one_provider') });
  if (input.providerOrgId) {
    const known = (await store.providers(trx)).some((p) => p.id === input.providerOrgId);
    if (!known || input.providerOrgId === actor.orgId)
      errors.push({ path: 'providerOrgId', code: E('unknown_provider') });
  }
  if (input.personId) {
    const p = await findOwnPerson(trx, input.personId);
    if (!p || p.org_id !== actor.orgId) errors.push({ path: 'personId', code: E('unknown_person') });
  }
  if (errors.length) throw validationFailed(errors);
  const created = await trx
    .insertInto('interpreter_bookings')
    .values({
      org_id: actor.orgId,
      language: input.language,
      dialect: clean(input.dialect),
      modality: input.modality,
      starts_at: startsAt,
      ends_at: endsAt,
      // Only what the modality needs.
      place: input.modality === 'on_site' ? place : null,
      phone: input.modality === 'phone' ? phone : null,
      video_url: input.modality === 'video' ? videoUrl : null,
      domain: input.domain,
      gender_preference: input.genderPreference,
      person_id: input.personId ?? null,
      briefing: await sealText(trx, deps.secrets, BRIEFING, clean(input.briefing)),
      provider_org_id: input.providerOrgId ?? null,
      external_service: external,
      cost_centre: clean(input.costCentre),
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.providerOrgId) await mailBooking(trx, deps, created.id, 'requested', 'provider', actor.orgId);
  return { id: created.id };
}

async function readable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'accompaniment.view');
  const b = await store.findBooking(trx, id);
  if (!b || !actor.orgId) throw notFound(E('unknown'));
  return b;
}

export async function getBooking(
  trx: Tx,
  deps: BookingDeps,
  actor: Actor,
  id: string,
): Promise<BookingDetail> {
  const b = await readable(trx, actor, id);
  const side = sideOf(actor, b);
  const isBooker = b.org_id === actor.orgId;
  const now = deps.clock.now();
  const status = b.status as BookingStatus;
  const startsAt = new Date(b.starts_at);
  let person: BookingDetail['person'] = null;
  if (isBooker && b.person_id) {
    const p = await findOwnPerson(trx, b.person_id);
    if (p) {
      person = { id: p.id, name: `${p.first_name} ${p.last_name}` };
      await auditPersonRead(trx, { personIds: [p.id], what: 'interpreter_booking' });
    }
  }
  return {
    ...summary(actor, b),
    place: b.place,
    phone: b.phone,
    videoUrl: b.video_url,
    genderPreference: b.gender_preference as BookingDetail['genderPreference'],
    briefing: b.briefing
      ? (await store.bookingOpener(trx, deps.secrets, b.id)).open(b.org_id, BRIEFING, b.briefing)
      : null,
    person,
    providerOrgId: b.provider_org_id,
    externalService: b.external_service,
    providerReference: b.provider_reference,
    costCentre: isBooker ? b.cost_centre : null,
    externalLinkSent: b.external_token_hash !== null,
    interpreterEmail: isBooker ? b.interpreter_email : null,
    cancelReason: b.cancel_reason,
    feedback:
      isBooker && b.feedback_rating !== null
        ? { rating: b.feedback_rating, comment: b.feedback_comment, flags: b.feedback_flags }
        : null,
    actions: side ? availableActions({ status, external: !!b.external_service, startsAt }, side, now) : [],
    canGiveFeedback: side === 'booker' && feedbackOpen({ status, startsAt }, now),
  };
}

export async function actOnBooking(
  trx: Tx,
  deps: BookingDeps,
  actor: Actor,
  id: string,
  input: BookingActionInput,
) {
  const found = await readable(trx, actor, id);
  await store.lockBooking(trx, found.id);
  const b = (await store.findBooking(trx, found.id))!;
  const side = sideOf(actor, b);
  if (!side) throw forbidden();
  const action = input.action as BookingAction;
  const now = deps.clock.now();
  const external = !!b.external_service;
  const allowed = availableActions(
    { status: b.status as BookingStatus, external, startsAt: new Date(b.starts_at) },
    side,
    now,
  );
  if (!allowed.includes(action)) throw conflict(E('not_now'));
  const to = targetStatus(action);
  if (action === 'confirm') {
    const name = clean(input.interpreterName);
    const email = clean(input.interpreterEmail)?.toLowerCase() ?? null;
    const errors: { path: string; code: string }[] = [];
    if (!name) errors.push({ path: 'interpreterName', code: E('interpreter_name_required') });
    if (external && !email) errors.push({ path: 'interpreterEmail', code: E('interpreter_email_required') });
    if (errors.length) throw validationFailed(errors);
    // An external interpreter gets a link to this booking only, open from 24 h before until the end.
    const token = external ? randomToken() : null;
    await trx
      .updateTable('interpreter_bookings')
      .set({
        status: to,
        interpreter_name: name,
        provider_reference: clean(input.providerReference) ?? b.provider_reference,
        confirmed_at: now,
        confirmed_by: actor.userId,
        ...(external ? { interpreter_email: email, external_token_hash: hashToken(token!) } : {}),
      })
      .where('id', '=', b.id)
      .execute();
    // The outbox row belongs to the acting organisation (its RLS).
    if (external)
      await mailExternalInterpreter(
        trx,
        deps,
        { id: b.id, email: email!, language: actor.language },
        token!,
        actor.orgId!,
      );
    else await mailBooking(trx, deps, b.id, 'confirmed', 'booker', actor.orgId!);
    return { ok: true };
  }
  if (action === 'cancel') {
    await trx
      .updateTable('interpreter_bookings')
      .set({ status: to, cancelled_at: now, cancel_reason: clean(input.reason) })
      .where('id', '=', b.id)
      .execute();
    if (side === 'provider') await mailBooking(trx, deps, b.id, 'cancelled', 'booker', actor.orgId!);
    else if (b.provider_org_id) await mailBooking(trx, deps, b.id, 'cancelled', 'provider', actor.orgId!);
    return { ok: true };
  }
  await trx.updateTable('interpreter_bookings').set({ status: to }).where('id', '=', b.id).execute();
  return { ok: true };
}

export async function giveFeedback(
  trx: Tx,
  deps: BookingDeps,
  actor: Actor,
  id: string,
  input: FeedbackInput,
) {
  const b = await readable(trx, actor, id);
  if (sideOf(actor, b) !== 'booker') throw forbidden();
  if (!feedbackOpen({ status: b.status as BookingStatus, startsAt: new Date(b.starts_at) }, deps.clock.now()))
    throw conflict(E('feedback_not_open'));
  await trx
    .updateTable('interpreter_bookings')
    .set({
      feedback_rating: input.rating,
      feedback_comment: clean(input.comment),
      feedback_flags: [...new Set(input.flags)],
      feedback_at: deps.clock.now(),
    })
    .where('id', '=', b.id)
    .execute();
  return { ok: true };
}

/**
 * The external interpreter's view: the booking the token opens, only within its window. One refusal for
 * everything else (unknown, wrong, expired token, another booking's id, a cancelled booking).
 */
export async function externalView(
  trx: Tx,
  masters: MasterKeys,
  now: Date,
  id: string,
  token: string,
): Promise<ExternalBooking> {
  const hash = hashToken(token);
  const r = await store.externalBooking(trx, id, hash, now, EXTERNAL_ACCESS_LEAD_HOURS);
  if (!r) throw notFound(E('invalid_link'));
  let briefing: string | null = null;
  if (r.briefing) {
    // Released on the link's own conditions: the booking organisation's keys, the only ones that come back.
    const opener = await releasedOpener(
      trx,
      masters,
      store.externalKeys(id, hash, now, EXTERNAL_ACCESS_LEAD_HOURS),
    );
    briefing = opener.open(opener.orgIds[0] ?? '', BRIEFING, r.briefing);
  }
  return {
    id: r.id,
    language: r.language,
    dialect: r.dialect,
    modality: r.modality as ExternalBooking['modality'],
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    place: r.place,
    phone: r.phone,
    videoUrl: r.video_url,
    domain: r.domain as ExternalBooking['domain'],
    briefing,
    interpreterName: r.interpreter_name,
    booker: { nameFr: r.booker_name_fr, nameNl: r.booker_name_nl },
  };
}
