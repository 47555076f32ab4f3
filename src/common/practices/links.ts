import { defineLink } from '../kernel/links';

/** The practices module's pages others point to (menus, mails, dashboard items). */

/** The library for signed-in users, searched and filtered; `mine` lists the organisation's own sheets. */
export const practicesLink = defineLink('/app/practices', {
  q: 'string',
  theme: 'string',
  tag: 'string',
  org: 'string',
  country: 'string',
  mine: 'boolean',
  page: 'integer',
});
export const practiceNewLink = defineLink('/app/practices/new');
export const practiceLink = defineLink('/app/practices/:id');
export const practiceEditLink = defineLink('/app/practices/:id/edit');

/** The public library (no account needed) and a public sheet. */
export const libraryLink = defineLink('/library', {
  q: 'string',
  theme: 'string',
  tag: 'string',
  org: 'string',
  country: 'string',
  page: 'integer',
});
export const libraryPracticeLink = defineLink('/library/:id');
