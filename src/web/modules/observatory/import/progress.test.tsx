import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueView } from '../../../../common/observatory/catalogue-schemas';
import { observatoryEndpoints as api } from '../../../../common/observatory/endpoints';
import type { ImportPreviewView } from '../../../../common/observatory/import-schemas';
import { observatoryImportLink, observatoryLink } from '../../../../common/observatory/links';
import { ownRecordsEndpoints } from '../../../../common/observatory/own-records-endpoints';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { observatoryModule } from '..';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const catalogue: CatalogueView = { elements: [], indicators: [], canImport: true, canDefine: true };
const preview: ImportPreviewView = {
  format: 'long',
  encoding: 'utf-8',
  columns: ['geo_code', 'period', 'element', 'value'],
  mapping: { format: 'long', columns: [] },
  savedMapping: false,
  elements: [],
  values: 3,
  secret: 0,
  territories: 1,
  skippedUnknown: 0,
  replaces: 0,
  sample: [],
  problems: [],
  problemCount: 0,
  checksum: 'b'.repeat(64),
};

const deferred = () => {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('the import’s upload', () => {
  it('shows a labelled progress bar with its percentage, then that the file is being read', async () => {
    const upload = deferred();
    const reading = deferred();
    const calls = renderRoutes({
      routes: observatoryModule.routes!,
      path: observatoryImportLink.href(),
      roles: ['analyst'],
      language: 'en',
      uploadHold: upload.promise,
      answers: byEndpoint(
        [api.catalogue, catalogue],
        [api.previewImport, () => reading.promise.then(() => preview)],
      ),
    });
    expect(await screen.findByRole('heading', { name: 'Import an official file' }, SLOW)).toBeTruthy();
    const file = new File(['geo_code,period,element,value\n'], 'long.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText(/^File \(CSV/), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText(/^Vintage/), { target: { value: 'Flux 2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'See what will be imported' }));
    const bar = (await screen.findByRole(
      'progressbar',
      { name: 'Sending the file' },
      SLOW,
    )) as HTMLProgressElement;
    expect(bar.value).toBe(50);
    expect(bar.max).toBe(100);
    expect(screen.getByText('50%')).toBeTruthy();
    upload.resolve();
    // All sent: the bar gives way to the server's reading, until the answer comes.
    expect(await screen.findByText('Reading the file…', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(calls.some((c) => isCall(c, api.previewImport))).toBe(true);
    reading.resolve();
    expect(await screen.findByText(/3 values ready/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByText('Reading the file…')).toBeNull();
  });
});

describe('samen’s own figures', () => {
  it('says when they were computed and recomputes them for those who may', async () => {
    const calls = renderRoutes({
      routes: observatoryModule.routes!,
      path: observatoryLink.href(),
      roles: ['analyst'],
      language: 'en',
      answers: byEndpoint(
        [api.catalogue, catalogue],
        [
          ownRecordsEndpoints.status,
          {
            computedAt: '2026-12-06T01:00:00.000Z',
            vintage: 'samen 2026-12-06',
            values: 42,
            canRecompute: true,
          },
        ],
        [ownRecordsEndpoints.recompute, { vintage: 'samen 2026-12-06', values: 40, secret: 7, replaced: 42 }],
      ),
    });
    expect(await screen.findByText(/Last computed: .*\(42 values\)/, {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Recompute from samen’s records' }));
    expect(
      await screen.findByText(/Recomputed: 40 values, 7 of them hidden; 42 values/, {}, SLOW),
    ).toBeTruthy();
    expect(calls.some((c) => isCall(c, ownRecordsEndpoints.recompute))).toBe(true);
  });
});
