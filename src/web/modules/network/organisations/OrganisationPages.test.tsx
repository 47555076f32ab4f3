import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import { organisationsApi } from '../../../../common/network/endpoints';
import { organisationsLink } from '../../../../common/network/links';
import type { OrganisationDetail } from '../../../../common/network/organisation-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { networkModule } from '..';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

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

const open = (path: string, language: 'fr' | 'nl') =>
  renderRoutes({
    routes: networkModule.routes!,
    path,
    language,
    roles: ['org_admin'],
    answers: byEndpoint(
      [organisationsApi.list, { items: [mouscron], total: 1, page: 1, pageSize: 25 }],
      [organisationsApi.get, mouscron],
      [organisationsApi.update, mouscron],
    ),
  });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('organisation pages', () => {
  it('lists organisations with their kind, municipality and status, filters kept in the address', async () => {
    const calls = open(organisationsLink.href(undefined, { country: 'BE' }), 'fr');
    const link = await screen.findByRole(
      'link',
      { name: "Centre Public d'Action Sociale de Mouscron" },
      SLOW,
    );
    expect(link.getAttribute('href')).toBe('/app/organisations/o1');
    expect(screen.getByRole('cell', { name: 'Wallonie' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Mouscron' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Active' })).toBeTruthy();
    const listed = calls.find((c) => isCall(c, organisationsApi.list));
    expect(listed?.query.get('country')).toBe('BE');
    expect(screen.queryByRole('link', { name: 'Nouvelle organisation' })).toBeNull();
  });

  it('shows the record in Dutch with an edit link for its administrator', async () => {
    open('/app/organisations/o1', 'nl');
    expect(await screen.findByRole('heading', { level: 1, name: 'OCMW Moeskroen' }, SLOW)).toBeTruthy();
    expect(screen.getByText('Moeskroen (BE-57096)')).toBeTruthy();
    expect(screen.getByText('Frans, Nederlands')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bewerken' }).getAttribute('href')).toBe(
      '/app/organisations/o1/edit',
    );
  });

  it('checks the enterprise number before sending, then sends only what changed', async () => {
    const calls = open('/app/organisations/o1/edit', 'fr');
    const businessId = await screen.findByLabelText("Identifiant d'entreprise", {}, SLOW);
    fireEvent.change(businessId, { target: { value: '0207.419.257' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/Ce numéro d'entreprise n'est pas valide/, {}, SLOW)).toBeTruthy();
    expect(calls.filter((c) => isCall(c, organisationsApi.update))).toEqual([]);

    fireEvent.change(businessId, { target: { value: '0207.419.256' } });
    fireEvent.change(screen.getByLabelText('Code postal'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.filter((c) => isCall(c, organisationsApi.update))).toHaveLength(1));
    const sent = calls.find((c) => isCall(c, organisationsApi.update))!;
    expect(sent.path).toBe(urlOf(organisationsApi.update, { params: { id: 'o1' } }));
    expect(sent.body).toEqual({ businessId: '0207.419.256', postalCode: null });
  });
});
