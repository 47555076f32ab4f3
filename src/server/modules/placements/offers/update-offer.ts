import type { OfferDetail, OfferPatch } from '../../../../common/placements/offer-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, notFound } from '../../../platform/errors';
import { assertHost } from './access';
import { findOffer } from './store';
import { updateOffer as writeOffer } from './store-writes';
import { assertValidOffer } from './validate';

/**
 * Changes an offer (closing and reopening included). The rules are checked on the offer as it will be
 * saved; a change based on an outdated read is refused rather than silently overwriting.
 */
export async function updateOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  patch: OfferPatch,
): Promise<OfferDetail> {
  requirePermission(actor, 'offer.manage');
  // Readable by the whole network, lockable only by its host (FOR UPDATE applies the write policy):
  // check the host on a plain read, then lock.
  const seen = await findOffer(trx, id);
  if (!seen) throw notFound();
  assertHost(actor, seen.orgId);
  const current = await findOffer(trx, id, { forUpdate: true });
  if (!current) throw notFound();
  const { expectedUpdatedAt, ...change } = patch;
  if (expectedUpdatedAt && expectedUpdatedAt !== current.updatedAt) throw conflict('errors.stale');
  await assertValidOffer(trx, current.orgId, { ...current, ...change }, change);
  if (!(await writeOffer(trx, id, change))) throw notFound();
  const saved = await findOffer(trx, id);
  if (!saved) throw notFound();
  return saved;
}
