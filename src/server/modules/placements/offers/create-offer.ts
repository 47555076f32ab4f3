import type { OfferDetail, OfferInput } from '../../../../common/placements/offer-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { hostOrg } from './access';
import { findOffer } from './store';
import { insertOffer } from './store-writes';
import { assertValidOffer } from './validate';

/** Publishes an offer for the manager's own organisation (the host). */
export async function createOffer(trx: Tx, actor: Actor, input: OfferInput): Promise<OfferDetail> {
  const orgId = hostOrg(actor);
  await assertValidOffer(trx, orgId, input, input);
  const id = await insertOffer(trx, orgId, input);
  const created = await findOffer(trx, id);
  if (!created) throw new Error('created offer not readable');
  return created;
}
