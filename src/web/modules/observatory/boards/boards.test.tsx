import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import type { PublicBoardView } from '../../../../common/observatory/board-schemas';
import { observatoryEndpoints as obsApi } from '../../../../common/observatory/endpoints';
import { boardEditLink, boardLink, publicBoardLink } from '../../../../common/observatory/links';
import { apiError, byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { observatoryModule } from '..';
import { board, map } from './fixtures.testing';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

describe('a thematic board', () => {
  it('shows each tile (a map with its table, or the table alone) under board-wide filters in the address', async () => {
    const calls = renderRoutes({
      routes: observatoryModule.routes!,
      path: boardLink.href({ code: 'pauvrete-familles' }, { period: '2021' }),
      roles: ['analyst'],
      answers: byEndpoint([api.view, board({ shownPeriod: '2021' })]),
    });
    expect(await screen.findByRole('heading', { name: 'Pauvreté et familles', level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Taux de revenu minimum' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Part des familles monoparentales' })).toBeTruthy();
    // One map (the first tile's), a table on each tile; hidden values say why.
    expect(screen.getAllByRole('img')).toHaveLength(1);
    expect(screen.getAllByRole('table')).toHaveLength(2);
    expect(screen.getAllByText('Secret de la source').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Sources : Jeu de démonstration/).length).toBe(2);
    // The filters are links keeping the other filter.
    const latest = screen.getByRole('link', { name: 'la plus récente' });
    expect(latest.getAttribute('href')).toBe('/app/observatory/boards/pauvrete-familles?group=eurometropole');
    expect(screen.getByRole('link', { name: '2021' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'toutes les communes' }).getAttribute('href')).toBe(
      '/app/observatory/boards/pauvrete-familles?period=2021',
    );
    expect(screen.getByRole('link', { name: 'Modifier' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Page publique' }).getAttribute('href')).toBe(
      '/observatory/pauvrete-familles',
    );
    const sent = calls.find((c) => isCall(c, api.view))!;
    expect(sent.query.get('period')).toBe('2021');
    expect(sent.query.get('group')).toBeNull();
  });

  it('lets its owner reorder tiles and publish with a warning that it will be visible without login', async () => {
    const calls = renderRoutes({
      routes: observatoryModule.routes!,
      path: boardEditLink.href({ code: 'pauvrete-familles' }),
      roles: ['analyst'],
      answers: byEndpoint(
        [api.view, board({ publishedAt: null })],
        [obsApi.catalogue, { elements: [], indicators: [], canImport: true, canDefine: true }],
        [api.publish, { ok: true }],
        [api.moveTile, { ok: true }],
      ),
    });
    expect(await screen.findByText('Visible sans connexion', {}, SLOW)).toBeTruthy();
    expect(screen.getByText(/visible par tout le monde sur internet, sans compte/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Descendre « Taux de revenu minimum »' }));
    fireEvent.click(screen.getByRole('button', { name: 'Publier sans connexion' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.publish))).toBe(true));
    expect(calls.find((c) => isCall(c, api.publish))!.body).toEqual({ published: true });
    const move = calls.find((c) => isCall(c, api.moveTile))!;
    expect(move.path).toBe(
      '/api/observatory/boards/pauvrete-familles/tiles/00000000-0000-4000-8000-000000000011/move',
    );
    expect(move.body).toEqual({ direction: 'down' });
    // The last tile cannot go further down.
    const last = screen.getByRole('button', { name: 'Descendre « Part des familles monoparentales »' });
    expect(last.hasAttribute('disabled') || last.getAttribute('aria-disabled') === 'true').toBe(true);
  });
});

const published = (lang: 'fr' | 'nl'): PublicBoardView => ({
  code: 'pauvrete-familles',
  language: lang,
  title: lang === 'nl' ? 'Armoede en gezinnen' : 'Pauvreté et familles',
  description: null,
  theme: 'poverty',
  organisation: lang === 'nl' ? 'Provincie West-Vlaanderen' : 'Province de Flandre-Occidentale',
  group: { code: 'eurometropole', name: 'Eurometropool Lille-Kortrijk-Tournai' },
  period: null,
  publishedAt: '2026-01-05T10:00:00.000Z',
  tiles: [
    {
      kind: 'map',
      map: map(lang === 'nl' ? 'Aandeel leefloon' : 'Taux de revenu minimum'),
      ranking: null,
      series: null,
      compare: null,
    },
  ],
  followups: [],
});

describe('a published board without login', () => {
  it('shows the board in the language of the address, with a switch to the other one', async () => {
    const calls = renderRoutes({
      routes: observatoryModule.publicRoutes!,
      path: publicBoardLink.href({ code: 'pauvrete-familles' }, { lang: 'nl' }),
      language: 'fr',
      answers: byEndpoint([api.publicView, (c: Call) => published(c.query.get('lang') as 'fr' | 'nl')]),
    });
    expect(await screen.findByRole('heading', { name: 'Armoede en gezinnen', level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Aandeel leefloon' })).toBeTruthy();
    // The page's own words follow the board's language, with the sources and caveats.
    expect(screen.getByText(/Kleine aantallen zijn verborgen/)).toBeTruthy();
    expect(screen.getByText(/Bronnen: Jeu de démonstration/)).toBeTruthy();
    expect(screen.getByText('Le RSA se compte par foyer.')).toBeTruthy();
    expect(calls.find((c) => isCall(c, api.publicView))!.query.get('lang')).toBe('nl');
    // Read-only: nothing to edit.
    expect(screen.queryByRole('link', { name: /Bewerken|Modifier/ })).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Français' }));
    expect(await screen.findByRole('heading', { name: 'Pauvreté et familles', level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByText(/Les petits effectifs sont masqués/)).toBeTruthy();
  });

  it('defaults to the visitor’s language and says when the board is not published', async () => {
    const calls = renderRoutes({
      routes: observatoryModule.publicRoutes!,
      path: publicBoardLink.href({ code: 'brouillon' }),
      language: 'nl',
      answers: byEndpoint([
        api.publicView,
        apiError(
          404,
          'observatory.boards.errors.unknown_board',
          'Deze boordtabel bestaat niet of is niet gepubliceerd.',
        ),
      ]),
    });
    expect(
      await screen.findByText('Deze boordtabel bestaat niet of is niet gepubliceerd.', {}, SLOW),
    ).toBeTruthy();
    expect(calls.find((c) => isCall(c, api.publicView))!.query.get('lang')).toBe('nl');
  });
});
