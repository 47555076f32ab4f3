import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverviewItem, OverviewPage } from '../../../common/placements/overview-schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';
import { PeoplePage } from '../people/PeoplePage';
import { programme } from '../programmes/harness.testing';
import { ProgrammePage } from '../programmes/ProgrammePage';
import { ProgrammePlacementsPage } from './ProgrammePlacementsPage';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

const item = (over: Partial<OverviewItem>): OverviewItem => ({
  id: 'a1',
  participantCode: 'AB12-CD34-EF56-GH78',
  homeOrg: { id: 'o2', nameFr: 'CPAS de Courtrai', nameNl: 'OCMW Kortrijk' },
  hostOrg: { id: 'o1', nameFr: 'UDCCAS du Nord', nameNl: 'UDCCAS Nord' },
  siteName: 'Atelier du Pile',
  municipalityCode: 'FR-59512',
  municipalityNameFr: 'Roubaix',
  municipalityNameNl: 'Robaais',
  startsOn: '2026-09-01',
  endsOn: '2026-12-31',
  endedOn: null,
  status: 'active',
  version: 1,
  attendanceRate: 0.8571,
  midTermDone: true,
  finalDone: false,
  exitSituation: null,
  sixMonthSituation: null,
  ...over,
});

const PAGE: OverviewPage = {
  items: [
    item({}),
    item({
      id: 'b1',
      participantCode: 'ZZ99-CD34-EF56-GH78',
      status: 'completed',
      endedOn: '2026-05-29',
      attendanceRate: null,
      exitSituation: 'training',
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 25,
  counts: { active: 1, completed: 1 },
  canExport: true,
};

function serve(
  path: string,
  overview: OverviewPage = PAGE,
  element = <ProgrammePlacementsPage />,
  opts: { roles?: string[]; other?: unknown } = {},
) {
  const calls: string[] = [];
  const session = {
    user: {
      id: 'u',
      email: 'x@y.example',
      displayName: 'X',
      language: 'fr',
      platformAdmin: false,
      totpEnabled: true,
    },
    activeOrgId: 'o1',
    roles: opts.roles ?? ['coordinator'],
    memberships: [
      { orgId: 'o1', nameFr: 'U', nameNl: 'U', region: 'FR-HDF', roles: opts.roles ?? ['coordinator'] },
    ],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(url);
    if (url.includes('/placements.'))
      return new Response('\uFEFF"Code participant"\r\n', {
        headers: {
          'content-type': 'text/csv',
          'content-disposition': 'attachment; filename="SAM-E-placements.csv"',
        },
      });
    const body = url.startsWith('/api/auth/session')
      ? session
      : url.startsWith('/api/programmes/p1/placements')
        ? overview
        : (opts.other ?? programme(false));
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  render(
    <LanguageProvider initial="fr">
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/app/programmes/:id/placements" element={element} />
              <Route path="/app/programmes/:id" element={<ProgrammePage />} />
              <Route path="/app/people" element={element} />
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('programme placements overview', () => {
  it('shows the pseudonymous table in French with counts per status', async () => {
    serve('/app/programmes/p1/placements');
    expect(await screen.findByText('AB12-CD34-EF56-GH78', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Stages du programme' })).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getByText('En cours')).toBeTruthy();
    expect(within(table).getByText('Terminée')).toBeTruthy();
    expect(within(table).getByText(/^86\s?%$/)).toBeTruthy();
    expect(within(table).getAllByText('Mi-parcours')).toHaveLength(2);
    expect(within(table).getByText('À la sortie : Formation')).toBeTruthy();
    expect(within(table).getAllByText('CPAS de Courtrai')).toHaveLength(2);
    const chips = screen.getByRole('navigation', { name: 'Stages par statut' });
    expect(within(chips).getByRole('button', { name: 'Tous (2)' })).toBeTruthy();
    expect(within(chips).getByRole('button', { name: 'En cours (1)' })).toBeTruthy();
    expect(within(chips).queryByRole('button', { name: /Brouillon/ })).toBeNull();
  });

  it('a status chip filters the list through the URL', async () => {
    const calls = serve('/app/programmes/p1/placements?homeOrgId=o2');
    await screen.findByText('AB12-CD34-EF56-GH78', {}, SLOW);
    expect(calls.some((u) => u.startsWith('/api/programmes/p1/placements?homeOrgId=o2&page=1'))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'En cours (1)' }));
    await waitFor(() =>
      expect(calls.some((u) => u.includes('status=active') && u.includes('homeOrgId=o2'))).toBe(true),
    );
  });

  it('exports with the current filters', async () => {
    const created = vi.fn(() => 'blob:export');
    vi.spyOn(URL, 'createObjectURL').mockImplementation(created);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const calls = serve('/app/programmes/p1/placements?status=active&from=2026-01-01&code=ab12cd34ef56gh78');
    await screen.findByText('AB12-CD34-EF56-GH78', {}, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(calls).toContain(
      '/api/programmes/p1/placements.csv?status=active&from=2026-01-01&code=ab12cd34ef56gh78',
    );
    expect(created).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en Excel (XLSX)' }));
    await waitFor(() =>
      expect(calls.some((u) => u.startsWith('/api/programmes/p1/placements.xlsx?status=active'))).toBe(true),
    );
  });

  it('offers no export without the permission, and says when nothing matches', async () => {
    serve('/app/programmes/p1/placements?status=cancelled', {
      ...PAGE,
      items: [],
      total: 0,
      canExport: false,
    });
    expect(await screen.findByText('Aucun stage ne correspond à ces filtres', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exporter en CSV' })).toBeNull();
  });

  it('the programme page links its lead coordinator to the overview', async () => {
    serve('/app/programmes/p1');
    const link = await screen.findByRole('link', { name: 'Stages du programme' }, SLOW);
    expect(link.getAttribute('href')).toBe('/app/programmes/p1/placements');
  });
});

describe('caseload alerts', () => {
  it("the caseload shows each person's alerts as tags", async () => {
    const person = {
      id: 'p1',
      firstName: 'Nora',
      lastName: 'Fictive',
      birthDate: '1988-04-12',
      participantCode: 'AB12-CD34-EF56-GH78',
      municipalityCode: null,
      municipalityNameFr: null,
      municipalityNameNl: null,
      referentUserId: 'u',
      referentName: 'X',
      benefit: 'ris',
      contractType: 'piis',
      contractNextEvaluationOn: null,
      status: 'active',
      alerts: ['signature_pending', 'stays_abroad'],
    };
    const people = {
      items: [person, { ...person, id: 'p2', lastName: 'Sansalerte', alerts: [] }],
      total: 2,
      page: 1,
      pageSize: 25,
      allCaseloads: false,
    };
    serve('/app/people', PAGE, <PeoplePage />, { roles: ['referent'], other: people });
    const table = await screen.findByRole('table', {}, SLOW);
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getByText('Alertes')).toBeTruthy();
    expect(within(rows[1]!).getByText('Signature en attente')).toBeTruthy();
    expect(within(rows[1]!).getByText('Séjours à l’étranger')).toBeTruthy();
    expect(within(rows[2]!).queryByText('Signature en attente')).toBeNull();
  });
});
