import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offersLink } from '../../../../common/immersions/links';
import { offerEndpoints as api } from '../../../../common/immersions/offer-endpoints';
import type { OfferDetail, OfferItem, OfferPage } from '../../../../common/immersions/offer-schemas';
import { unitEndpoints } from '../../../../common/network/unit-endpoints';
import type { UnitView } from '../../../../common/network/unit-schemas';
import { apiError, byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { immersionsModule } from '..';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

const item: OfferItem = {
  id: '00000000-0000-4000-8000-000000000001',
  status: 'published',
  themes: ['social_activation'],
  titleFr: null,
  titleNl: 'Activering op maat',
  descriptionFr: null,
  descriptionNl: 'Van vrijwilligerswerk naar werk.',
  languages: ['nl', 'fr'],
  kinds: ['shadowing', 'short'],
  orgId: '00000000-0000-4000-8000-000000000002',
  orgNameFr: 'CPAS de Menin',
  orgNameNl: 'OCMW Menen',
  orgShortName: 'OCMW Menen',
  country: 'BE',
  unitId: '00000000-0000-4000-8000-000000000003',
  unitNameFr: "Service d'activation",
  unitNameNl: 'Dienst Activering',
  nextPeriod: { startsOn: '2027-03-01', endsOn: '2027-06-30' },
  updatedAt: '2026-12-01T10:00:00.000Z',
};
const page = (items: OfferItem[]): OfferPage => ({ items, total: items.length, page: 1, pageSize: 20 });

const unit: UnitView = {
  id: '00000000-0000-4000-8000-000000000004',
  orgId: 'o1',
  kind: 'service',
  nameFr: 'Pôle insertion et accompagnement',
  nameNl: null,
  shortName: null,
  email: null,
  phone: null,
  archived: false,
  memberCount: 1,
  updatedAt: '2026-12-01T10:00:00.000Z',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the immersion catalogue', () => {
  it('sends the words and filters of the address, and marks a text written in the other language only', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: offersLink.href(undefined, { q: 'activation', country: 'BE', from: '2027-03-01' }),
      language: 'fr',
      answers: byEndpoint([api.search, page([item])]),
    });
    expect(await screen.findByText('Une offre', {}, SLOW)).toBeTruthy();
    const link = screen.getByRole('link', { name: /Activering op maat/ });
    expect(link.getAttribute('href')).toBe(`/app/immersions/offers/${item.id}`);
    expect(screen.getByText('Activering op maat').getAttribute('lang')).toBe('nl');
    expect(within(link).getByText('Texte en néerlandais uniquement')).toBeTruthy();
    expect(screen.getByText(/Service d'activation · OCMW Menen · Belgique/)).toBeTruthy();
    const searched = calls.find((c) => isCall(c, api.search))!;
    expect(searched.query.get('q')).toBe('activation');
    expect(searched.query.get('country')).toBe('BE');
    expect(searched.query.get('from')).toBe('2027-03-01');
    expect(searched.query.get('theme')).toBeNull();
  });

  it('searches new words from the form, and drops a malformed value of the address', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: '/app/immersions/offers?theme=astrology&to=tomorrow',
      language: 'nl',
      answers: byEndpoint([api.search, page([])]),
    });
    expect(await screen.findByText('Geen inleefaanbod', {}, SLOW)).toBeTruthy();
    const first = calls.find((c) => isCall(c, api.search))!;
    expect(first.query.get('theme')).toBeNull();
    expect(first.query.get('to')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Aanbod zoeken/), { target: { value: 'schuldbemiddeling' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() =>
      expect(calls.some((c) => isCall(c, api.search) && c.query.get('q') === 'schuldbemiddeling')).toBe(true),
    );
  });
});

