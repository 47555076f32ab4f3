import { defineLink } from '../kernel/links';

/**
 * The immersion calendars: the reader's own, their teams' hosting, a programme's (`programme` its id). The
 * agenda shows 13 weeks from `from`; `view=month` shows the month `month` (`YYYY-MM`) as a grid.
 */
export const calendarLink = defineLink('/app/immersions/calendar', {
  scope: 'string',
  programme: 'string',
  from: 'string',
  view: 'string',
  month: 'string',
});
