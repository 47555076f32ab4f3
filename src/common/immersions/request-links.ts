import { defineLink } from '../kernel/links';

/** Pages of immersion requests others point to (the offer page, mails, the dashboard, the programme page). */

/** The immersions of the reader: theirs, and as a manager or host the queues waiting for them. */
export const requestsLink = defineLink('/app/immersions/requests', { scope: 'string' });

/** One request: status, who acts next, actions, warnings, the agreement, logbook and report. */
export const requestLink = defineLink('/app/immersions/requests/:id');

/** A draft request's form (the visitor, who asked, or their manager). */
export const requestEditLink = defineLink('/app/immersions/requests/:id/edit');

/** A programme's partners: professionals each sent and received on completed immersions, per year. */
export const partnerYearLink = defineLink('/app/programmes/:id/immersions', { year: 'integer' });

/** The public page where a signer opens their single-use link to the agreement (the token in the fragment). */
export const immersionSignLink = defineLink('/immersion-sign');
