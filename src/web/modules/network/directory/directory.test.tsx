import { cleanup, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { directoryApi } from '../../../../common/network/endpoints';
import { directoryLink } from '../../../../common/network/links';
import type { DirectoryItem, DirectoryPage as Page } from '../../../../common/network/service-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { networkModule } from '..';
import { OpeningHours } from './OpeningHours';
import { Localized, pickText } from './text';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

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

const open = (path: string, language: 'fr' | 'nl', page: Page) =>
  renderRoutes({
    routes: networkModule.publicRoutes!,
    path,
    language,
    answers: byEndpoint([directoryApi.municipalities, { items: [] }], [directoryApi.search, page]),
  });

/** A component alone, in the reader's language. */
const show = (language: 'fr' | 'nl', ui: ReactNode) =>
  renderRoutes({ routes: [{ path: '/directory', element: ui }], path: '/directory', language });

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

  it('marks a fallback with its lang attribute', async () => {
    show(
      'fr',
      <p data-testid="t">
        <Localized fr={null} nl="Woonloket" />
      </p>,
    );
    expect((await screen.findByText('Woonloket', {}, SLOW)).getAttribute('lang')).toBe('nl');
  });

  it('shows the week with Intl weekday names and closed days', async () => {
    show('nl', <OpeningHours ranges={[{ day: 3, opens: '09:00', closes: '12:00' }]} />);
    expect(await screen.findByText('woensdag', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('09:00 – 12:00')).toBeTruthy();
    expect(screen.getAllByText('Gesloten')).toHaveLength(6);
  });
});

describe('the public directory page', () => {
  it('sends the search and filters from the address and lists the results', async () => {
    const page = { items: [item], total: 1, page: 1, pageSize: 20 };
    const calls = open(directoryLink.href(undefined, { q: 'woning', country: 'BE' }), 'fr', page);
    expect(await screen.findByText('1 service trouvé', {}, SLOW)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Woonloket voor grensarbeiders' });
    expect(link.getAttribute('href')).toBe(`/directory/${item.id}`);
    expect(screen.getByText('Woonloket voor grensarbeiders').getAttribute('lang')).toBe('nl');
    expect(screen.getByText(/CPAS de Courtrai · Courtrai · Belgique/)).toBeTruthy();
    const searched = calls.find((c) => isCall(c, directoryApi.search))!;
    expect(searched.query.get('q')).toBe('woning');
    expect(searched.query.get('country')).toBe('BE');
  });

  it('suggests widening the search when nothing matches', async () => {
    open('/directory?q=zzz&theme=housing', 'nl', { items: [], total: 0, page: 1, pageSize: 20 });
    expect(await screen.findByText('Geen enkele dienst komt overeen', {}, SLOW)).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('Filters wissen').length).toBeGreaterThan(0));
  });
});
