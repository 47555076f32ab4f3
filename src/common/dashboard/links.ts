import { defineLink } from '../kernel/links';

/** The landing page after sign-in ("my day"), where invitations wait for their answer too. */
export const dashboardLink = defineLink('/app');
