import type { WebModule } from '../../app/module';
import { PeoplePage } from './PeoplePage';
import { PersonCreatePage, PersonEditPage } from './PersonFormPages';
import { PersonPage } from './PersonPage';

/** Persons followed by the organisation: caseload, creation with duplicate check, record, consents. */
export const peopleModule: WebModule = {
  nav: [{ to: '/app/people', labelId: 'nav.people', permission: 'person.view', order: 5 }],
  routes: [
    { path: 'people', element: <PeoplePage /> },
    { path: 'people/new', element: <PersonCreatePage /> },
    { path: 'people/:id', element: <PersonPage /> },
    { path: 'people/:id/edit', element: <PersonEditPage /> },
  ],
};
