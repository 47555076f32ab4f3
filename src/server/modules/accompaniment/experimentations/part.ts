import type { AccompanimentPart } from '../part';
import { seedExperimentations } from './demo';
import { experimentationIndicatorRules } from './indicators/rules';
import { experimentationRoutes } from './routes';

/**
 * Module 3 of AB Réfugiés (issue 14): the experimentation each side runs, its evaluation and transfers to
 * the other sides, their good-practice sheets, and the deliverables per programme module; with the
 * trainings and group sessions the demo adds to the forums module's events. Migration 0057.
 */
export const experimentationsPart: AccompanimentPart = {
  routes: experimentationRoutes,
  // RCO84 (pilot actions run jointly), RCO116 / RCR104 (solutions taken up).
  indicators: experimentationIndicatorRules,
  // After the forums (200) and the programmes (30).
  demo: [{ order: 330, seed: seedExperimentations }],
};
