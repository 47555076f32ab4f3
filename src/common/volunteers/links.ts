import { defineLink } from '../kernel/links';

/** The volunteers module's pages others point to (menus, mails, dashboard items). */

/** The registry for coordinators, filtered. */
export const volunteersLink = defineLink('/app/volunteers', {
  status: 'string',
  language: 'string',
  skill: 'string',
  q: 'string',
  page: 'integer',
});
export const volunteerLink = defineLink('/app/volunteers/:id');
/** The coordinator's edit of a volunteer. */
export const volunteerEditLink = defineLink('/app/volunteers/:id/edit');
/** The organisation's liability insurance for volunteers. */
export const volunteerInsuranceLink = defineLink('/app/volunteers/insurance');
/** The public self-registration form (no account). */
export const volunteerRegisterLink = defineLink('/volunteer', { lang: 'string' });
