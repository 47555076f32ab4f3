import type { Language } from '../../../../common/i18n/locales';
import { pageOf } from '../../../../common/kernel/schemas';
import type { OfferDetail, OfferPage, OfferQuery } from '../../../../common/placements/offer-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { findOffer, listOffers } from './store';

/** The network's offer catalogue, open offers by default. */
export async function searchOffers(
  trx: Tx,
  actor: Actor,
  q: OfferQuery,
  language: Language,
): Promise<OfferPage> {
  requirePermission(actor, 'offer.view');
  const { page, pageSize } = pageOf(q, 20);
  const { items, total } = await listOffers(trx, q, actor.orgId, language, page, pageSize);
  return { items, total, page, pageSize };
}

export async function viewOffer(trx: Tx, actor: Actor, id: string): Promise<OfferDetail> {
  requirePermission(actor, 'offer.view');
  const offer = await findOffer(trx, id);
  if (!offer) throw notFound();
  return offer;
}
