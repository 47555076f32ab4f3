import { defineLink } from '../kernel/links';

export * from './calendar-links';
export * from './request-links';

/** The immersions module's pages others point to (menus, mails, dashboard items). Each feature adds its own. */

/** The network's catalogue of immersion offers, searched and filtered. */
export const offersLink = defineLink('/app/immersions/offers', {
  q: 'string',
  theme: 'string',
  language: 'string',
  country: 'string',
  kind: 'string',
  from: 'string',
  to: 'string',
  page: 'integer',
});
/** The caller's organisation's own offers, drafts included ("our offers"). */
export const ownOffersLink = defineLink('/app/immersions/our-offers', { status: 'string', page: 'integer' });
export const offerNewLink = defineLink('/app/immersions/offers/new');
export const offerLink = defineLink('/app/immersions/offers/:id');
export const offerEditLink = defineLink('/app/immersions/offers/:id/edit');

/** Requesting an immersion on an offer (the requests feature's page); `offer` is the offer's id. */
export const newRequestLink = defineLink('/app/immersions/requests/new', { offer: 'string' });
