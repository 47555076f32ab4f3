import { defineLink } from '../kernel/links';

/** The interpreting part's pages. */
export const bookingsLink = defineLink('/app/accompaniment/interpreting', { view: 'string' });
export const bookingNewLink = defineLink('/app/accompaniment/interpreting/new', { personId: 'string' });
export const bookingLink = defineLink('/app/accompaniment/interpreting/:id');
/** The external interpreter's page; the mailed link adds `#token=…` (never sent to a server). */
export const externalBookingLink = defineLink('/interpreting/:id', { lang: 'string' });
