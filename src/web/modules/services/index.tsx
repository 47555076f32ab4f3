import type { WebModule } from '../../app/module';
import { EditServicePage, NewServicePage } from './ServiceFormPage';
import { ServicesListPage } from './ServicesListPage';

/** Management of an organisation's own directory services. */
export const servicesModule: WebModule = {
  routes: [
    { path: 'services', element: <ServicesListPage /> },
    { path: 'services/new', element: <NewServicePage /> },
    { path: 'services/:id/edit', element: <EditServicePage /> },
  ],
  nav: [{ to: '/app/services', labelId: 'directory.nav.services', permission: 'service.manage', order: 30 }],
};
