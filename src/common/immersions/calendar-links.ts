import { defineLink } from '../kernel/links';

/** The immersion calendars: the reader's own, their teams' hosting, a programme's (`programme` its id). */
export const calendarLink = defineLink('/app/immersions/calendar', {
  scope: 'string',
  programme: 'string',
  from: 'string',
});
