import type { AccompanimentPart } from '../part';
import { seedInterpreterBookings } from './demo';
import { interpretingRoutes } from './routes';

/**
 * Interpreter bookings (migration 0056): booked by an organisation from a samen organisation offering
 * interpreting or from an external service; a time-boxed link for an external interpreter.
 */
export const interpretingPart: AccompanimentPart = {
  routes: interpretingRoutes,
  demo: [{ order: 320, seed: seedInterpreterBookings }],
};
