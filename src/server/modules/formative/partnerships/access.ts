import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import * as store from './store';

/** The partnership, if the actor's organisation is one of its two parties (RLS); a 404 otherwise. */
export async function visible(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'formative.view');
  const p = await store.findPartnership(trx, id);
  if (!p) throw notFound();
  return p;
}
