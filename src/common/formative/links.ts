import { defineLink } from '../kernel/links';

/** The formative module's pages others point to (menus, mails, dashboard items). */

/** The partnerships the caller's organisation is party to (as lead or as partner). */
export const partnershipsLink = defineLink('/app/formative');

/** One partnership: parties and milestones, learning plan, sessions, reviews, application year. */
export const partnershipLink = defineLink('/app/formative/:id', { tab: 'string' });

/** The host's training modules, by unit: what learning plans draw from (the lead's coordinators). */
export const modulesLink = defineLink('/app/formative/modules', { unit: 'string' });
