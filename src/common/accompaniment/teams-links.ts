import { defineLink } from '../kernel/links';

/** The mobile teams part's pages. */
export const teamsLink = defineLink('/app/accompaniment/teams');
export const teamNewLink = defineLink('/app/accompaniment/teams/new');
export const teamLink = defineLink('/app/accompaniment/teams/:id');
export const teamRequestsLink = defineLink('/app/accompaniment/requests');
export const teamRequestNewLink = defineLink('/app/accompaniment/requests/new', { person: 'string' });
export const teamRequestLink = defineLink('/app/accompaniment/requests/:id');
