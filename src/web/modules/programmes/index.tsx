import type { WebModule } from '../../app/module';
import { PartnersPage } from './PartnersPage';
import { ProgrammeFormPage } from './ProgrammeFormPage';
import { ProgrammePage } from './ProgrammePage';
import { ProgrammesPage } from './ProgrammesPage';

export const programmesModule: WebModule = {
  nav: [{ to: '/app/programmes', labelId: 'programmes.nav', permission: 'programme.view', order: 20 }],
  routes: [
    { path: 'programmes', element: <ProgrammesPage /> },
    { path: 'programmes/new', element: <ProgrammeFormPage /> },
    { path: 'programmes/:id', element: <ProgrammePage /> },
    { path: 'programmes/:id/edit', element: <ProgrammeFormPage /> },
    { path: 'programmes/:id/partners', element: <PartnersPage /> },
  ],
};
