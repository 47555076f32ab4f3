import type { WebModule } from '../../app/module';
import { TerritoriesPage } from './TerritoriesPage';

/** The municipalities (reference data) and their import. */
export const territoriesModule: WebModule = {
  nav: [{ to: '/app/territories', labelId: 'nav.territories', permission: 'organisation.view', order: 60 }],
  routes: [{ path: 'territories', element: <TerritoriesPage /> }],
};
