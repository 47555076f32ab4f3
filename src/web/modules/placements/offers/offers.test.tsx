import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CohortResult, OfferItem, OfferRanking } from '../../../common/placements/offer-schemas';
import { LanguageProvider } from '../../app/i18n';
import { CohortPage } from './CohortPage';
import { toCsv } from './csv';
import { offerBody } from './OfferForm';
import { PersonOffersPage } from './PersonOffersPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

function mount(path: string, element: ReactNode, url: string) {
  const router = createMemoryRouter([{ path, element }], { initialEntries: [url] });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider initial="fr">
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

const offer = (id: string, over: Partial<OfferItem> = {}): OfferItem => ({
  id,
  orgId: 'org',
  orgNameFr: 'Atelier',
  orgNameNl: 'Atelier',
  siteName: 'Site',
  municipalityCode: 'FR-59512',
  municipalityNameFr: 'Roubaix',
  municipalityNameNl: 'Roubaix',
  country: 'FR',
  sector: 'recycling',
  titleFr: `Offre ${id}`,
  titleNl: null,
  positions: 1,
  freePositions: 1,
  startsOn: '2030-01-01',
  endsOn: '2030-04-30',
  languageCode: null,
  languageLevel: null,
  status: 'open',
  ...over,
});

describe('the ranked offers of a person', () => {
  it('shows feasible offers apart from the others, with reasons as sentences', async () => {
    const ranking: OfferRanking = {
      person: {
        id: 'p1',
        firstName: 'Alix',
        lastName: 'Essai',
        municipalityCode: 'BE-57096',
        municipalityNameFr: 'Mouscron',
        municipalityNameNl: 'Moeskroen',
        mobilityRadiusKm: 5,
        mobilityRecorded: false,
        hasCrossedBorder: false,
        languages: { fr: 'C2' },
        availableFrom: '2030-01-01',
        availableTo: '2030-12-31',
      },
      items: [
        {
          rank: 1,
          offer: offer('a'),
          feasible: true,
          score: 90,
          straightKm: 7.2,
          travelKm: 9.4,
          crossesBorder: true,
          transitLine: 'Bus MWR',
          reasons: [
            { code: 'stretch_distance', points: 20, blocking: false, params: { km: 9.4, radius: 5 } },
            { code: 'direct_transit_line', points: 10, blocking: false, params: { line: 'Bus MWR' } },
          ],
        },
        {
          rank: 2,
          offer: offer('b', {
            municipalityNameFr: 'Courtrai',
            country: 'BE',
            languageCode: 'nl',
            languageLevel: 'B1',
          }),
          feasible: false,
          score: 40,
          straightKm: 7.1,
          travelKm: 9.3,
          crossesBorder: false,
          transitLine: null,
          reasons: [
            {
              code: 'language_insufficient',
              points: 0,
              blocking: true,
              params: { language: 'nl', level: 'B1' },
            },
          ],
        },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(ranking)),
    );
    mount('/app/people/:id/offers', <PersonOffersPage />, '/app/people/p1/offers');
    expect(await screen.findByRole('heading', { name: 'Offres classées pour Alix Essai' })).toBeTruthy();
    const feasible = screen.getByRole('region', { name: 'Offres réalisables (1)' });
    expect(
      within(feasible).getByText('9,4 km, au-delà du rayon actuel de 5 km : un pas à franchir.'),
    ).toBeTruthy();
    expect(within(feasible).getByText('Ligne directe : Bus MWR.')).toBeTruthy();
    expect(within(feasible).getByRole('meter', { name: '90 sur 100' })).toBeTruthy();
    const out = screen.getByRole('region', { name: 'Offres hors de portée pour l’instant (1)' });
    expect(within(out).getByText('néerlandais niveau B1 demandé : niveau insuffisant.')).toBeTruthy();
    expect(screen.getByText('5 km (par défaut : aucune mobilité enregistrée)')).toBeTruthy();
  }, 30_000);
});

describe('the cohort suggestion', () => {
  it('shows the suggestion, lets the coordinator change it and warns when positions are exceeded', async () => {
    const result: CohortResult = {
      persons: [
        {
          id: 'p1',
          firstName: 'Cam',
          lastName: 'Un',
          municipalityNameFr: 'Tourcoing',
          municipalityNameNl: 'Tourcoing',
        },
        {
          id: 'p2',
          firstName: 'Dee',
          lastName: 'Deux',
          municipalityNameFr: 'Tourcoing',
          municipalityNameNl: 'Tourcoing',
        },
        { id: 'p3', firstName: 'Eli', lastName: 'Trois', municipalityNameFr: null, municipalityNameNl: null },
      ],
      offers: [offer('a'), offer('b')],
      assignments: [
        { personId: 'p1', offerId: 'a', score: 90 },
        { personId: 'p2', offerId: 'b', score: 80 },
      ],
      unassigned: [{ personId: 'p3', reason: 'no_home', mainBlocking: null }],
      options: {
        p1: [{ offerId: 'a', score: 90, travelKm: 5 }],
        p2: [
          { offerId: 'a', score: 85, travelKm: 5 },
          { offerId: 'b', score: 80, travelKm: 6 },
        ],
        p3: [],
      },
      totalScore: 170,
    };
    const fetchMock = vi.fn(async () => json(result));
    vi.stubGlobal('fetch', fetchMock);
    mount('/app/offers/cohort', <CohortPage />, '/app/offers/cohort');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Calculer la suggestion' }));
    });
    expect(await screen.findByText('2 personne(s) placée(s) sur 3, score total 170.')).toBeTruthy();
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toBe('/api/offers/cohort-suggestion');
    const unassigned = screen.getByRole('table', { name: 'Sans stage réalisable' });
    expect(within(unassigned).getByText('Commune de résidence inconnue.')).toBeTruthy();
    // Dee moves to offer a, which has one free position only.
    fireEvent.click(screen.getByRole('button', { name: /Offre pour Dee Deux/ }));
    fireEvent.click(await screen.findByRole('option', { name: /Offre a/ }));
    expect(await screen.findByText('Offre a : plus de personnes que de places libres (1).')).toBeTruthy();
  }, 30_000);
});

describe('offer helpers', () => {
  it('sends numbers as numbers, and emptied fields as null only on a change', () => {
    const v = {
      siteName: ' Site ',
      street: '',
      postalCode: '',
      municipalityCode: 'FR-59512',
      sector: 'care',
      titleFr: 'Aide',
      titleNl: '',
      tasksFr: '',
      tasksNl: '',
      positions: '2',
      startsOn: '2030-01-01',
      endsOn: '',
      schedule: '',
      hoursPerWeek: '27,5',
      languageCode: '',
      languageLevel: '',
      accessibility: '',
      tutorUserId: '',
      status: 'open',
    };
    expect(offerBody(v, false)).toEqual({
      siteName: 'Site',
      municipalityCode: 'FR-59512',
      sector: 'care',
      titleFr: 'Aide',
      positions: 2,
      startsOn: '2030-01-01',
      hoursPerWeek: 27.5,
      status: 'open',
    });
    const change = offerBody(v, true);
    expect(change).toMatchObject({ titleNl: null, languageCode: null, tutorUserId: null });
    expect('endsOn' in change).toBe(false);
  });

  it('defuses spreadsheet formulas in the CSV export', () => {
    expect(toCsv(['a', 'b'], [['=SUM(A1)', 'Dé "x"']])).toBe('"a";"b"\r\n"\'=SUM(A1)";"Dé ""x"""');
  });
});
