import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryItem, DirectoryPage as Page } from '../../../common/network/service-schemas';
import { LanguageProvider } from '../../app/i18n';
import { DirectoryPage } from './DirectoryPage';
import { OpeningHours } from './OpeningHours';
import { Localized, pickText } from './text';

const item: DirectoryItem = {
  id: '00000000-0000-4000-8000-000000000001',
  titleFr: null,
  titleNl: 'Woonloket voor grensarbeiders',
  descriptionFr: 'Informations sur la location sociale.',
  descriptionNl: null,
  theme: 'housing',
  languages: ['nl', 'fr'],
  crossBorderAccess: 'open_to_all',
  country: 'BE',
  municipalityCode: 'BE-34022',
  municipalityNameFr: 'Courtrai',
  municipalityNameNl: 'Kortrijk',
  orgId: '00000000-0000-4000-8000-000000000002',
  orgNameFr: 'CPAS de Courtrai',
  orgNameNl: 'OCMW Kortrijk',
  orgShortName: null,
};

function answer(page: Page) {
  const fetchMock = vi.fn(async (url: string) => {
    const body = url.startsWith('/api/directory/municipalities') ? { items: [] } : page;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderAt(path: string, language: 'fr' | 'nl', ui: ReactNode) {
  const router = createMemoryRouter([{ path: '/directory', element: ui }], { initialEntries: [path] });
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <LanguageProvider initial={language}>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('directory texts', () => {
  it('prefers the reader language and falls back to the other one', () => {
    expect(pickText('nl', 'Logement', 'Wonen')).toEqual({ text: 'Wonen', lang: 'nl' });
    expect(pickText('nl', 'Logement', ' ')).toEqual({ text: 'Logement', lang: 'fr' });
    expect(pickText('en', 'Logement', 'Wonen')).toEqual({ text: 'Logement', lang: 'fr' });
    expect(pickText('fr', null, null)).toBeNull();
  });

  it('marks a fallback with its lang attribute', () => {
    renderAt(
      '/directory',
      'fr',
      <p data-testid="t">
        <Localized fr={null} nl="Woonloket" />
      </p>,
    );
    expect(screen.getByText('Woonloket').getAttribute('lang')).toBe('nl');
  });

  it('shows the week with Intl weekday names and closed days', () => {
    renderAt('/directory', 'nl', <OpeningHours ranges={[{ day: 3, opens: '09:00', closes: '12:00' }]} />);
    expect(screen.getByText('woensdag')).toBeTruthy();
    expect(screen.getByText('09:00 – 12:00')).toBeTruthy();
    expect(screen.getAllByText('Gesloten')).toHaveLength(6);
  });
});

describe('the public directory page', () => {
  it('sends the search and filters from the address and lists the results', async () => {
    const fetchMock = answer({ items: [item], total: 1, page: 1, pageSize: 20 });
    renderAt('/directory?q=woning&country=BE', 'fr', <DirectoryPage />);
    expect(await screen.findByText('1 service trouvé')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Woonloket voor grensarbeiders' });
    expect(link.getAttribute('href')).toBe(`/directory/${item.id}`);
    expect(screen.getByText('Woonloket voor grensarbeiders').getAttribute('lang')).toBe('nl');
    expect(screen.getByText(/CPAS de Courtrai · Courtrai · Belgique/)).toBeTruthy();
    const searched = fetchMock.mock.calls.map((c) => String(c[0])).find((u) => u.includes('/services?'));
    expect(searched).toContain('q=woning');
    expect(searched).toContain('country=BE');
  });

  it('suggests widening the search when nothing matches', async () => {
    answer({ items: [], total: 0, page: 1, pageSize: 20 });
    renderAt('/directory?q=zzz&theme=housing', 'nl', <DirectoryPage />);
    expect(await screen.findByText('Geen enkele dienst komt overeen')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('Filters wissen').length).toBeGreaterThan(0));
  });
});
