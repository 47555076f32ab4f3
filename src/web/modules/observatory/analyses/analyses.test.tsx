import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisEndpoints as api } from '../../../../common/observatory/analysis-endpoints';
import type { AnalysisList, AnalysisView } from '../../../../common/observatory/analysis-schemas';
import { observatoryEndpoints as obsApi } from '../../../../common/observatory/endpoints';
import { analysesLink, analysisEditLink, analysisLink } from '../../../../common/observatory/links';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { observatoryModule } from '..';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const ID = '00000000-0000-4000-8000-000000000020';

const map: IndicatorMapView = {
  indicator: {
    id: '00000000-0000-4000-8000-000000000002',
    code: 'DEMO_MIN_INCOME_RATE',
    label: 'Taux de revenu minimum',
    definition: null,
    theme: 'poverty',
    numerator: { code: 'DEMO_MIN_INC', label: 'n' },
    denominator: { code: 'DEMO_POP_18_64', label: 'd' },
    factor: 1000,
    comparability: 'B',
    caveats: null,
    periods: ['2021', '2022'],
  },
  period: '2022',
  method: 'quantiles',
  group: null,
  groups: [],
  kind: 'rate',
  cells: [
    {
      code: 'FR-59599',
      name: 'Tourcoing',
      country: 'FR',
      period: '2022',
      numerator: 4000,
      denominator: 60000,
      value: 41,
      status: 'shown',
      klass: 2,
      relative: null,
    },
  ],
  totals: [],
  scales: [{ country: 'all', breaks: [10, 40, 70], reference: null, relative: false }],
  shapes: [{ code: 'FR-59599', geometry: null, centroid: [3.16, 50.72] }],
  missingBoundaries: 1,
  sources: ['Jeu de démonstration samen — valeurs fictives'],
  vintages: ['Démo 2026'],
};

const published = {
  number: 1,
  status: 'published' as const,
  publishedAt: '2026-10-15T09:00:00.000Z',
  publishedBy: 'Camille Observatoire',
  note: 'Présentée au conseil.',
};
const draft = { number: 2, status: 'draft' as const, publishedAt: null, publishedBy: null, note: null };

const analysis = (over: Partial<AnalysisView> = {}): AnalysisView => ({
  id: ID,
  title: 'Analyse des besoins sociaux 2026',
  organisation: 'CCAS de Tourcoing',
  latest: published,
  draft: 2,
  canEdit: true,
  titleFr: 'Analyse des besoins sociaux 2026',
  titleNl: 'Analyse van de sociale noden 2026',
  versions: [draft, published],
  version: published,
  group: null,
  territory: 'Tourcoing',
  groups: [{ code: 'eurometropole', name: 'Eurométropole Lille-Kortrijk-Tournai' }],
  sections: [
    {
      id: '00000000-0000-4000-8000-000000000021',
      theme: 'general',
      heading: 'Introduction et méthode',
      body: 'Premier paragraphe.\nDeuxième ligne.',
      headingFr: 'Introduction et méthode',
      headingNl: 'Inleiding en methode',
      bodyFr: 'Premier paragraphe.\nDeuxième ligne.',
      bodyNl: 'Eerste alinea.',
      tile: null,
    },
    {
      id: '00000000-0000-4000-8000-000000000022',
      theme: 'poverty',
      heading: 'Pauvreté et minima sociaux',
      body: 'La part des adultes…',
      headingFr: 'Pauvreté et minima sociaux',
      headingNl: 'Armoede en minimuminkomens',
      bodyFr: 'La part des adultes…',
      bodyNl: 'Het aandeel volwassenen…',
      tile: { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'table', period: null, map },
    },
  ],
  ...over,
});

