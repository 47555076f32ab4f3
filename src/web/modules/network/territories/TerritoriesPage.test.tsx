import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { territoriesApi } from '../../../../common/network/endpoints';
import type { TerritoryPage } from '../../../../common/network/territory-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { networkModule } from '..';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

const page = (items: TerritoryPage['items']): TerritoryPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
});
const mouscron = {
  code: 'BE-57096',
  level: 'municipality',
  country: 'BE',
  localCode: '57096',
  nameFr: 'Mouscron',
  nameNl: 'Moeskroen',
  parentCode: 'BE-ARR-57000',
  parentNameFr: 'Tournai-Mouscron',
  parentNameNl: 'Doornik-Moeskroen',
  region: 'BE-WAL',
  population: 58_354,
};

const open = (roles: string[], items: TerritoryPage['items'], path = '/app/territories') =>
  renderRoutes({
    routes: networkModule.routes!,
    path,
    roles,
    answers: byEndpoint([territoriesApi.list, page(items)]),
  });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('municipalities page', () => {
  it('lists municipalities with both names and offers the import to platform admins', async () => {
    open(['platform_admin'], [mouscron]);
    expect(await screen.findByText('Mouscron', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('(Moeskroen)')).toBeTruthy();
    expect(screen.getByText('Wallonie')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Importer des communes' })).toBeTruthy();
    expect(screen.getByLabelText('Fichier')).toBeTruthy();
  });

  it('explains an empty result and hides the import from other roles', async () => {
    open(['referent'], []);
    expect(await screen.findByText('Aucune commune ne correspond', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Importer des communes' })).toBeNull();
  });

  it('searches with the words, country and page its address holds, and drops a country it does not know', async () => {
    const calls = open(['referent'], [mouscron], '/app/territories?q=mousc&country=BE&page=2');
    await screen.findByText('Mouscron', {}, SLOW);
    const asked = calls.find((c) => isCall(c, territoriesApi.list))!;
    expect(Object.fromEntries(asked.query)).toEqual({ q: 'mousc', country: 'BE', page: '2', pageSize: '25' });
    cleanup();
    const unknown = open(['referent'], [mouscron], '/app/territories?country=XX');
    await screen.findByText('Mouscron', {}, SLOW);
    expect(unknown.find((c) => isCall(c, territoriesApi.list))!.query.has('country')).toBe(false);
  });
});
