import { defineLink } from '../kernel/links';

/**
 * The people module's pages that others point to: mails, dashboard items, other modules' pages. The web
 * router mounts the same patterns and the list pages read their filters with `read()`.
 */

/** The caseload: persons followed by the organisation, searched and filtered. */
export const personsLink = defineLink('/app/people', {
  search: 'string',
  referent: 'string',
  status: 'string',
  page: 'integer',
});

/** A new person's record, after the duplicate check. */
export const newPersonLink = defineLink('/app/people/new');

/** One person's record: identity, consents, and what other modules add to it. */
export const personLink = defineLink('/app/people/:id');

export const personEditLink = defineLink('/app/people/:id/edit');

/** A person's pathway: objectives and actions, notes, mobility. */
export const pathwayLink = defineLink('/app/people/:personId/pathway');

/** The form that refers a person to a partner. */
export const referLink = defineLink('/app/people/:personId/refer');

/** The referral boxes: received (inbox) or sent (outbox), by status. */
export const referralsLink = defineLink('/app/referrals', {
  box: 'string',
  status: 'string',
  page: 'integer',
});

export const referralLink = defineLink('/app/referrals/:id');

/** Persons partners share with the reader's organisation. */
export const sharedPersonsLink = defineLink('/app/shared', { page: 'integer' });

export const sharedPersonLink = defineLink('/app/shared/:id');
