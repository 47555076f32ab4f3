import type { ServerModule } from '../../platform/module';
import { seedVolunteers } from './demo';
import { volunteerRoutes } from './routes';

/** For the initiatives' pages: the assignments to an initiative the caller may see. */
export { type InitiativeAssignment, listAssignmentsForInitiative } from './initiative-assignments';

/**
 * The volunteer registry (issue 13): volunteers (no person record), the organisations they work with,
 * their trainings, the Belgian benefit-recipient declaration, the organisations' liability insurance and
 * the assignments with hours; a public self-registration form validated by a volunteer coordinator.
 * Migration 0045.
 */
export const volunteersModule: ServerModule = {
  name: 'volunteers',
  routes: volunteerRoutes,
  // After the network's organisations and accounts; reads nothing another seeder writes.
  demo: [{ order: 170, seed: seedVolunteers }],
};
