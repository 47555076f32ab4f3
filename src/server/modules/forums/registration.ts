import { nextPosition, registrationOpen, statusForNew } from '../../../common/forums/rules';
import type { PublicEventView, RegistrationInput, RegistrationStatus } from '../../../common/forums/schemas';
import { localized } from '../../../common/i18n/locales';
import { hashToken } from '../../platform/crypto';
import type { Tx } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { badRequest, notFound } from '../../platform/errors';
import { mailRegistrant } from './mails';
import { promoteWaiting } from './places';
import * as store from './store';

/**
 * Registration without an account. These use cases run in the scope 'forum_registration' (migration
 * 0044: it sees events and registrations, no other tenant row) and answer nothing about anyone: the same
 * answer for a new address, one already registered and a robot; what the person needs arrives by e-mail.
 */

export const F = (code: string) => `forums.errors.${code}`;

/** A published (or cancelled) event, the same 404 for a draft or an unknown one. */
async function visibleEvent(trx: Tx, id: string) {
  const e = await store.findEvent(trx, id);
  if (!e || e.status === 'draft') throw notFound(F('unknown_event'));
  return e;
}

/** Read in the public scope (which sees organisations, not registrations) with the counts from the other. */
export async function publicEvent(
  trx: Tx,
  id: string,
  language: 'fr' | 'nl',
  full: boolean,
  now: Date,
): Promise<PublicEventView> {
  const e = await visibleEvent(trx, id);
  const partners = await store.partnersOf(trx, [e.id]);
  return {
    id: e.id,
    language,
    kind: e.kind as PublicEventView['kind'],
    title: localized(language, e.title_fr, e.title_nl),
    description: localized(language, e.description_fr, e.description_nl) || null,
    theme: e.theme,
    organisation: localized(language, e.org_name_fr, e.org_name_nl),
    partners: partners.map((p) => p.short_name || localized(language, p.name_fr, p.name_nl)),
    startsAt: new Date(e.starts_at).toISOString(),
    endsAt: new Date(e.ends_at).toISOString(),
    venue: e.venue,
    onlineUrl: e.online_url,
    languages: e.languages as PublicEventView['languages'],
    interpreting: e.interpreting,
    audiences: e.audiences as PublicEventView['audiences'],
    status: e.status as 'published' | 'cancelled',
    full,
    open: registrationOpen({ status: e.status, startsAt: e.starts_at }, now),
  };
}

/** Whether a new registration would wait (registration scope): a yes/no, never a count. */
export async function isFull(trx: Tx, id: string): Promise<boolean> {
  const e = await visibleEvent(trx, id);
  const regs = await store.registrationsOf(trx, e.id);
  return statusForNew(e.capacity, places(regs)) === 'waiting';
}

const places = (regs: store.RegistrationRow[]) =>
  regs.map((r) => ({ id: r.id, status: r.status as RegistrationStatus, position: r.position }));

const clean = (s: string | null | undefined) => s?.trim() || null;

export async function register(trx: Tx, deps: Deps, eventId: string, input: RegistrationInput, now: Date) {
  // The honeypot filled: a robot. Answered like anyone, nothing written, nothing sent.
  if (input.website?.trim()) return { received: true as const };
  const e = await visibleEvent(trx, eventId);
  if (!registrationOpen({ status: e.status, startsAt: e.starts_at }, now)) throw badRequest(F('closed'));
  await store.lockEvent(trx, e.id);
  const email = input.email.trim().toLowerCase();
  const existing = await store.liveRegistrationByEmail(trx, e.id, email);
  if (existing) {
    // Told to the address only, with a fresh link: the answer on the page is the same as for a new one.
    await mailRegistrant(trx, deps, e, existing, 'already', null);
    return { received: true as const };
  }
  const regs = await store.registrationsOf(trx, e.id);
  const status = statusForNew(e.capacity, places(regs));
  const created = await trx
    .insertInto('forum_registrations')
    .values({
      event_id: e.id,
      org_id: e.org_id,
      name: input.name.trim(),
      email,
      organisation: clean(input.organisation),
      language: input.language,
      accessibility_needs: clean(input.accessibilityNeeds),
      consent_contact: input.consentContact,
      status,
      position: nextPosition(regs),
    })
    .returning(['id', 'name', 'email', 'language'])
    .executeTakeFirstOrThrow();
  await mailRegistrant(trx, deps, e, created, status, null);
  return { received: true as const };
}

/** The cancellation link: single use (the hash is cleared), then the first waiting person is promoted. */
export async function cancelByToken(trx: Tx, deps: Deps, eventId: string, token: string, now: Date) {
  const e = await visibleEvent(trx, eventId);
  await store.lockEvent(trx, e.id);
  const r = await store.registrationByTokenHash(trx, e.id, hashToken(token));
  if (!r || (r.status !== 'confirmed' && r.status !== 'waiting')) throw notFound(F('invalid_link'));
  await store.cancelRegistration(trx, r.id, now);
  if (r.status === 'confirmed') await promoteWaiting(trx, deps, e, null, now);
  return { title: localized(r.language === 'nl' ? 'nl' : 'fr', e.title_fr, e.title_nl) };
}
