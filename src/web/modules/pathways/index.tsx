import type { WebModule } from '../../app/module';
import { PathwayPage } from './PathwayPage';

/** A person's pathway; reached from the person's page (no menu entry of its own). */
export const pathwaysModule: WebModule = {
  routes: [{ path: 'people/:personId/pathway', element: <PathwayPage /> }],
};