describe('the offer page', () => {
  const detail: OfferDetail = {
    ...item,
    programmeFr: null,
    programmeNl: 'Intakegesprekken.',
    capacityPerPeriod: 2,
    contactName: 'Bram Diensthoofd',
    contactEmail: 'activering@ocmw-menen.example',
    contactPhone: null,
    unitEmail: null,
    unitPhone: '+32 470 00 01 25',
    periods: [
      {
        id: '00000000-0000-4000-8000-000000000005',
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        capacity: null,
        effectiveCapacity: 2,
        remaining: null,
      },
    ],
    publishedAt: '2026-11-01T10:00:00.000Z',
    canEdit: false,
    canRequest: true,
    actions: [],
  };

  it('offers a professional of another centre to request an immersion on this offer', async () => {
    renderRoutes({
      routes: immersionsModule.routes!,
      path: `/app/immersions/offers/${item.id}`,
      language: 'en',
      answers: byEndpoint([api.get, detail]),
    });
    const request = await screen.findByRole('link', { name: 'Request an immersion' }, SLOW);
    expect(request.getAttribute('href')).toBe(`/app/immersions/requests/new?offer=${item.id}`);
    expect(screen.getByRole('link', { name: '+32 470 00 01 25' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByText('Places left')).toBeNull();
  });

  it('shows the host its workflow with what blocks publishing', async () => {
    renderRoutes({
      routes: immersionsModule.routes!,
      path: `/app/immersions/offers/${item.id}`,
      language: 'fr',
      roles: ['coordinator'],
      answers: byEndpoint([
        api.get,
        {
          ...detail,
          status: 'draft',
          canEdit: true,
          canRequest: false,
          periods: [{ ...detail.periods[0]!, remaining: 1 }],
          actions: [{ action: 'publish', tone: 'primary', blockedBy: ['has_contact'] }],
        },
      ]),
    });
    const publish = await screen.findByRole('button', { name: 'Publier' }, SLOW);
    expect(publish.hasAttribute('disabled') || publish.getAttribute('aria-disabled') === 'true').toBe(true);
    expect(screen.getByText(/donnez une adresse e-mail ou un téléphone/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Demander une immersion' })).toBeNull();
    expect(screen.getAllByText('Places libres').length).toBeGreaterThan(0);
  });
});

describe('the offer form', () => {
  const open = (answer: (body: unknown) => unknown) =>
    renderRoutes({
      routes: immersionsModule.routes!,
      path: '/app/immersions/offers/new',
      language: 'fr',
      roles: ['coordinator'],
      answers: byEndpoint(
        [unitEndpoints.list, { items: [unit], canManage: true }],
        [api.create, (c: Call) => answer(c.body)],
      ),
    });

  it('checks what the API checks before sending, then sends the offer with its periods', async () => {
    const calls = open(() => ({ id: item.id }));
    const save = await screen.findByRole('button', { name: 'Enregistrer le brouillon' }, SLOW);
    fireEvent.click(save);
    expect(await screen.findByText('Donnez un titre en français ou en néerlandais.')).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.create))).toBe(false);

    fireEvent.change(screen.getByLabelText('Titre en français'), {
      target: { value: 'Prévenir les expulsions' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Logement' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Immersion courte (2 à 5 jours)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'français' }));
    fireEvent.change(screen.getByLabelText('Places (facultatif)'), { target: { value: '3' } });
    fireEvent.click(save);
    // A period with places but no dates is refused on its own fields, still before sending.
    await waitFor(() =>
      expect(screen.queryByText('Donnez un titre en français ou en néerlandais.')).toBeNull(),
    );
    expect(calls.some((c) => isCall(c, api.create))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer la période 1' }));
    fireEvent.click(save);
    await waitFor(() => expect(calls.some((c) => isCall(c, api.create))).toBe(true));
    expect(calls.find((c) => isCall(c, api.create))!.body).toEqual({
      unitId: unit.id,
      themes: ['housing'],
      titleFr: 'Prévenir les expulsions',
      titleNl: null,
      descriptionFr: null,
      descriptionNl: null,
      programmeFr: null,
      programmeNl: null,
      languages: ['fr'],
      kinds: ['short'],
      capacityPerPeriod: 1,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      periods: [],
    });
  });

  it('shows the server refusal on the field it names', async () => {
    open(() =>
      apiError(400, 'errors.validation', 'Données invalides', [
        { path: 'unitId', code: 'immersions.offers.errors.unit', message: 'Choisissez une équipe active.' },
      ]),
    );
    const save = await screen.findByRole('button', { name: 'Enregistrer le brouillon' }, SLOW);
    fireEvent.change(screen.getByLabelText('Titre en français'), {
      target: { value: 'Prévenir les expulsions' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Logement' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Immersion courte (2 à 5 jours)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'français' }));
    fireEvent.click(screen.getByRole('button', { name: 'Retirer la période 1' }));
    fireEvent.click(save);
    const shown = await screen.findAllByText('Choisissez une équipe active.', {}, SLOW);
    expect(
      shown.some((el) => el.closest('.field')?.textContent?.includes('Équipe ou service qui accueille')),
    ).toBe(true);
  });
});
