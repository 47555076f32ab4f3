import {
  teamLink,
  teamRequestLink,
  teamRequestNewLink,
  teamRequestsLink,
  teamsLink,
} from '../../../../common/accompaniment/teams-links';
import { lazyPage } from '../../../app/lazy';
import type { AccompanimentWebPart } from '../part';

const RequestFormPage = lazyPage('accompaniment', () =>
  import('./RequestFormPage').then((m) => m.RequestFormPage),
);
const RequestPage = lazyPage('accompaniment', () => import('./RequestPage').then((m) => m.RequestPage));
const RequestsPage = lazyPage('accompaniment', () => import('./RequestsPage').then((m) => m.RequestsPage));
const TeamPage = lazyPage('accompaniment', () => import('./TeamPage').then((m) => m.TeamPage));
const TeamsPage = lazyPage('accompaniment', () => import('./TeamsPage').then((m) => m.TeamsPage));

/** Mobile teams: the directory, a team's page, requests (form, lists, page); a link on the person page. */
export const teamsWebPart: AccompanimentWebPart = {
  routes: [
    { path: teamsLink.pattern, element: <TeamsPage /> },
    { path: teamLink.pattern, element: <TeamPage /> },
    { path: teamRequestsLink.pattern, element: <RequestsPage /> },
    { path: teamRequestNewLink.pattern, element: <RequestFormPage /> },
    { path: teamRequestLink.pattern, element: <RequestPage /> },
  ],
  personLinks: [
    {
      key: 'accompaniment-team-request',
      order: 40,
      labelId: 'accompaniment.teams.person_link',
      permission: 'accompaniment.request',
      href: (personId) => teamRequestNewLink.href(undefined, { person: personId }),
    },
  ],
  sections: [
    {
      key: 'teams',
      order: 20,
      to: teamsLink.href(),
      titleId: 'accompaniment.teams.hub.teams.title',
      descriptionId: 'accompaniment.teams.hub.teams.description',
      permission: 'accompaniment.view',
    },
    {
      key: 'team-requests',
      order: 21,
      to: teamRequestsLink.href(),
      titleId: 'accompaniment.teams.hub.requests.title',
      descriptionId: 'accompaniment.teams.hub.requests.description',
      permission: 'accompaniment.view',
    },
  ],
};
