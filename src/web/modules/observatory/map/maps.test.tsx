import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observatoryEndpoints as api, shapesEndpoints } from '../../../../common/observatory/endpoints';
import { indicatorLink } from '../../../../common/observatory/links';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { observatoryModule } from '..';

const SLOW = { timeout: 10_000 };
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 50.6],
      [x + 0.05, 50.6],
      [x + 0.05, 50.65],
      [x, 50.65],
      [x, 50.6],
    ],
  ],
});
const cell = (over: Partial<IndicatorMapView['cells'][number]>): IndicatorMapView['cells'][number] => ({
  code: 'BE-34022',
  name: 'Kortrijk',
  country: 'BE',
  period: '2022',
  numerator: 500,
  denominator: 20000,
  value: 25,
  status: 'shown',
  klass: 1,
  relative: null,
  ...over,
});
const view: IndicatorMapView = {
  indicator: {
    id: '00000000-0000-4000-8000-000000000003',
    code: 'DEMO_MIN_INCOME_RATE',
    label: 'Bénéficiaires d’un revenu minimum',
    definition: null,
    theme: 'poverty',
    numerator: { code: 'DEMO_MIN_INC', label: 'Bénéficiaires' },
    denominator: { code: 'DEMO_POP_18_64', label: 'Population de 18 à 64 ans' },
    factor: 1000,
    comparability: 'B',
    caveats: null,
    periods: ['2021', '2022'],
  },
  period: '2022',
  method: 'quantiles',
  group: null,
  groups: [],
  disaggregation: 'sex:F',
  disaggregations: ['total', 'sex:F', 'sex:M', 'age:15-24'],
  denominatorDisaggregation: 'total',
  kind: 'rate',
  cells: [
    cell({}),
    cell({ code: 'BE-57096', name: 'Mouscron', value: 31, klass: 3, remappedFrom: ['BE-54007'] }),
    cell({
      code: 'BE-37022',
      name: 'Meulebeke + Tielt',
      numerator: null,
      denominator: null,
      value: null,
      status: 'not_comparable',
      klass: null,
      remappedFrom: ['BE-37007', 'BE-37015'],
    }),
  ],
  totals: [],
  scales: [{ country: 'all', breaks: [20, 25, 30, 35], reference: null, relative: false }],
  // The boundaries come apart, under their key (GET /api/observatory/shapes/:key).
  shapes: [
    { code: 'BE-34022', boundary: true, centroid: null },
    { code: 'BE-57096', boundary: true, centroid: null },
    { code: 'BE-37022', boundary: true, centroid: null },
  ],
  shapesKey: 'a'.repeat(32),
  missingBoundaries: 0,
  sources: ['Jeu de démonstration samen — valeurs fictives'],
  vintages: ['Démo 2026'],
};

const render = () =>
  renderRoutes({
    routes: observatoryModule.routes!,
    path: indicatorLink.href({ code: 'DEMO_MIN_INCOME_RATE' }, { period: '2022', disaggregation: 'sex:F' }),
    roles: ['analyst'],
    language: 'fr',
    answers: byEndpoint(
      [api.indicatorMap, view],
      [
        shapesEndpoints.shapes,
        {
          key: 'a'.repeat(32),
          shapes: [
            { code: 'BE-34022', geometry: square(3.2) },
            { code: 'BE-57096', geometry: square(3.1) },
            { code: 'BE-37022', geometry: square(3.3) },
          ],
        },
      ],
    ),
  });

