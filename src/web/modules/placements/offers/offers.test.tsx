import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consentsApi } from '../../../../common/people/endpoints';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import {
  cohortLink,
  newAgreementLink,
  offerLink,
  offersLink,
  personOffersLink,
} from '../../../../common/placements/links';
import type { CohortResult, OfferItem, OfferRanking } from '../../../../common/placements/offer-schemas';
import { hrefOf } from '../../../app/client';
import { type Answers, byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { toCsv } from './csv';
import { offerBody } from './OfferForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

/** The module's pages, as the shell mounts them. */
const open = (path: string, answers: Answers, roles = ['referent']) =>
  renderRoutes({ routes: placementsModule.routes!, path, roles, answers });

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

describe('the offers list', () => {
  it('reads its filters from the address and keeps new ones there', async () => {
    const calls = open(
      offersLink.href(undefined, { sector: 'care', open: false }),
      byEndpoint([
        placementsEndpoints.offers,
        { items: [offer('a', { status: 'closed' })], total: 1, page: 1, pageSize: 20 },
      ]),
      ['tutor'],
    );
    const title = await screen.findByRole('link', { name: 'Offre a' }, SLOW);
    expect(title.getAttribute('href')).toBe(offerLink.href({ id: 'a' }));
    expect(screen.getByText('1 offre')).toBeTruthy();
    const listed = () => calls.filter((c) => isCall(c, placementsEndpoints.offers)).map((c) => c.query);
    expect(listed()[0]?.get('sector')).toBe('care');
    // Closed offers included: the API is told so, the box shows unticked.
    expect(listed()[0]?.get('open')).toBe('false');
    expect(
      (screen.getByRole('checkbox', { name: 'Offres ouvertes seulement' }) as HTMLInputElement).checked,
    ).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Offres de mon organisation' }));
    await waitFor(() => expect(listed().some((q) => q.get('mine') === 'true')).toBe(true));
    const last = listed().at(-1);
    expect([last?.get('sector'), last?.get('open'), last?.get('page')]).toEqual(['care', 'false', '1']);
  }, 30_000);

  it('says when no offer is published yet, and when none matches the filters', async () => {
    const none = byEndpoint([placementsEndpoints.offers, { items: [], total: 0, page: 1, pageSize: 20 }]);
    open(offersLink.href(), none, ['tutor']);
    expect(await screen.findByText('Aucune offre de stage pour l’instant', {}, SLOW)).toBeTruthy();
    // The empty state repeats the header's way to publish.
    expect(screen.getAllByRole('link', { name: 'Publier une offre' })).toHaveLength(2);
    cleanup();
    open(offersLink.href(undefined, { country: 'BE' }), none, ['tutor']);
    expect(await screen.findByText('Aucune offre ne correspond à ces critères', {}, SLOW)).toBeTruthy();
  }, 30_000);
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
            orgId: 'org-b',
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
      total: 2,
      feasibleCount: 1,
      page: 1,
      pageSize: 20,
    };
    // A valid placement consent names host 'org'; the one naming 'org-b' was withdrawn.
    const consent = (recipientOrgIds: string[], status: string) => ({
      purpose: 'placement',
      status,
      recipientOrgIds,
    });
    const calls = open(
      personOffersLink.href({ personId: 'p1' }),
      byEndpoint(
        [placementsEndpoints.offerRanking, ranking],
        [consentsApi.list, [consent(['org'], 'active'), consent(['org-b'], 'withdrawn')]],
      ),
    );
    expect(
      await screen.findByRole('heading', { name: 'Offres classées pour Alix Essai' }, SLOW),
    ).toBeTruthy();
    // The person of the address is the one ranked for.
    const asked = calls.find((c) => isCall(c, placementsEndpoints.offerRanking));
    expect(asked?.path).toBe(hrefOf(placementsEndpoints.offerRanking, { params: { id: 'p1' } }));
    const feasible = screen.getByRole('region', { name: 'Offres réalisables (1)' });
    expect(
      within(feasible).getByText('9,4 km, au-delà du rayon actuel de 5 km : un pas à franchir.'),
    ).toBeTruthy();
    expect(within(feasible).getByText('Ligne directe : Bus MWR.')).toBeTruthy();
    expect(within(feasible).getByRole('meter', { name: '90 sur 100' })).toBeTruthy();
    const out = screen.getByRole('region', { name: 'Offres hors de portée pour l’instant (1)' });
    expect(within(out).getByText('néerlandais niveau B1 demandé : niveau insuffisant.')).toBeTruthy();
    expect(screen.getByText('5 km (par défaut : aucune mobilité enregistrée)')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2 offres, dont 1 réalisable');
    // Everything on one page: no pager.
    expect(screen.queryByRole('navigation', { name: 'Pages' })).toBeNull();
    // Issue 9, item 16: which hosts the person's consent already covers.
    expect(within(feasible).getByText('Consentement de stage donné pour cette structure')).toBeTruthy();
    expect(within(out).getByText('Pas encore de consentement pour cette structure')).toBeTruthy();
    // Each offer opens, and leads to an agreement prepared for this person from it.
    expect(within(feasible).getByRole('link', { name: 'Offre a' }).getAttribute('href')).toBe(
      offerLink.href({ id: 'a' }),
    );
    expect(
      within(feasible)
        .getByRole('link', { name: 'Préparer une convention pour l’offre Offre a' })
        .getAttribute('href'),
    ).toBe(newAgreementLink.href({ personId: 'p1' }, { offer: 'a' }));
  }, 30_000);
});

