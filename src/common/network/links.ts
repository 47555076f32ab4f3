import { defineLink } from '../kernel/links';

/**
 * The partner network's pages, as the web router mounts them and as others point to them (dashboard
 * items, other modules' pages, mails). List pages declare the filters they keep in their address.
 */

export const organisationsLink = defineLink('/app/organisations', {
  q: 'string',
  kind: 'string',
  country: 'string',
  region: 'string',
  status: 'string',
  page: 'integer',
});
export const organisationLink = defineLink('/app/organisations/:id');
export const organisationNewLink = defineLink('/app/organisations/new');
export const organisationEditLink = defineLink('/app/organisations/:id/edit');

export const territoriesLink = defineLink('/app/territories', {
  q: 'string',
  country: 'string',
  page: 'integer',
});

export const programmesLink = defineLink('/app/programmes', {
  q: 'string',
  fund: 'string',
  status: 'string',
  page: 'integer',
});
export const programmeLink = defineLink('/app/programmes/:id');
export const programmeNewLink = defineLink('/app/programmes/new');
export const programmeEditLink = defineLink('/app/programmes/:id/edit');
export const programmePartnersLink = defineLink('/app/programmes/:id/partners');
/** The lead's editor of the programme's actions, milestones and perimeter. */
export const programmeStructureLink = defineLink('/app/programmes/:id/structure');

/** The services an organisation manages ("our services"). */
export const servicesLink = defineLink('/app/services', { page: 'integer' });
export const serviceNewLink = defineLink('/app/services/new');
export const serviceEditLink = defineLink('/app/services/:id/edit');
/** Every active cross-border link between services of the network (issue 13). */
export const serviceLinksNetworkLink = defineLink('/app/service-links');

/** The public directory, searched and filtered (no account needed). */
export const directoryLink = defineLink('/directory', {
  q: 'string',
  theme: 'string',
  language: 'string',
  country: 'string',
  municipality: 'string',
  crossBorderAccess: 'string',
  page: 'integer',
});
/** A service's public entry in the directory. */
export const serviceLink = defineLink('/directory/:id');
