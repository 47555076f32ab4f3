import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../platform/db/context';
import type { ForumEventsTable, ForumRegistrationsTable } from './tables';
import './tables';

/** The forums module's SQL: events, their partners, registrations. RLS decides who sees what. */

/** An event with its organiser's names (null in the registration scope, which sees no organisation). */
export type EventRow = Selectable<ForumEventsTable> & {
  org_name_fr: string | null;
  org_name_nl: string | null;
};
export type RegistrationRow = Selectable<ForumRegistrationsTable>;

const eventQuery = (trx: Tx) =>
  trx
    .selectFrom('forum_events as e')
    .leftJoin('organisations as o', 'o.id', 'e.org_id')
    .selectAll('e')
    .select(['o.name_fr as org_name_fr', 'o.name_nl as org_name_nl']);

export const listEvents = (trx: Tx) => eventQuery(trx).orderBy('e.starts_at', 'desc').limit(500).execute();

export const findEvent = (trx: Tx, id: string): Promise<EventRow | undefined> =>
  eventQuery(trx).where('e.id', '=', id).executeTakeFirst();

/**
 * Serialises the changes of an event's places (registrations, cancellations, promotions) until the end of
 * the transaction. An advisory lock, not FOR UPDATE: the anonymous registration scope may not update events.
 */
export const lockEvent = (trx: Tx, id: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended(${`forum_event:${id}`}, 0))`.execute(trx);

export const partnersOf = (trx: Tx, eventIds: readonly string[]) =>
  eventIds.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('forum_event_partners as p')
        .innerJoin('organisations as o', 'o.id', 'p.partner_org_id')
        .select(['p.event_id', 'p.partner_org_id', 'o.name_fr', 'o.name_nl', 'o.short_name'])
        .where('p.event_id', 'in', eventIds)
        .orderBy('o.name_fr')
        .execute();

export async function setPartners(trx: Tx, eventId: string, orgId: string, partnerIds: readonly string[]) {
  await trx.deleteFrom('forum_event_partners').where('event_id', '=', eventId).execute();
  if (partnerIds.length)
    await trx
      .insertInto('forum_event_partners')
      .values(partnerIds.map((p) => ({ event_id: eventId, partner_org_id: p, org_id: orgId })))
      .execute();
}

export const existingOrganisations = async (trx: Tx, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : (
        await trx
          .selectFrom('organisations')
          .select('id')
          .where('id', 'in', ids)
          .where('status', '=', 'active')
          .execute()
      ).map((o) => o.id);

export const programmeExists = async (trx: Tx, id: string) =>
  !!(await trx.selectFrom('programmes').select('id').where('id', '=', id).executeTakeFirst());

export const registrationsOf = (trx: Tx, eventId: string) =>
  trx
    .selectFrom('forum_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();

export async function countsByEvent(trx: Tx, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return trx
    .selectFrom('forum_registrations')
    .select(['event_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('event_id', 'in', eventIds)
    .groupBy(['event_id', 'status'])
    .execute();
}

export const liveRegistrationByEmail = (trx: Tx, eventId: string, email: string) =>
  trx
    .selectFrom('forum_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('email', '=', email)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();

export const registrationByTokenHash = (trx: Tx, eventId: string, hash: Buffer) =>
  trx
    .selectFrom('forum_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('cancel_token_hash', '=', hash)
    .forUpdate()
    .executeTakeFirst();

export const markPromoted = (trx: Tx, ids: readonly string[], at: Date) =>
  trx
    .updateTable('forum_registrations')
    .set({ status: 'confirmed', promoted_at: at })
    .where('id', 'in', ids)
    .where('status', '=', 'waiting')
    .execute();

export const cancelRegistration = (trx: Tx, id: string, at: Date) =>
  trx
    .updateTable('forum_registrations')
    .set({ status: 'cancelled', cancelled_at: at, cancel_token_hash: null })
    .where('id', '=', id)
    .where('status', 'in', ['confirmed', 'waiting'])
    .executeTakeFirst();

/** Confirmed registrations of published events starting within a day, not yet reminded (system scope). */
export const dueReminders = (trx: Tx, now: Date, until: Date) =>
  trx
    .selectFrom('forum_registrations as r')
    .innerJoin('forum_events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id'])
    .where('r.status', '=', 'confirmed')
    .where('r.reminded_at', 'is', null)
    .where('e.status', '=', 'published')
    .where('e.starts_at', '>', now)
    .where('e.starts_at', '<=', until)
    .orderBy('e.starts_at')
    .limit(500)
    .execute();

/** The trainers' accounts among these ids (migration 0057), as the caller may see them. */
export const existingUsers = async (trx: Tx, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : await trx
        .selectFrom('users')
        .select('id')
        .where('id', 'in', [...new Set(ids)])
        .execute();
