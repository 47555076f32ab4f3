import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganisationDetail } from '../../../common/network/organisation-schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';
import { OrganisationEditPage } from './OrganisationFormPages';
import { OrganisationPage } from './OrganisationPage';
import { OrganisationsPage } from './OrganisationsPage';

const mouscron: OrganisationDetail = {
  id: 'o1',
  kind: 'cpas',
  country: 'BE',
  region: 'BE-WAL',
  nameFr: "Centre Public d'Action Sociale de Mouscron",
  nameNl: 'OCMW Moeskroen',
  shortName: 'CPAS Mouscron',
  municipalityCode: 'BE-57096',
  municipalityNameFr: 'Mouscron',
  municipalityNameNl: 'Moeskroen',
  status: 'active',
  serviceLanguages: ['fr', 'nl'],
  street: null,
  postalCode: '7700',
  businessIdType: null,
  businessId: null,
  email: 'contact@cpas-mouscron.example',
  phone: null,
  website: null,
  closedOn: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  canEdit: true,
};

const calls: Array<{ method: string; url: string; body: unknown }> = [];

function serve(path: string, language: 'fr' | 'nl') {
  const session = {
    user: {
      id: 'u',
      email: 'a@b.example',
      displayName: 'A',
      language,
      platformAdmin: false,
      totpEnabled: true,
    },
    activeOrgId: 'o1',
    roles: ['org_admin'],
    memberships: [{ orgId: 'o1', nameFr: 'CPAS', nameNl: 'OCMW', region: 'BE-WAL', roles: ['org_admin'] }],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({
      method: init?.method ?? 'GET',
      url,
      body: init?.body ? JSON.parse(String(init.body)) : null,
    });
    const body = url.startsWith('/api/auth/session')
      ? session
      : url.startsWith('/api/organisations?')
        ? { items: [mouscron], total: 1, page: 1, pageSize: 25 }
        : mouscron;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  render(
    <LanguageProvider initial={language}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/app/organisations" element={<OrganisationsPage />} />
              <Route path="/app/organisations/:id" element={<OrganisationPage />} />
              <Route path="/app/organisations/:id/edit" element={<OrganisationEditPage />} />
            </Routes>
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

describe('organisation pages', () => {
  it('lists organisations with their kind, municipality and status, filters kept in the address', async () => {
    serve('/app/organisations?country=BE', 'fr');
    const link = await screen.findByRole('link', { name: "Centre Public d'Action Sociale de Mouscron" });
    expect(link.getAttribute('href')).toBe('/app/organisations/o1');
    expect(screen.getByRole('cell', { name: 'Wallonie' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Mouscron' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Active' })).toBeTruthy();
    expect(calls.some((c) => c.url.startsWith('/api/organisations?country=BE'))).toBe(true);
    expect(screen.queryByRole('link', { name: 'Nouvelle organisation' })).toBeNull();
  });

  it('shows the record in Dutch with an edit link for its administrator', async () => {
    serve('/app/organisations/o1', 'nl');
    expect(await screen.findByRole('heading', { level: 1, name: 'OCMW Moeskroen' })).toBeTruthy();
    expect(screen.getByText('Moeskroen (BE-57096)')).toBeTruthy();
    expect(screen.getByText('Frans, Nederlands')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bewerken' }).getAttribute('href')).toBe(
      '/app/organisations/o1/edit',
    );
  });

  it('checks the enterprise number before sending, then sends only what changed', async () => {
    serve('/app/organisations/o1/edit', 'fr');
    const businessId = await screen.findByLabelText("Identifiant d'entreprise");
    fireEvent.change(businessId, { target: { value: '0207.419.257' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/Ce numéro d'entreprise n'est pas valide/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);

    fireEvent.change(businessId, { target: { value: '0207.419.256' } });
    fireEvent.change(screen.getByLabelText('Code postal'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    const sent = calls.find((c) => c.method === 'PATCH')!;
    expect(sent.url).toBe('/api/organisations/o1');
    expect(sent.body).toEqual({ businessId: '0207.419.256', postalCode: null });
  });
});
