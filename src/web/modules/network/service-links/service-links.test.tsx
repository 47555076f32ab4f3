import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { directoryApi } from '../../../../common/network/endpoints';
import { serviceLinkEndpoints as api } from '../../../../common/network/service-links-endpoints';
import type { LinkView, ServiceLinks, UseList } from '../../../../common/network/service-links-schemas';
import type { ServiceDetail } from '../../../../common/network/service-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { networkModule } from '..';

const SLOW = { timeout: 10_000 };
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const side = (n: number, titleFr: string, orgNameFr: string, country: string, accepts: string[]) => ({
  serviceId: id(n),
  titleFr,
  titleNl: null,
  orgId: id(n + 4),
  orgNameFr,
  orgNameNl: orgNameFr,
  country,
  accepts,
});

const active: LinkView = {
  id: id(1),
  status: 'active',
  since: '2026-01-01',
  until: null,
  note: null,
  proposedByOrgId: id(5),
  self: side(1, 'Écoute psychologique', 'CCAS de Tourcoing', 'FR', ['orientation', 'residents']),
  partner: side(2, 'Médiation de dettes', 'CPAS de Mouscron', 'BE', ['shared_desk']),
  canAccept: false,
  canEnd: true,
};
const proposal: LinkView = {
  ...active,
  id: id(3),
  status: 'proposed',
  proposedByOrgId: id(7),
  partner: side(3, 'Cours de français', 'OCMW Menen', 'BE', ['orientation']),
  self: { ...active.self, accepts: [] },
  canAccept: true,
};

const service = {
  id: id(1),
  titleFr: 'Écoute psychologique',
  titleNl: null,
  descriptionFr: null,
  descriptionNl: null,
  theme: 'mental_health',
  languages: ['fr'],
  crossBorderAccess: 'open_to_all',
  country: 'FR',
  municipalityCode: null,
  municipalityNameFr: null,
  municipalityNameNl: null,
  orgId: id(5),
  orgNameFr: 'CCAS de Tourcoing',
  orgNameNl: 'OCMW Tourcoing',
  orgShortName: null,
  targetPublics: ['all'],
  street: null,
  postalCode: null,
  openingHours: [],
  openingNotes: null,
  accessConditionsFr: null,
  accessConditionsNl: null,
  email: null,
  phone: null,
  website: null,
  published: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as ServiceDetail;

const uses: UseList = {
  homeCountry: 'BE',
  items: [{ month: '2026-11', homeCountry: 'BE', persons: 7, participantCodes: [] }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('cross-border services network', () => {
  it('lists the network’s active links with both sides and what each accepts', async () => {
    renderRoutes({
      routes: networkModule.routes!,
      path: '/app/service-links',
      language: 'nl',
      answers: byEndpoint([api.network, { items: [active] }]),
    });
    expect(await screen.findByRole('heading', { name: 'Diensten in een grensoverschrijdend netwerk' }, SLOW));
    // The list arrives after the heading.
    const row = await screen.findByRole('row', { name: /Écoute psychologique/ }, SLOW);
    expect(within(row).getByText(/CPAS de Mouscron/)).toBeTruthy();
    expect(within(row).getByText('doorverwijzingen en inwoners van het andere land')).toBeTruthy();
    expect(within(row).getByText('gedeeld loket')).toBeTruthy();
    expect(within(row).getByText(/sinds/)).toBeTruthy();
  });

  it('shows an empty network as such', async () => {
    renderRoutes({
      routes: networkModule.routes!,
      path: '/app/service-links',
      language: 'en',
      answers: byEndpoint([api.network, { items: [] }]),
    });
    expect(await screen.findByText('No active cross-border link yet.', undefined, SLOW)).toBeTruthy();
  });

  it('lets the service’s organisation accept a proposal, end a link and record a month', async () => {
    const links: ServiceLinks = { items: [proposal, active], canManage: true };
    const calls = renderRoutes({
      routes: networkModule.publicRoutes!,
      path: `/directory/${id(1)}`,
      roles: ['coordinator'],
      region: 'FR-HDF',
      answers: byEndpoint(
        [directoryApi.service, service],
        [directoryApi.search, { items: [], total: 0, page: 1, pageSize: 50 }],
        [api.ofService, links],
        [api.uses, uses],
        [api.accept, { ...proposal, status: 'active', canAccept: false }],
        [api.end, { ...active, status: 'ended', until: '2026-12-06', canEnd: false }],
        [api.recordUse, { month: '2026-12', homeCountry: 'BE', persons: 4, participantCodes: [] }],
      ),
    });
    expect(await screen.findByRole('heading', { name: 'Réseau transfrontalier' }, SLOW)).toBeTruthy();
    // The providing organisation's months so far.
    const months = await screen.findByRole('table', { name: 'Mois enregistrés' });
    expect(within(months).getByText('2026-11')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Accepter' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'permanence commune' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accepter' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.accept))).toBe(true));
    const accepted = calls.find((c) => isCall(c, api.accept))!;
    expect(accepted.path).toBe(`/api/services/${id(1)}/links/${id(3)}/accept`);
    expect(accepted.body).toEqual({ accepts: ['orientation', 'shared_desk'] });

    // The proposal can be withdrawn or declined; the active link ended.
    expect(screen.getByRole('button', { name: 'Retirer ou refuser' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mettre fin' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.end))).toBe(true));
    expect(calls.find((c) => isCall(c, api.end))!.path).toBe(`/api/services/${id(1)}/links/${id(1)}/end`);

    fireEvent.change(screen.getByLabelText(/Mois \(AAAA-MM\)/), { target: { value: '2026-12' } });
    fireEvent.change(screen.getByLabelText(/Nombre de personnes/), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText(/Codes participants/), {
      target: { value: 'ab12-cd34-ef56-gh78\n' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le mois' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.recordUse))).toBe(true));
    expect(calls.find((c) => isCall(c, api.recordUse))!.body).toEqual({
      month: '2026-12',
      persons: 4,
      participantCodes: ['AB12-CD34-EF56-GH78'],
    });
    expect(await screen.findByText('Mois enregistré.')).toBeTruthy();
    // The proposal form is offered to the service's organisation.
    expect(screen.getByRole('heading', { name: 'Proposer un lien transfrontalier' })).toBeTruthy();
  });

  it('shows another organisation the links only, without moves or counts', async () => {
    const calls = renderRoutes({
      routes: networkModule.publicRoutes!,
      path: `/directory/${id(1)}`,
      roles: ['referent'],
      answers: byEndpoint(
        [directoryApi.service, service],
        [api.ofService, { items: [{ ...active, canEnd: false }], canManage: false }],
      ),
    });
    expect(await screen.findByText('Médiation de dettes', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mettre fin' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Proposer un lien transfrontalier' })).toBeNull();
    expect(calls.some((c) => isCall(c, api.uses))).toBe(false);
  });
});