describe('an indicator by sex, on today’s municipalities', () => {
  it('asks for the breakdown in the address, offers the others, and says the denominator stays at its total', async () => {
    const calls = render();
    expect(await screen.findByRole('heading', { name: view.indicator.label }, SLOW)).toBeTruthy();
    const asked = calls.find((c) => isCall(c, api.indicatorMap))!;
    expect(asked.query.get('disaggregation')).toBe('sex:F');
    const bySex = screen.getByRole('navigation', { name: 'Par sexe' });
    expect(within(bySex).getByRole('link', { name: 'Femmes' }).getAttribute('aria-current')).toBe('page');
    const men = within(bySex).getByRole('link', { name: 'Hommes' }).getAttribute('href')!;
    expect(new URLSearchParams(men.split('?')[1]).get('disaggregation')).toBe('sex:M');
    const total = within(screen.getByRole('navigation', { name: 'Ventilation' })).getByRole('link', {
      name: 'Total',
    });
    expect(new URLSearchParams(total.getAttribute('href')!.split('?')[1]).has('disaggregation')).toBe(false);
    expect(
      within(screen.getByRole('navigation', { name: 'Par tranche d’âge' })).getByRole('link', {
        name: '15 à 24 ans',
      }),
    ).toBeTruthy();
    expect(
      screen.getByText(/Femmes : le dénominateur \(Population de 18 à 64 ans\) n’a pas cette ventilation/),
    ).toBeTruthy();
  });

  it('flags the values carried from old codes in the table and the tooltip, and a median refused across a merger', async () => {
    render();
    const table = await screen.findByRole('table', { name: view.indicator.label }, SLOW);
    expect(within(table).getByRole('columnheader', { name: 'Historique des codes' })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /Mouscron/ }).textContent).toContain(
      'anciens codes : BE-54007',
    );
    const merged = within(table).getByRole('row', { name: /Meulebeke \+ Tielt/ });
    expect(merged.textContent).toContain('Non comparable après fusion');
    expect(merged.textContent).toContain('BE-37007, BE-37015');
    expect(within(table).getByRole('row', { name: /Kortrijk/ }).textContent).not.toContain('anciens codes');
    // Drawn from the boundaries read under the view's key.
    await waitFor(() => expect(document.querySelectorAll('svg path.obs-map-area')).toHaveLength(3));
    const titles = [...document.querySelectorAll('svg title')].map((t) => t.textContent);
    expect(titles).toContain('Mouscron: 31 (2022) – anciens codes : BE-54007');
    expect(screen.getByText(/sont reportées sur les communes d’aujourd’hui/)).toBeTruthy();
    // Drawn apart from "no data" and "hidden", with its own legend entry.
    expect(screen.getAllByText('Non comparable après fusion').length).toBeGreaterThan(1);
  });

  it('downloads the map as a PNG drawn from the same standalone SVG', async () => {
    render();
    await screen.findByRole('heading', { name: view.indicator.label }, SLOW);
    // The browser's image decoding and canvas, which happy-dom does not draw.
    const drawn: Array<{ width: number; height: number }> = [];
    vi.stubGlobal(
      'Image',
      class {
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        set src(_url: string) {
          setTimeout(() => this.onload?.(), 0);
        }
      },
    );
    const realBlob = globalThis.Blob;
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:fake');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () =>
        ({
          scale: () => {},
          drawImage: (_img: unknown, _x: number, _y: number, width: number, height: number) =>
            drawn.push({ width, height }),
        }) as never,
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((cb: BlobCallback) =>
      cb(new realBlob(['png'], { type: 'image/png' })),
    );
    const saved: Array<{ name: string; href: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger la carte (PNG)' }, SLOW));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('DEMO_MIN_INCOME_RATE-2022-sex-F.png');
    expect(drawn).toHaveLength(1);
    expect(drawn[0]!.width).toBe(640);
    // The PNG's blob is what was offered.
    const offered = created.mock.calls.map(([b]) => b as Blob);
    expect(offered.some((b) => b.type === 'image/png')).toBe(true);
    expect(offered.some((b) => b.type.startsWith('image/svg'))).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the browser cannot draw the image, and offers no broken file', async () => {
    render();
    await screen.findByRole('heading', { name: view.indicator.label }, SLOW);
    vi.stubGlobal(
      'Image',
      class {
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        set src(_url: string) {
          setTimeout(() => this.onerror?.(), 0);
        }
      },
    );
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:fake');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger la carte (PNG)' }, SLOW));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toMatch(/téléchargez la carte en SVG/);
    expect(click).not.toHaveBeenCalled();
  });
});