describe('the partners’ local analyses', () => {
  it('lists each organisation’s analysis with its latest published version', async () => {
    const list: AnalysisList = {
      items: [
        {
          id: ID,
          title: 'Analyse des besoins sociaux 2026',
          organisation: 'CCAS de Tourcoing',
          latest: published,
          draft: 2,
          canEdit: true,
        },
      ],
      canCreate: true,
      groups: [],
    };
    renderRoutes({
      routes: observatoryModule.routes!,
      path: analysesLink.href(),
      roles: ['analyst'],
      answers: byEndpoint([api.list, list]),
    });
    expect(await screen.findByRole('link', { name: 'Analyse des besoins sociaux 2026' }, SLOW)).toBeTruthy();
    expect(screen.getByText(/version 1 publiée le 15 octobre 2026 · brouillon : version 2/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nouvelle analyse' })).toBeTruthy();
  });

  it('reads a published version with its tiles, its other versions and its PDF', async () => {
    renderRoutes({
      routes: observatoryModule.routes!,
      path: analysisLink.href({ id: ID }),
      roles: ['analyst'],
      answers: byEndpoint([api.view, analysis()]),
    });
    expect(
      await screen.findByRole('heading', { name: 'Analyse des besoins sociaux 2026', level: 1 }, SLOW),
    ).toBeTruthy();
    expect(
      screen.getByText(
        /Version 1 · publiée le 15 octobre 2026 · Camille Observatoire · Territoire : Tourcoing/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Pauvreté et minima sociaux', level: 2 })).toBeTruthy();
    // The text as typed, its line break kept by the page's style.
    expect(screen.getByText(/Premier paragraphe\.\s+Deuxième ligne\./)).toBeTruthy();
    // The table tile: the municipality's value, with its sources.
    const table = screen.getByRole('table');
    expect(within(table).getByText('Tourcoing')).toBeTruthy();
    expect(screen.getByText(/Sources : Jeu de démonstration/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Version 2 \(brouillon\)/ }).getAttribute('href')).toBe(
      `/app/observatory/analyses/${ID}?version=2`,
    );
    expect(screen.getByRole('link', { name: /Version 1/ }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'Télécharger la version 1 en PDF' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Modifier le brouillon (version 2)' }).getAttribute('href')).toBe(
      `/app/observatory/analyses/${ID}/edit`,
    );
  });

  it('lets its organisation add a section to the draft and publish it after confirming', async () => {
    const calls = renderRoutes({
      routes: observatoryModule.routes!,
      path: analysisEditLink.href({ id: ID }),
      roles: ['analyst'],
      answers: byEndpoint(
        [api.view, analysis({ version: draft })],
        [obsApi.catalogue, { elements: [], indicators: [map.indicator], canImport: true, canDefine: true }],
        [api.addSection, { id: '00000000-0000-4000-8000-000000000023' }],
        [api.moveSection, { ok: true }],
        [api.publish, { published: 2, draft: 3 }],
      ),
    });
    expect(
      await screen.findByRole('heading', { name: /brouillon \(version 2\)/, level: 1 }, SLOW),
    ).toBeTruthy();
    expect(calls.find((c) => isCall(c, api.view))!.query.get('version')).toBe('draft');
    fireEvent.click(screen.getByRole('button', { name: 'Descendre « Introduction et méthode »' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.moveSection))).toBe(true));
    expect(calls.find((c) => isCall(c, api.moveSection))!.body).toEqual({ direction: 'down' });

    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une section' }));
    fireEvent.change(screen.getByLabelText(/Titre de la section en français/), {
      target: { value: 'Jeunesse' },
    });
    fireEvent.change(screen.getByLabelText(/Titre de la section en néerlandais/), {
      target: { value: 'Jeugd' },
    });
    fireEvent.change(screen.getByLabelText('Texte en français'), { target: { value: 'Ligne 1\nLigne 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la section' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.addSection))).toBe(true));
    expect(calls.find((c) => isCall(c, api.addSection))!.body).toEqual({
      theme: 'poverty',
      headingFr: 'Jeunesse',
      headingNl: 'Jeugd',
      bodyFr: 'Ligne 1\nLigne 2',
      bodyNl: '',
      tile: null,
    });

    // Publishing asks first, then sends the draft's number.
    fireEvent.click(screen.getByRole('button', { name: 'Publier la version 2' }));
    expect(await screen.findByText(/sera figée et visible par tous les partenaires/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.publish))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Oui, publier la version 2' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.publish))).toBe(true));
    expect(calls.find((c) => isCall(c, api.publish))!.body).toEqual({ number: 2 });
  });
});
