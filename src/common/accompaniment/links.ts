import { defineLink } from '../kernel/links';

/** The accompaniment module's hub: one entry in the menu, a card per part the user may use. */
export const accompanimentLink = defineLink('/app/accompaniment');
