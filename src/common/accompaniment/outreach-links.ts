import { defineLink } from '../kernel/links';

/** The outreach part's pages. */
export const contactsLink = defineLink('/app/accompaniment/outreach');
export const contactNewLink = defineLink('/app/accompaniment/outreach/new');
export const contactLink = defineLink('/app/accompaniment/outreach/:id');
export const contactEditLink = defineLink('/app/accompaniment/outreach/:id/edit');
