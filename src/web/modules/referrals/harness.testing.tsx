import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import type { ReferralView } from '../../../common/people/referral-schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';

/** Test-only: a fake API (a referent's session and canned answers by path) around the referral pages. */

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

export const referral = (over: Partial<ReferralView> = {}): ReferralView => ({
  id: 'r1',
  status: 'sent',
  purpose: 'referral',
  fields: ['identity', 'languages'],
  message: 'Orientation vers le chantier',
  declineReason: null,
  sender: { id: 'o1', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
  recipient: { id: 'o2', nameFr: 'CCAS de Roubaix', nameNl: 'CCAS Robaais' },
  sentByName: null,
  decidedAt: null,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  basis: 'consent',
  overrideReason: null,
  person: { id: 'p1', firstName: 'Lucie', lastName: 'Fictivelle', participantCode: 'AAAA-BBBB-CCCC-DDDD' },
  side: 'recipient',
  actions: ['accept', 'decline'],
  ...over,
});

export function serve(
  language: 'fr' | 'nl',
  path: string,
  routes: Array<{ path: string; element: ReactNode }>,
  answer: (method: string, url: string, body: unknown) => unknown,
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
    activeOrgId: 'o2',
    roles: ['referent'],
    memberships: [{ orgId: 'o2', nameFr: 'R', nameNl: 'R', region: 'FR-HDF', roles: ['referent'] }],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const out = url.startsWith('/api/auth/session') ? session : answer(method, url, body);
    return new Response(JSON.stringify(out), { headers: { 'content-type': 'application/json' } });
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
