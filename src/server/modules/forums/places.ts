import { toPromote } from '../../../common/forums/rules';
import type { RegistrationStatus } from '../../../common/forums/schemas';
import type { Tx } from '../../platform/db/context';
import { type MailDeps, mailRegistrant } from './mails';
import * as store from './store';

/**
 * Fills the free places of an event from its waiting list, first come first served, and mails each
 * promoted person. Called after a cancellation or a larger capacity, with the event locked by the caller.
 * Nothing moves once the event has started or unless it is published.
 */
export async function promoteWaiting(
  trx: Tx,
  deps: MailDeps,
  e: store.EventRow,
  mailOrgId: string | null,
  now: Date,
): Promise<string[]> {
  if (e.status !== 'published' || new Date(e.starts_at).getTime() <= now.getTime()) return [];
  const regs = await store.registrationsOf(trx, e.id);
  const promoted = toPromote(
    e.capacity,
    regs.map((r) => ({ ...r, status: r.status as RegistrationStatus })),
  );
  if (promoted.length === 0) return [];
  await store.markPromoted(
    trx,
    promoted.map((r) => r.id),
    now,
  );
  for (const r of promoted) await mailRegistrant(trx, deps, e, r, 'promoted', mailOrgId);
  return promoted.map((r) => r.id);
}
