import type { WebModule } from '../../app/module';
import { DirectoryPage } from './DirectoryPage';
import { ServicePage } from './ServicePage';

/** The public services directory; signed-in staff reach it from the menu too. */
export const directoryModule: WebModule = {
  publicRoutes: [
    { path: '/directory', element: <DirectoryPage /> },
    { path: '/directory/:id', element: <ServicePage /> },
  ],
  nav: [{ to: '/directory', labelId: 'directory.nav.directory', order: 31, public: true }],
};
