import {
  libraryLink,
  libraryPracticeLink,
  practiceEditLink,
  practiceLink,
  practiceNewLink,
  practicesLink,
} from '../../../common/practices/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';
import './practices.css';

const LibraryPage = lazyPage('practices', () => import('./LibraryPage').then((m) => m.LibraryPage));
const PublicLibraryPage = lazyPage('practices', () =>
  import('./LibraryPage').then((m) => m.PublicLibraryPage),
);
const EditPracticePage = lazyPage('practices', () =>
  import('./PracticeFormPage').then((m) => m.EditPracticePage),
);
const NewPracticePage = lazyPage('practices', () =>
  import('./PracticeFormPage').then((m) => m.NewPracticePage),
);
const PracticePage = lazyPage('practices', () => import('./PracticePage').then((m) => m.PracticePage));
const PublicPracticePage = lazyPage('practices', () =>
  import('./PublicPracticePage').then((m) => m.PublicPracticePage),
);

/**
 * The good-practice library (see src/server/modules/practices/index.ts): the library and its sheets for
 * signed-in users, the sheet form, and the public library and sheets readable without sign-in.
 */
export const practicesModule: WebModule = {
  nav: [
    { to: practicesLink.href(), labelId: 'practices.library.nav', permission: 'practice.view', order: 45 },
    { to: libraryLink.href(), labelId: 'practices.library.public_nav', order: 32, publicOnly: true },
  ],
  routes: [
    { path: practicesLink.pattern, element: <LibraryPage /> },
    { path: practiceNewLink.pattern, element: <NewPracticePage /> },
    { path: practiceLink.pattern, element: <PracticePage /> },
    { path: practiceEditLink.pattern, element: <EditPracticePage /> },
  ],
  publicRoutes: [
    { path: libraryLink.pattern, element: <PublicLibraryPage /> },
    { path: libraryPracticeLink.pattern, element: <PublicPracticePage /> },
  ],
};
