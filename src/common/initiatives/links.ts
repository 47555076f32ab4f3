import { defineLink } from '../kernel/links';

/** The initiatives module's pages. */
export const initiativesLink = defineLink('/app/initiatives');
export const initiativeNewLink = defineLink('/app/initiatives/new', { proposal: 'string' });
export const initiativeLink = defineLink('/app/initiatives/:id');
export const initiativeEditLink = defineLink('/app/initiatives/:id/edit');

/** Without an account: the published initiatives in the public directory. */
export const publicInitiativesLink = defineLink('/directory/initiatives', { lang: 'string' });
export const publicInitiativeLink = defineLink('/directory/initiatives/:id', { lang: 'string' });
