import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { programmesApi } from '../../../../common/network/endpoints';
import { programmeLink } from '../../../../common/network/links';
import { personsApi } from '../../../../common/people/endpoints';
import { personsLink } from '../../../../common/people/links';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { overviewLink } from '../../../../common/placements/links';
import type { OverviewItem, OverviewPage } from '../../../../common/placements/overview-schemas';
import { type Answers, byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { networkModule } from '../../network';
import { programme } from '../../network/programmes/fixtures.testing';
import { peopleModule } from '../../people';
import { placementsModule } from '..';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };
const { overview, overviewCsv, overviewXlsx } = placementsEndpoints;

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

/** An export as the API sends it: a file with its name (a new Response each time: a body reads once). */
const file = () =>
  new Response('\uFEFF"Code participant"\r\n', {
    headers: {
      'content-type': 'text/csv',
      'content-disposition': 'attachment; filename="SAM-E-placements.csv"',
    },
  });

/** The overview of programme p1 through the placements module's routes, as its lead coordinator. */
function open(filters: Parameters<typeof overviewLink.href>[1] = {}, page: OverviewPage = PAGE) {
  return renderRoutes({
    routes: placementsModule.routes!,
    path: overviewLink.href({ id: 'p1' }, filters),
    roles: ['coordinator'],
    region: 'FR-HDF',
    answers: byEndpoint(
      [overview, page],
      [overviewCsv, file],
      [overviewXlsx, file],
      [programmesApi.get, programme(false)],
    ),
  });
}

const listed = (calls: Call[]) => calls.filter((c) => isCall(c, overview)).map((c) => c.query);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('programme placements overview', () => {
  it('shows the pseudonymous table in French with counts per status', async () => {
    open();
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
    const calls = open({ homeOrgId: 'o2' });
    await screen.findByText('AB12-CD34-EF56-GH78', {}, SLOW);
    const first = listed(calls)[0];
    expect([first?.get('homeOrgId'), first?.get('page'), first?.get('status')]).toEqual(['o2', '1', null]);
    fireEvent.click(screen.getByRole('button', { name: 'En cours (1)' }));
    await waitFor(() =>
      expect(listed(calls).some((q) => q.get('status') === 'active' && q.get('homeOrgId') === 'o2')).toBe(
        true,
      ),
    );
  });

  it('exports with the current filters', async () => {
    const created = vi.fn(() => 'blob:export');
    vi.spyOn(URL, 'createObjectURL').mockImplementation(created);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const calls = open({ status: 'active', from: '2026-01-01', code: 'ab12cd34ef56gh78' });
    await screen.findByText('AB12-CD34-EF56-GH78', {}, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    // The filters of the address, and no paging: the export is the whole filtered list.
    const csv = calls.filter((c) => isCall(c, overviewCsv));
    expect(csv.map((c) => Object.fromEntries(c.query))).toEqual([
      { status: 'active', from: '2026-01-01', code: 'ab12cd34ef56gh78' },
    ]);
    expect(created).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en Excel (XLSX)' }));
    await waitFor(() =>
      expect(calls.some((c) => isCall(c, overviewXlsx) && c.query.get('status') === 'active')).toBe(true),
    );
  });

  it('offers no export without the permission, and says when nothing matches', async () => {
    open({ status: 'cancelled' }, { ...PAGE, items: [], total: 0, canExport: false });
    expect(await screen.findByText('Aucun stage ne correspond à ces filtres', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exporter en CSV' })).toBeNull();
  });
});

describe('what the placements module adds to other modules’ pages', () => {
  /** The network module's programme page, with the placements module's slots and pages mounted. */
  const openProgramme = (answers: Answers) =>
    renderRoutes({
      routes: [...networkModule.routes!, ...placementsModule.routes!],
      path: programmeLink.href({ id: 'p1' }),
      roles: ['coordinator'],
      region: 'FR-HDF',
      modules: [networkModule, placementsModule],
      answers,
    });

  it('the programme page links its lead coordinator to the overview', async () => {
    const calls = openProgramme(byEndpoint([programmesApi.get, programme(false)], [overview, PAGE]));
    const link = await screen.findByRole('link', { name: 'Stages du programme' }, SLOW);
    expect(link.getAttribute('href')).toBe(overviewLink.href({ id: 'p1' }));
    fireEvent.click(link);
    expect(await screen.findByText('AB12-CD34-EF56-GH78', {}, SLOW)).toBeTruthy();
    expect(calls.some((c) => isCall(c, overview))).toBe(true);
  });

  it('the programme page has no such link for a partner that does not lead it', async () => {
    const led = programme(false);
    openProgramme(byEndpoint([programmesApi.get, { ...led, lead: { ...led.lead, id: 'o2' } }]));
    expect(await screen.findByRole('heading', { level: 1, name: 'SAM Eurométropole' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Stages du programme' })).toBeNull();
  });

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
    renderRoutes({
      routes: peopleModule.routes!,
      path: personsLink.href(),
      roles: ['referent'],
      modules: [peopleModule, placementsModule],
      answers: byEndpoint([personsApi.list, people]),
    });
    const table = await screen.findByRole('table', {}, SLOW);
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getByText('Alertes')).toBeTruthy();
    expect(within(rows[1]!).getByText('Signature en attente')).toBeTruthy();
    expect(within(rows[1]!).getByText('Séjours à l’étranger')).toBeTruthy();
    expect(within(rows[2]!).queryByText('Signature en attente')).toBeNull();
  });
});
