import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueView, IndicatorView } from '../../../common/observatory/catalogue-schemas';
import { observatoryEndpoints as api } from '../../../common/observatory/endpoints';
import type { ImportPreviewView } from '../../../common/observatory/import-schemas';
import { indicatorLink, observatoryImportLink } from '../../../common/observatory/links';
import type { IndicatorMapView } from '../../../common/observatory/map-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../testing/render-routes';
import { observatoryModule } from '.';
import { csvCell } from './indicator/csv';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const indicator: IndicatorView = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'DEMO_MEDIAN_INCOME',
  label: 'Revenu médian (mesure nationale de chaque côté)',
  definition: null,
  theme: 'income',
  numerator: { code: 'DEMO_INC_MED', label: 'Revenu médian' },
  denominator: null,
  factor: 1,
  comparability: 'C',
  caveats: 'France : Filosofi ; Belgique : Statbel.',
  periods: ['2021', '2022'],
};
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
const mapView: IndicatorMapView = {
  indicator,
  period: '2022',
  method: 'quantiles',
  group: null,
  groups: [{ code: 'eurometropole', name: 'Eurométropole Lille-Kortrijk-Tournai' }],
  kind: 'rate',
  cells: [
    {
      code: 'FR-59599',
      name: 'Tourcoing',
      country: 'FR',
      period: '2021',
      numerator: 17400,
      denominator: null,
      value: 17400,
      status: 'shown',
      klass: 0,
      relative: 75.1,
    },
    {
      code: 'FR-59044',
      name: 'Baisieux',
      country: 'FR',
      period: '2021',
      numerator: null,
      denominator: null,
      value: null,
      status: 'suppressed_source',
      klass: null,
      relative: null,
    },
    {
      code: 'BE-34027',
      name: 'Menen',
      country: 'BE',
      period: '2022',
      numerator: 26000,
      denominator: null,
      value: 26000,
      status: 'shown',
      klass: 2,
      relative: 89.7,
    },
  ],
  totals: [],
  scales: [
    { country: 'BE', breaks: [80, 90, 100, 110], reference: 29000, relative: true },
    { country: 'FR', breaks: [70, 80, 90, 100], reference: 23160, relative: true },
  ],
  shapes: [
    { code: 'FR-59599', geometry: square(3.15), centroid: [3.17, 50.72] },
    { code: 'FR-59044', geometry: null, centroid: [3.23, 50.61] },
    { code: 'BE-34027', geometry: square(3.12), centroid: [3.12, 50.79] },
  ],
  missingBoundaries: 1,
  sources: ['Jeu de démonstration samen — valeurs fictives'],
  vintages: ['Démo 2026'],
};

describe('an indicator across the border', () => {
  it('shows a class-C indicator as two maps on their national scales, with its caveat and the table', async () => {
    renderRoutes({
      routes: observatoryModule.routes!,
      path: indicatorLink.href({ code: 'DEMO_MEDIAN_INCOME' }),
      roles: ['analyst'],
      language: 'fr',
      answers: byEndpoint([api.indicatorMap, mapView]),
    });
    expect(await screen.findByRole('heading', { name: indicator.label }, SLOW)).toBeTruthy();
    expect(screen.getByText('Deux cartes, deux échelles')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^France \(référence nationale : 23.160\)$/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Belgique \(référence nationale/ })).toBeTruthy();
    expect(
      screen.getAllByRole('img', { name: /Les chiffres de chaque commune sont dans le tableau/ }),
    ).toHaveLength(2);
    expect(screen.getByRole('note').textContent).toContain('Filosofi');
    const table = screen.getByRole('table', { name: indicator.label });
    const baisieux = within(table).getByRole('row', { name: /Baisieux/ });
    expect(baisieux.textContent).toContain('Secret de la source');
    expect(within(table).getByRole('row', { name: /Menen/ }).textContent).toContain('89,7');
    expect(screen.getByText(/Une commune n’a pas de contour enregistré/)).toBeTruthy();
  });

  it('neutralises formulas in the CSV it exports', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a;b')).toBe('"a;b"');
  });
});

