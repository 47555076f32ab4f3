import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TerritoryPage } from '../../../common/network/territory-schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';
import { TerritoriesPage } from './TerritoriesPage';

const page = (items: TerritoryPage['items']): TerritoryPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
});
const mouscron = {
  code: 'BE-57096',
  country: 'BE',
  localCode: '57096',
  nameFr: 'Mouscron',
  nameNl: 'Moeskroen',
  parentCode: 'BE-57000',
  region: 'BE-WAL',
  population: 58_354,
};

function serve(roles: string[], items: TerritoryPage['items']) {
  const session = {
    user: {
      id: 'u',
      email: 'a@b.example',
      displayName: 'A',
      language: 'fr',
      platformAdmin: false,
      totpEnabled: true,
    },
    activeOrgId: 'o1',
    roles,
    memberships: [{ orgId: 'o1', nameFr: 'CPAS', nameNl: 'OCMW', region: 'BE-WAL', roles }],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  vi.stubGlobal('fetch', async (url: string) => {
    const body = url.startsWith('/api/auth/session') ? session : page(items);
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  render(
    <LanguageProvider initial="fr">
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionProvider>
          <MemoryRouter initialEntries={['/app/territories']}>
            <TerritoriesPage />
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('municipalities page', () => {
  it('lists municipalities with both names and offers the import to platform admins', async () => {
    serve(['platform_admin'], [mouscron]);
    expect(await screen.findByText('Mouscron')).toBeTruthy();
    expect(screen.getByText('(Moeskroen)')).toBeTruthy();
    expect(screen.getByText('Wallonie')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Importer des communes' })).toBeTruthy();
    expect(screen.getByLabelText('Fichier')).toBeTruthy();
  });

  it('explains an empty result and hides the import from other roles', async () => {
    serve(['referent'], []);
    expect(await screen.findByText('Aucune commune ne correspond')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Importer des communes' })).toBeNull();
  });
});
