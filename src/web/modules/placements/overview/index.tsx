import type { WebModule } from '../../app/module';
import { ProgrammePlacementsPage } from './ProgrammePlacementsPage';

/** The coordinator's overview of a programme's placements (reached from the programme page). */
export const programmePlacementsModule: WebModule = {
  routes: [{ path: 'programmes/:id/placements', element: <ProgrammePlacementsPage /> }],
};
