import type { AccompanimentPart } from '../part';
import { seedOutreachContacts } from './demo';
import { outreachIndicatorRules } from './indicators';
import { outreachRoutes } from './routes';

/** Outreach contacts with persons not (yet) identified, linked later to a consenting person (migration 0056). */
export const outreachPart: AccompanimentPart = {
  routes: outreachRoutes,
  indicators: outreachIndicatorRules,
  demo: [{ order: 325, seed: seedOutreachContacts }],
};
