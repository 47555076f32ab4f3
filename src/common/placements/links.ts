import { defineLink } from '../kernel/links';

/**
 * The placements module's pages that others point to: the dashboard's items, the mails (through
 * `absolute()`), other modules' pages. The web router mounts the same patterns and the list pages read
 * their filters with `read()`, so a link and the page it opens agree on every filter.
 */

/** The organisation's agreements, as home centre or as host; `mine`: those the reader is referent or tutor of. */
export const placementsLink = defineLink('/app/placements', {
  side: 'string',
  status: 'string',
  mine: 'boolean',
  page: 'integer',
});

/** One agreement: its terms, signatures, actions and follow-up. */
export const placementLink = defineLink('/app/placements/:id');

/** The attendance sheet of a placement's follow-up, one week at a time. */
export const followupLink = defineLink('/app/placements/:id/attendance', { week: 'string' });

/** A programme's placements, pseudonymous, for its lead organisation. */
export const overviewLink = defineLink('/app/programmes/:id/placements', {
  status: 'string',
  homeOrgId: 'string',
  hostOrgId: 'string',
  from: 'string',
  to: 'string',
  code: 'string',
  sort: 'string',
  order: 'string',
  page: 'integer',
});

/** The public page where a signer opens their single-use link (the token travels in the fragment). */
export const signLink = defineLink('/sign');

/** The wizard that prepares a new agreement for a person, optionally from an offer. */
export const newAgreementLink = defineLink('/app/people/:personId/agreements/new', { offer: 'string' });

/** The host organisations' placement offers; absent `open` means open offers only (the list's default). */
export const offersLink = defineLink('/app/offers', {
  q: 'string',
  sector: 'string',
  country: 'string',
  language: 'string',
  open: 'boolean',
  mine: 'boolean',
  page: 'integer',
});
export const newOfferLink = defineLink('/app/offers/new');
export const offerLink = defineLink('/app/offers/:id');
export const offerEditLink = defineLink('/app/offers/:id/edit');
/** Offers ranked for a group of persons (cohort suggestion). */
export const cohortLink = defineLink('/app/offers/cohort');
/** Offers ranked for one person. */
export const personOffersLink = defineLink('/app/people/:personId/offers');
