import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import type { BoardTile } from '../../../../common/observatory/board-schemas';
import { observatoryEndpoints as obsApi } from '../../../../common/observatory/endpoints';
import { boardEditLink, boardLink } from '../../../../common/observatory/links';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { observatoryModule } from '..';
import { board, map, noChart } from './fixtures.testing';

// The browser's rasteriser is not in happy-dom: the PNG is a stand-in, the downloads are recorded.
const downloads: Array<{ name: string; blob: Blob }> = [];
vi.mock('../map/export-png', () => ({
  svgToPng: vi.fn(async () => new Blob(['png'], { type: 'image/png' })),
  downloadBlob: vi.fn((name: string, blob: Blob) => downloads.push({ name, blob })),
}));

const SLOW = { timeout: 10_000 };
afterEach(() => {
  cleanup();
  downloads.length = 0;
});

const point = (period: string, value: number | null, status: 'shown' | 'suppressed_secondary' = 'shown') => ({
  period,
  value,
  numerator: value === null ? null : value * 10,
  denominator: value === null ? null : 10_000,
  status,
  sourcePeriods: period,
});

const tiles: BoardTile[] = [
  {
    id: '00000000-0000-4000-8000-000000000021',
    kind: 'ranking',
    indicator: 'DEMO_MIN_INCOME_RATE',
    map: map('Taux de revenu minimum'),
    ...noChart,
    ranking: {
      period: '2022',
      sections: [
        {
          country: 'all',
          entries: [
            {
              rank: 1,
              code: 'FR-59599',
              name: 'Tourcoing',
              country: 'FR',
              period: '2022',
              value: 66.7,
              status: 'shown',
            },
            {
              rank: 2,
              code: 'BE-34022',
              name: 'Kortrijk',
              country: 'BE',
              period: '2022',
              value: 21.4,
              status: 'shown',
            },
            {
              rank: null,
              code: 'FR-59044',
              name: 'Baisieux',
              country: 'FR',
              period: '2022',
              value: null,
              status: 'suppressed_source',
            },
          ],
        },
      ],
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000022',
    kind: 'series',
    indicator: 'DEMO_SINGLE_PARENT_SHARE',
    map: map('Part des familles monoparentales'),
    ...noChart,
    series: {
      periods: ['2020', '2021', '2022'],
      lines: [
        {
          key: 'all',
          points: [point('2020', 22.5), point('2021', null, 'suppressed_secondary'), point('2022', 23.1)],
        },
      ],
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000023',
    kind: 'compare',
    indicator: 'DEMO_MEDIAN_INCOME',
    map: map('Revenu médian'),
    ...noChart,
    geoA: 'FR-59599',
    geoB: 'BE-34022',
    compare: {
      periods: ['2021', '2022'],
      relative: true,
      a: {
        code: 'FR-59599',
        name: 'Tourcoing',
        country: 'FR',
        points: [
          { period: '2021', value: 16000, status: 'shown', relative: 69.1, sourcePeriod: '2021' },
          { period: '2022', value: null, status: 'no_data', relative: null, sourcePeriod: null },
        ],
      },
      b: {
        code: 'BE-34022',
        name: 'Kortrijk',
        country: 'BE',
        points: [
          { period: '2021', value: 27000, status: 'shown', relative: 93.1, sourcePeriod: '2022' },
          { period: '2022', value: 27500, status: 'shown', relative: 94.8, sourcePeriod: '2022' },
        ],
      },
    },
  },
];

describe('a board’s chart tiles', () => {
  it('draws a ranking, a series and a comparison as described images with their data tables', async () => {
    renderRoutes({
      routes: observatoryModule.routes!,
      path: boardLink.href({ code: 'pauvrete-familles' }),
      roles: ['analyst'],
      answers: byEndpoint([api.view, board({ tiles })]),
    });
    const ranking = await screen.findByRole(
      'img',
      { name: 'Classement des communes : Taux de revenu minimum, 2022' },
      SLOW,
    );
    // The hidden territory comes last, marked, with no bar.
    expect(within(ranking).getByText('masquée')).toBeTruthy();
    expect(ranking.querySelectorAll('rect')).toHaveLength(3);
    const rankTable = screen.getByRole('table', {
      name: 'Classement des communes : Taux de revenu minimum, 2022',
    });
    const rows = within(rankTable).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^1Tourcoing.*66,7$/),
      expect.stringMatching(/^2Kortrijk.*21,4$/),
      expect.stringMatching(/^–Baisieux.*Secret de la source$/),
    ]);
    const series = screen.getByRole('img', {
      name: 'Évolution du total : Part des familles monoparentales, 2020, 2021, 2022',
    });
    // A hidden period breaks the line: two points, no line through the gap.
    expect(series.querySelectorAll('circle')).toHaveLength(2);
    expect(series.querySelectorAll('polyline')).toHaveLength(0);
    const seriesTable = screen.getByRole('table', { name: /Évolution du total/ });
    expect(within(seriesTable).getByText('Masquée (protection d’une autre valeur)')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Tourcoing et Kortrijk comparées : Revenu médian' })).toBeTruthy();
    expect(screen.getByText(/par rapport à la référence de son pays \(= 100\)/)).toBeTruthy();
    expect(screen.getByText('16 000 (indice 69,1)')).toBeTruthy();
  });

  it('downloads a chart as SVG and PNG, each carrying the indicator, periods, sources, vintages and caveat', async () => {
    renderRoutes({
      routes: observatoryModule.routes!,
      path: boardLink.href({ code: 'pauvrete-familles' }),
      roles: ['analyst'],
      answers: byEndpoint([api.view, board({ tiles: [tiles[1]!] })]),
    });
    fireEvent.click(
      await screen.findByRole('button', { name: /Télécharger « DEMO_MIN_INCOME_RATE-series » en SVG/ }, SLOW),
    );
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('DEMO_MIN_INCOME_RATE-series.svg');
    const svg = await downloads[0]!.blob.text();
    for (const s of [
      'Part des familles monoparentales',
      '2020, 2021, 2022',
      'Jeu de démonstration',
      'Démo 2026',
      'Le RSA se compte par foyer.',
    ])
      expect(svg).toContain(s);
    expect(svg).toMatch(/^<\?xml/);
    fireEvent.click(screen.getByRole('button', { name: /en PNG/ }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toBe('DEMO_MIN_INCOME_RATE-series.png');
  });
});

describe('the board editor', () => {
  it('adds a comparison of two municipalities chosen from the indicator’s map', async () => {
    const indicator = map('Taux de revenu minimum').indicator;
    const calls = renderRoutes({
      routes: observatoryModule.routes!,
      path: boardEditLink.href({ code: 'pauvrete-familles' }),
      roles: ['analyst'],
      answers: byEndpoint(
        [api.view, board()],
        [obsApi.catalogue, { elements: [], indicators: [indicator], canImport: true, canDefine: true }],
        [obsApi.indicatorMap, map('Taux de revenu minimum')],
        [api.addTile, { id: '00000000-0000-4000-8000-000000000040' }],
      ),
    });
    const choose = async (field: RegExp, option: string) => {
      fireEvent.click(await screen.findByRole('button', { name: field }, SLOW));
      fireEvent.click(await screen.findByRole('option', { name: option }));
    };
    await screen.findByText('Visible sans connexion', {}, SLOW);
    await waitFor(() => expect(calls.some((c) => isCall(c, obsApi.catalogue))).toBe(true));
    await choose(/Indicateur à ajouter/, 'Taux de revenu minimum');
    await choose(/Présentation/, 'deux communes comparées');
    const add = screen.getByRole('button', { name: 'Ajouter la tuile' });
    // Two municipalities are needed before the tile can be added.
    expect(add.hasAttribute('disabled') || add.getAttribute('aria-disabled') === 'true').toBe(true);
    await waitFor(() => expect(calls.some((c) => isCall(c, obsApi.indicatorMap))).toBe(true));
    await choose(/Première commune/, 'Tourcoing (France)');
    await choose(/Seconde commune/, 'Baisieux (France)');
    fireEvent.click(add);
    await waitFor(() => expect(calls.some((c) => isCall(c, api.addTile))).toBe(true));
    expect(calls.find((c) => isCall(c, api.addTile))!.body).toEqual({
      indicator: 'DEMO_MIN_INCOME_RATE',
      kind: 'compare',
      geoA: 'FR-59599',
      geoB: 'FR-59044',
    });
  });
});