const catalogue: CatalogueView = {
  elements: [
    {
      id: '00000000-0000-4000-8000-000000000011',
      code: 'MS_TOT_RESIDENTS',
      label: 'Inwoners (Statbel, fiscaal)',
      labelFr: 'Habitants',
      labelNl: 'Inwoners',
      definition: null,
      unit: 'count',
      theme: 'population',
      aggregation: 'sum',
      health: false,
      source: 'Statbel',
      sourceTable: null,
      sourceColumn: null,
      licence: null,
      comparability: 'A',
      caveats: null,
      valueCount: 0,
      periods: [],
      ownOrganisation: false,
    },
  ],
  indicators: [],
  canImport: true,
  canDefine: true,
};
const preview = (over: Partial<ImportPreviewView> = {}): ImportPreviewView => ({
  format: 'statbel',
  encoding: 'utf-8',
  columns: ['CD_YEAR', 'CD_MUNTY_REFNIS', 'MS_TOT_RESIDENTS', 'MS_OTHER'],
  mapping: {
    format: 'statbel',
    columns: [
      { source: 'MS_TOT_RESIDENTS', element: 'MS_TOT_RESIDENTS' },
      { source: 'MS_OTHER', element: 'MS_OTHER' },
    ],
  },
  savedMapping: false,
  elements: [
    {
      code: 'MS_TOT_RESIDENTS',
      label: 'Inwoners (Statbel, fiscaal)',
      exists: true,
      values: 2,
      periods: ['2022'],
    },
    { code: 'MS_OTHER', label: null, exists: false, values: 2, periods: ['2022'] },
  ],
  values: 4,
  secret: 0,
  territories: 2,
  skippedUnknown: 0,
  replaces: 0,
  sample: [],
  problems: [
    {
      line: 1,
      column: 'MS_OTHER',
      code: 'observatory.errors.unknown_element',
      message: 'Regel 1, kolom MS_OTHER: het gegeven MS_OTHER is niet gedefinieerd in het observatorium.',
    },
  ],
  problemCount: 1,
  checksum: 'a'.repeat(64),
  ...over,
});

describe('importing an official file', () => {
  it('previews in Dutch, blocks the import while a problem remains, and imports once the column is ignored', async () => {
    let previews = 0;
    const calls = renderRoutes({
      routes: observatoryModule.routes!,
      path: observatoryImportLink.href(),
      roles: ['analyst'],
      language: 'nl',
      answers: byEndpoint(
        [api.catalogue, catalogue],
        [
          api.previewImport,
          () => {
            previews += 1;
            return previews === 1
              ? preview()
              : preview({
                  mapping: {
                    format: 'statbel',
                    columns: [{ source: 'MS_TOT_RESIDENTS', element: 'MS_TOT_RESIDENTS' }],
                  },
                  elements: [preview().elements[0]!],
                  values: 2,
                  problems: [],
                  problemCount: 0,
                });
          },
        ],
        [api.commitImport, { importId: 'i', values: 2, replaced: 0 }],
      ),
    });
    expect(
      await screen.findByRole('heading', { name: 'Een officieel bestand importeren' }, SLOW),
    ).toBeTruthy();
    // Nothing is sent without a file and a vintage.
    fireEvent.click(screen.getByRole('button', { name: 'Bekijken wat geïmporteerd wordt' }));
    expect(await screen.findByText('Kies een bestand.')).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.previewImport))).toBe(false);
    const file = new File(['CD_YEAR|CD_MUNTY_REFNIS|MS_TOT_RESIDENTS\n'], 'statbel.txt', {
      type: 'text/plain',
    });
    fireEvent.change(screen.getByLabelText(/Bestand \(CSV, TXT of XLSX/), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText(/^Jaargang/), { target: { value: 'Statbel 2022' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bekijken wat geïmporteerd wordt' }));
    expect(await screen.findByText(/Eén probleem in het bestand/, {}, SLOW)).toBeTruthy();
    expect(screen.getByText(/het gegeven MS_OTHER is niet gedefinieerd/)).toBeTruthy();
    const commit = screen.getByRole('button', { name: /De 4 waarden importeren/ });
    expect(commit.hasAttribute('disabled') || commit.getAttribute('aria-disabled') === 'true').toBe(true);
    const sent = calls.find((c) => isCall(c, api.previewImport))!;
    expect(sent.body).toBeInstanceOf(FormData);
    expect(JSON.parse(String((sent.body as FormData).get('settings')))).toMatchObject({
      vintage: 'Statbel 2022',
    });
    // Ignore the unknown column: previewed again with the new mapping, then imported.
    fireEvent.click(screen.getByRole('button', { name: /Gegeven voor kolom MS_OTHER/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Deze kolom negeren' }));
    expect(await screen.findByText(/2 waarden klaar om geïmporteerd te worden/, {}, SLOW)).toBeTruthy();
    const second = calls.filter((c) => isCall(c, api.previewImport))[1]!;
    expect(JSON.parse(String((second.body as FormData).get('settings'))).mapping.columns).toEqual([
      { source: 'MS_TOT_RESIDENTS', element: 'MS_TOT_RESIDENTS' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: /De 2 waarden importeren/ }));
    expect(await screen.findByText(/2 waarden geïmporteerd/, {}, SLOW)).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => isCall(c, api.commitImport))).toBe(true));
  });
});