describe('the ranked offers of a person, page by page', () => {
  it('asks page 2 of the same ranking, shows the totals and filters from page 1 again', async () => {
    /** 45 offers, 12 feasible, 20 a page: the answer to any call, its items ranked after the page asked. */
    const answer = (call: { query: URLSearchParams }): OfferRanking => {
      const page = Number(call.query.get('page') ?? '1');
      const feasibleOnly = call.query.get('feasibleOnly') === 'true';
      const total = feasibleOnly ? 12 : 45;
      const ranks = Array.from({ length: 20 }, (_, i) => (page - 1) * 20 + i + 1).filter((r) => r <= total);
      return {
        person: {
          id: 'p1',
          firstName: 'Léa',
          lastName: 'Fictive-Desmet',
          municipalityCode: 'BE-57096',
          municipalityNameFr: 'Mouscron',
          municipalityNameNl: 'Moeskroen',
          mobilityRadiusKm: 15,
          mobilityRecorded: true,
          hasCrossedBorder: false,
          languages: {},
          availableFrom: '2030-01-01',
          availableTo: '2030-12-31',
        },
        items: ranks.map((rank) => ({
          rank,
          offer: offer(`o${rank}`),
          feasible: rank <= 12,
          score: 100 - rank,
          straightKm: 3,
          travelKm: 4,
          crossesBorder: false,
          transitLine: null,
          reasons: [],
        })),
        total,
        feasibleCount: 12,
        page,
        pageSize: 20,
      };
    };
    const calls = open(
      personOffersLink.href({ personId: 'p1' }),
      byEndpoint([placementsEndpoints.offerRanking, answer], [consentsApi.list, []]),
    );
    const ranked = () => calls.filter((c) => isCall(c, placementsEndpoints.offerRanking));
    expect(await screen.findByRole('status', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('45 offres, dont 12 réalisables');
    expect(screen.getByRole('region', { name: 'Offres réalisables (12)' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Offres hors de portée pour l’instant (33)' })).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pager).getByText('Page 1 sur 3 (45 résultats)')).toBeTruthy();
    fireEvent.click(within(pager).getByRole('button', { name: 'Suivant' }));
    expect(await screen.findByText('Page 2 sur 3 (45 résultats)', {}, SLOW)).toBeTruthy();
    expect(ranked().at(-1)!.query.get('page')).toBe('2');
    // Page 2 holds only offers out of reach, ranked 21 to 40: no feasible section, no "none feasible" alert.
    expect(screen.queryByRole('region', { name: 'Offres réalisables (12)' })).toBeNull();
    expect(screen.queryByText(/Aucune offre n’est réalisable/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Offre o21' })).toBeTruthy();
    // A filter starts again from page 1.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Seulement les offres réalisables' }));
    await waitFor(() => expect(ranked().at(-1)!.query.get('feasibleOnly')).toBe('true'), SLOW);
    expect(ranked().at(-1)!.query.get('page')).toBe('1');
    expect(await screen.findByText('12 offres, dont 12 réalisables', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).toBeNull();
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
    const calls = open(cohortLink.href(), byEndpoint([placementsEndpoints.cohortSuggestion, result]), [
      'coordinator',
    ]);
    const run = await screen.findByRole('button', { name: 'Calculer la suggestion' }, SLOW);
    // Nothing is computed before the coordinator asks.
    expect(calls.some((c) => isCall(c, placementsEndpoints.cohortSuggestion))).toBe(false);
    await act(async () => {
      fireEvent.click(run);
    });
    expect(await screen.findByText('2 personne(s) placée(s) sur 3, score total 170.')).toBeTruthy();
    expect(calls.filter((c) => isCall(c, placementsEndpoints.cohortSuggestion))).toHaveLength(1);
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
