import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueView } from '../../../../common/observatory/catalogue-schemas';
import { observatoryEndpoints as api } from '../../../../common/observatory/endpoints';
import type { ImportPreviewView } from '../../../../common/observatory/import-schemas';
import { observatoryImportLink } from '../../../../common/observatory/links';
import { byEndpoint, renderRoutes } from '../../../testing/render-routes';
import { observatoryModule } from '..';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const catalogue: CatalogueView = { elements: [], indicators: [], canImport: true, canDefine: false };
const preview: ImportPreviewView = {
  format: 'long',
  encoding: 'utf-8',
  columns: ['geo', 'period', 'element', 'value', 'sex'],
  mapping: { format: 'long', columns: [], geoColumn: 'geo', periodColumn: 'period', sexColumn: 'sex' },
  savedMapping: false,
  elements: [
    {
      code: 'MS_TOT_RESIDENTS',
      label: 'Habitants (Statbel, fiscal)',
      exists: true,
      values: 3,
      periods: ['2018'],
      disaggregations: ['total', 'sex:F', 'sex:M'],
    },
  ],
  values: 3,
  secret: 0,
  territories: 1,
  skippedUnknown: 0,
  replaces: 0,
  sample: [
    {
      line: 2,
      geoCode: 'BE-54007',
      period: '2018',
      element: 'MS_TOT_RESIDENTS',
      disaggregation: 'sex:F',
      value: 29800,
      secret: false,
      mappedTo: ['BE-57096'],
    },
    {
      line: 3,
      geoCode: 'BE-34022',
      period: '2018',
      element: 'MS_TOT_RESIDENTS',
      disaggregation: 'total',
      value: 76000,
      secret: false,
    },
  ],
  oldCodes: [{ code: 'BE-54007', mappedTo: ['BE-57096'] }],
  problems: [],
  problemCount: 0,
  checksum: 'b'.repeat(64),
};

describe('the preview of a file with old codes and values by sex', () => {
  it('names each old code with the current one, and shows each value’s breakdown', async () => {
    renderRoutes({
      routes: observatoryModule.routes!,
      path: observatoryImportLink.href(),
      roles: ['analyst'],
      language: 'fr',
      answers: byEndpoint([api.catalogue, catalogue], [api.previewImport, preview]),
    });
    const input = await screen.findByLabelText(/^Fichier/, {}, SLOW);
    fireEvent.change(input, { target: { files: [new File(['geo,period,element,value,sex\n'], 'f.csv')] } });
    fireEvent.change(screen.getByLabelText(/^Millésime/), { target: { value: 'Statbel 2018' } });
    fireEvent.click(screen.getByRole('button', { name: /Voir ce qui sera importé/ }));
    expect(await screen.findByRole('heading', { name: 'Anciens codes' }, SLOW)).toBeTruthy();
    expect(screen.getByText(/ancien code, reporté sur BE-57096/, { selector: 'li' })).toBeTruthy();
    const sample = screen.getByRole('table', { name: 'Premières valeurs lues' });
    const old = within(sample).getByRole('row', { name: /BE-54007/ });
    expect(old.textContent).toContain('ancien code, reporté sur BE-57096');
    expect(old.textContent).toContain('Femmes');
    expect(within(sample).getByRole('row', { name: /BE-34022/ }).textContent).toContain('Total');
    expect(within(sample).getByRole('columnheader', { name: 'Ventilation' })).toBeTruthy();
    const byElement = screen.getByRole('table', { name: 'Valeurs par donnée' });
    expect(byElement.textContent).toContain('Total, Femmes, Hommes');
  });
});
