import { defineLink } from '../kernel/links';

/** The public feedback form of an event; the token follows in the fragment (`#token=`). */
export const eventFeedbackLink = defineLink('/events/:id/feedback', { lang: 'string' });
