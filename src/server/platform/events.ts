import { sql } from 'kysely';
import type { Tx } from './db/context';
import { enqueue } from './jobs';

/**
 * Something that happened in a use case and that others may need to hear of (a referral sent, an agreement
 * validated). Recorded in the use case's transaction — it exists only if the change commits — and handed
 * after commit to the notification handlers the modules register in their manifests, which decide who is
 * told and write the mails, each in its recipient's language.
 *
 * A mail that carries a secret (a signing link, an invitation link) is not a notification: it is composed
 * by the use case that creates the secret, so the secret never rests in an event's payload.
 */
export interface DomainEvent<
  T extends string = string,
  P extends Record<string, unknown> = Record<string, unknown>,
> {
  type: T;
  /** The organisation in whose name the event happened (the handler acts for it). */
  orgId: string | null;
  /** Who caused it. */
  actorUserId: string | null;
  payload: P;
}

export const EVENTS_QUEUE = 'events';

export async function recordEvent(trx: Tx, event: DomainEvent): Promise<void> {
  await enqueue(
    trx,
    EVENTS_QUEUE,
    { type: event.type, actorUserId: event.actorUserId, payload: event.payload },
    { orgId: event.orgId },
  );
}

/** The shared records whose parties may record an event in each other's name (migration 0069). */
export type PartyRecord = { kind: 'placement' | 'immersion_request'; id: string };

/**
 * Records an event in the name of a party of a shared record, as nobody: the last signature given by the
 * other party or by a signer's link. The database checks that the organisation is a party of the record and
 * that the caller is the other party or a link; a transaction enqueues nothing else for another organisation.
 */
export async function recordPartyEvent(
  trx: Tx,
  event: Omit<DomainEvent, 'actorUserId' | 'orgId'> & { orgId: string },
  record: PartyRecord,
): Promise<void> {
  await sql`select app.enqueue_party_event(${event.type}, ${JSON.stringify(event.payload)}::jsonb,
    ${event.orgId}::uuid, ${record.kind}, ${record.id}::uuid)`.execute(trx);
}
