import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { pathwaySummary } from '../../../common/people/pathway-rules';
import type { PathwayDetail } from '../../../common/people/pathway-schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';
import { PathwayPage } from './PathwayPage';

/** Test-only: a fake API (a referent's session, one person's pathways) around the pathway page. */

export const USER = '0b6f3c0e-2f7e-4a8e-9c1e-7d7b5d1e4a01';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export function pathway(): PathwayDetail {
  const objectives: PathwayDetail['objectives'] = [
    {
      id: 'ob1',
      pathwayId: 'pw1',
      title: 'Se déplacer seule',
      status: 'achieved',
      dueOn: null,
      actions: [
        {
          id: 'ac1',
          objectiveId: 'ob1',
          title: 'Premier trajet seule',
          status: 'done',
          dueOn: null,
          doneOn: daysAgo(20),
        },
      ],
    },
    {
      id: 'ob2',
      pathwayId: 'pw1',
      title: 'Stage à Roubaix',
      status: 'in_progress',
      dueOn: daysAgo(-30),
      actions: [],
    },
  ];
  const mobility = [
    { id: 'm2', recordedOn: daysAgo(10), radiusKm: 32, crossedBorder: true, note: null },
    { id: 'm1', recordedOn: daysAgo(60), radiusKm: 5, crossedBorder: false, note: null },
  ];
  return {
    id: 'pw1',
    personId: 'pe1',
    programme: null,
    modules: ['placement', 'social_insertion'],
    referents: [{ id: USER, displayName: 'Sacha Référente' }],
    entryOn: daysAgo(90),
    exitOn: null,
    exitReason: null,
    person: { id: 'pe1', firstName: 'Inès', lastName: 'Exemple' },
    objectives,
    notes: [
      {
        id: 'n1',
        pathwayId: 'pw1',
        notedOn: daysAgo(5),
        body: 'Situation familiale évoquée.',
        confidential: true,
        author: { id: USER, displayName: 'Sacha Référente' },
        createdAt: new Date().toISOString(),
        editable: true,
      },
    ],
    mobility,
    summary: pathwaySummary(objectives, [...mobility].reverse()),
    canManage: true,
    updatedAt: new Date().toISOString(),
  };
}

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** Serves the page for a person with one pathway (or none); every other call answers with that pathway. */
export function serve(language: 'fr' | 'nl', detail: PathwayDetail | null): Call[] {
  const calls: Call[] = [];
  const session = {
    user: {
      id: USER,
      email: 'r@x.example',
      displayName: 'Sacha Référente',
      language,
      platformAdmin: false,
      totpEnabled: true,
    },
    activeOrgId: 'o1',
    roles: ['referent'],
    memberships: [{ orgId: 'o1', nameFr: 'CPAS', nameNl: 'OCMW', region: 'BE-WAL', roles: ['referent'] }],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const body = url.startsWith('/api/auth/session')
      ? session
      : url.startsWith('/api/pathway-referents')
        ? { items: [{ id: USER, displayName: 'Sacha Référente' }] }
        : url.startsWith('/api/programmes')
          ? { items: [], total: 0, page: 1, pageSize: 100 }
          : url.endsWith('/pathways') && method === 'GET'
            ? { items: detail ? [detail] : [] }
            : detail;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  render(
    <LanguageProvider initial={language}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionProvider>
          <MemoryRouter initialEntries={['/app/people/pe1/pathway']}>
            <Routes>
              <Route path="/app/people/:personId/pathway" element={<PathwayPage />} />
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
  return calls;
}
