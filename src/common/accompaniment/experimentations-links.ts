import { defineLink } from '../kernel/links';

/** The experimentations part's pages (under the accompaniment hub). */
export const experimentationsLink = defineLink('/app/accompaniment/experimentations');
export const experimentationNewLink = defineLink('/app/accompaniment/experimentations/new');
export const experimentationLink = defineLink('/app/accompaniment/experimentations/:id');
export const experimentationEditLink = defineLink('/app/accompaniment/experimentations/:id/edit');
export const deliverablesLink = defineLink('/app/accompaniment/deliverables', { programme: 'string' });
