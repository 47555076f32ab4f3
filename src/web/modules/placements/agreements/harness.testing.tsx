import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import type { PlacementView } from '../../../common/placements/agreement-schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';

/** Test-only: a fake API (a session with given roles and canned answers) around the agreement pages. */

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

export const PERSON = '0b6f3c1e-8a2d-4f5b-9c7e-1d2e3f4a5b6c';
export const HOST = '6f1c2b0e-3d5a-4c7e-9b1a-2e4f6a8c0d12';
export const OFFER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const TUTOR = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const PROGRAMME = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const PLACEMENT = '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f';

export const placement = (over: Partial<PlacementView> = {}): PlacementView => ({
  id: PLACEMENT,
  side: 'home',
  status: 'draft',
  version: 1,
  personId: PERSON,
  personName: 'Lucie Fictivelle',
  participantCode: 'AAAA-BBBB-CCCC-DDDD',
  homeOrg: { id: 'o1', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
  hostOrg: { id: HOST, nameFr: 'Atelier du Pile', nameNl: 'Atelier du Pile' },
  offerId: OFFER,
  programmeId: PROGRAMME,
  programmeName: 'SAM Eurométropole',
  pathwayId: null,
  siteName: 'Atelier vélo',
  municipalityCode: 'FR-59512',
  municipalityName: 'Roubaix',
  tasks: 'Réparation de vélos',
  schedule: 'Lundi–jeudi 9h–16h',
  hoursPerWeek: 26,
  startsOn: '2027-01-04',
  endsOn: '2027-05-31',
  referentUserId: 'u',
  referentName: 'Rita Référente',
  tutorUserId: TUTOR,
  tutorName: 'Tess Tuteur',
  signatory: 'person',
  representativeName: null,
  language: 'fr',
  accidentInsuranceRef: null,
  liabilityInsuranceRef: null,
  sharedFields: ['identity'],
  statusReason: null,
  durationRule: { minMonths: 2, maxMonths: 6 },
  signatures: [],
  actions: [],
  editable: true,
  validatedAt: null,
  activatedAt: null,
  endedOn: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  ...over,
});

/** An answer that is an API error, shaped as the server's error handler sends it. */
export const apiError = (status: number, code: string, message: string, fields: unknown[] = []) =>
  new Response(JSON.stringify({ error: { code, message, fields } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

export function serve(
  language: 'fr' | 'nl',
  path: string,
  routes: Array<{ path: string; element: ReactNode }>,
  answer: (method: string, url: string, body: unknown) => unknown,
  roles: string[] = ['referent'],
): Call[] {
  const calls: Call[] = [];
  const session = {
    user: {
      id: 'u',
      email: 'x@y.example',
      displayName: 'X',
      language,
      platformAdmin: false,
      totpEnabled: true,
    },
    activeOrgId: 'o1',
    roles,
    memberships: [{ orgId: 'o1', nameFr: 'R', nameNl: 'R', region: 'BE-WAL', roles }],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const out = url.startsWith('/api/auth/session') ? session : answer(method, url, body);
    if (out instanceof Response) return out;
    return new Response(JSON.stringify(out ?? {}), { headers: { 'content-type': 'application/json' } });
  });
  render(
    <LanguageProvider initial={language}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
  return calls;
}
