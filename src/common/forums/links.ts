import { defineLink } from '../kernel/links';

/** The forums module's pages. */
export const eventsLink = defineLink('/app/events');
export const eventNewLink = defineLink('/app/events/new');
export const eventLink = defineLink('/app/events/:id');
export const eventEditLink = defineLink('/app/events/:id/edit');
/** The check-in page; a QR code adds `#code=…` (never sent to a server). */
export const eventCheckInLink = defineLink('/app/events/:id/check-in');

/** Without an account: an event's page with its registration form, and the cancellation link's page. */
export const publicEventLink = defineLink('/events/:id', { lang: 'string' });
export const cancelRegistrationLink = defineLink('/events/:id/cancel');
