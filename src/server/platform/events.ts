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
