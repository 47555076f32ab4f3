import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { programmeTotals } from '../../../common/network/programme-rules';
import type { ProgrammeDetail } from '../../../common/network/programme-schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';

/** Test-only: a fake API (a coordinator's session and one programme) around the programme pages. */

const org = (
  id: string,
  nameFr: string,
  nameNl: string,
  country: 'FR' | 'BE',
  shortName: string | null = null,
) => ({
  id,
  nameFr,
  nameNl,
  shortName,
  country,
});
const lead = org('o1', 'Union Départementale des CCAS du Nord', 'Departementale Unie', 'FR', 'UDCCAS 59');
const partners = [
  { org: lead, role: 'lead' as const, budgetTotal: '600000.00', euAmount: '300000.00' },
  {
    org: org('o2', 'CPAS de Courtrai', 'OCMW Kortrijk', 'BE'),
    role: 'partner' as const,
    budgetTotal: '500000.00',
    euAmount: '250000.00',
  },
  {
    org: org('o3', 'Province de Flandre-Occidentale', 'Provincie West-Vlaanderen', 'BE'),
    role: 'associated' as const,
    budgetTotal: null,
    euAmount: null,
  },
];
export const programme = (canEdit: boolean): ProgrammeDetail => ({
  id: 'p1',
  acronym: 'SAM-E',
  nameFr: 'SAM Eurométropole',
  nameNl: 'SAM Eurometropool',
  fundingProgramme: 'Interreg IV A France-Wallonie-Vlaanderen',
  funds: ['erdf'],
  startsOn: '2010-07-01',
  endsOn: '2014-12-31',
  status: 'closed',
  descriptionFr: 'Action 1 – chantiers.',
  descriptionNl: 'Actie 1 – integratieprojecten.',
  budgetTotal: '1142943.65',
  euAmount: '583540.04',
  placementMinMonths: 2,
  placementMaxMonths: 6,
  lead,
  partners,
  totals: programmeTotals({ budgetTotal: '1142943.65', euAmount: '583540.04' }, partners),
  canEdit,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

export function serve(
  detail: ProgrammeDetail,
  language: 'fr' | 'nl',
  path: string,
  routes: Array<{ path: string; element: ReactNode }>,
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
    roles: ['coordinator'],
    memberships: [{ orgId: 'o1', nameFr: 'U', nameNl: 'U', region: 'FR-HDF', roles: ['coordinator'] }],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({
      method: init?.method ?? 'GET',
      url,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const body = url.startsWith('/api/auth/session') ? session : detail;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
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
