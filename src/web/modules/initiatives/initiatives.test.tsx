import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  initiativesApi as api,
  proposalsApi,
  publicInitiativesApi as pub,
} from '../../../common/initiatives/endpoints';
import {
  initiativeLink,
  initiativeNewLink,
  initiativesLink,
  publicInitiativeLink,
} from '../../../common/initiatives/links';
import type {
  InitiativeDetail,
  InitiativeSummary,
  ProposalList,
  PublicInitiative,
} from '../../../common/initiatives/schemas';
import { organisationsApi, programmesApi } from '../../../common/network/endpoints';
import { byEndpoint, isCall, renderRoutes } from '../../testing/render-routes';
import { EventProposals, initiativesModule } from '.';
import { mapPoints } from './map-points';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const ID = '00000000-0000-4000-8000-000000000001';
const EVENT = '00000000-0000-4000-8000-000000000002';
const lille = { id: 'o1', name: 'CCAS Lille', country: 'FR' as const };
const mouscron = { id: 'o2', name: 'CPAS Mouscron', country: 'BE' as const };
const LILLE = { code: 'FR-59350', name: 'Lille', lon: 3.06, lat: 50.63 };
const MOUSCRON = { code: 'BE-57096', name: 'Mouscron', lon: 3.23, lat: 50.74 };
const MENEN = { code: 'BE-34027', name: 'Menen', lon: 3.12, lat: 50.8 };

const summary = (more: Partial<InitiativeSummary> = {}): InitiativeSummary => ({
  id: ID,
  title: 'Transport solidaire transfrontalier',
  titleFr: 'Transport solidaire transfrontalier',
  titleNl: 'Grensoverschrijdend solidair vervoer',
  status: 'running',
  lead: lille,
  crossBorder: true,
  published: true,
  territories: [LILLE, MOUSCRON],
  ...more,
});

const detail = (more: Partial<InitiativeDetail> = {}): InitiativeDetail => ({
  id: ID,
  titleFr: 'Transport solidaire transfrontalier',
  titleNl: 'Grensoverschrijdend solidair vervoer',
  descriptionFr: 'Des bénévoles conduisent.',
  descriptionNl: null,
  targetPublic: 'Personnes isolées',
  programmeId: null,
  status: 'idea',
  startedOn: null,
  endedOn: null,
  lead: lille,
  partners: [mouscron],
  territories: [LILLE, MOUSCRON],
  crossBorder: true,
  published: false,
  proposal: { id: 'p1', title: 'Transport solidaire', eventId: EVENT },
  results: [],
  volunteerTotals: { volunteers: 2, hours: 10.5 },
  assignments: [
    {
      id: 'a1',
      volunteerName: 'Léa Fictive',
      organisation: 'CCAS Lille',
      assignedOn: '2026-11-20',
      hours: 3,
    },
  ],
  canEdit: true,
  canAddResult: false,
  actions: [
    { action: 'prepare', to: 'preparing' },
    { action: 'abandon', to: 'abandoned' },
  ],
  ...more,
});

describe('the initiatives list', () => {
  it('shows the cross-border badge, the map by municipality, and filters', async () => {
    const calls = renderRoutes({
      routes: initiativesModule.routes!,
      path: initiativesLink.href(),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint([
        api.list,
        {
          items: [
            summary(),
            summary({
              id: 'i2',
              title: 'Buurtsoep',
              crossBorder: false,
              lead: mouscron,
              territories: [MENEN],
            }),
          ],
          canCreate: true,
        },
      ]),
    });
    expect(
      await screen.findByRole('link', { name: 'Transport solidaire transfrontalier' }, SLOW),
    ).toBeTruthy();
    expect(screen.getAllByText('Transfrontalière').length).toBeGreaterThan(0);
    expect(screen.getByRole('img', { name: 'Carte des initiatives par commune' })).toBeTruthy();
    // Choosing Menen on the map keeps only its initiative in the table.
    fireEvent.click(screen.getByRole('button', { name: /Menen/ }));
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Transport solidaire transfrontalier' })).toBeNull(),
    );
    expect(screen.getByRole('link', { name: 'Buurtsoep' })).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.list))).toBe(true);
  });

  it('places the municipalities on the map, west to east and south to north', () => {
    const points = mapPoints(
      [summary(), summary({ id: 'i2', crossBorder: false, territories: [MENEN, LILLE] })],
      480,
      300,
    );
    const by = Object.fromEntries(points.map((p) => [p.code, p]));
    expect(by['FR-59350']!.count).toBe(2);
    expect(by['BE-34027']!.crossBorder).toBe(false);
    expect(by['FR-59350']!.x).toBeLessThan(by['BE-57096']!.x);
    expect(by['BE-34027']!.y).toBeLessThan(by['FR-59350']!.y);
    expect(mapPoints([summary({ territories: [{ ...LILLE, lon: null, lat: null }] })], 480, 300)).toEqual([]);
  });
});

describe('an initiative’s page', () => {
  it('offers the lead the workflow’s next steps and shows the volunteers', async () => {
    const calls = renderRoutes({
      routes: initiativesModule.routes!,
      path: initiativeLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint([api.get, detail()], [api.transition, { ok: true }]),
    });
    expect(await screen.findByText('2 bénévoles, 10,5 h', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Léa Fictive')).toBeTruthy();
    expect(screen.getByText('CCAS Lille (FR)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Transport solidaire' }).getAttribute('href')).toBe(
      `/app/events/${EVENT}`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Passer en préparation' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.transition))).toBe(true));
    expect(calls.find((c) => isCall(c, api.transition))!.body).toEqual({ action: 'prepare' });
  });

  it('gives another organisation no action', async () => {
    renderRoutes({
      routes: initiativesModule.routes!,
      path: initiativeLink.href({ id: ID }),
      answers: byEndpoint([api.get, detail({ canEdit: false, actions: [], assignments: [] })]),
    });
    expect(await screen.findByText('2 bénévoles, 10,5 h', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Passer en préparation' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publier dans l’annuaire' })).toBeNull();
    expect(screen.queryByText('Léa Fictive')).toBeNull();
  });
});

describe('the proposals on a forum event’s page', () => {
  const list = (more: Partial<ProposalList> = {}): ProposalList => ({
    canManage: true,
    items: [
      {
        id: 'p1',
        title: 'Transport solidaire',
        description: null,
        language: 'fr',
        status: 'adopted',
        createdAt: '2026-11-01T10:00:00.000Z',
        initiative: { id: ID, title: 'Transport solidaire transfrontalier', status: 'running' },
      },
      {
        id: 'p2',
        title: 'Tandems linguistiques',
        description: null,
        language: 'fr',
        status: 'open',
        createdAt: '2026-11-01T10:05:00.000Z',
        initiative: null,
      },
    ],
    ...more,
  });

  it('lets the organiser turn an open proposal into an initiative and shows the adopted one’s link', async () => {
    const calls = renderRoutes({
      routes: [{ path: '/app/events/:id', element: <EventProposals eventId={EVENT} /> }],
      path: `/app/events/${EVENT}`,
      roles: ['volunteer_coordinator'],
      answers: byEndpoint([proposalsApi.list, list()], [proposalsApi.create, { id: 'p3' }]),
    });
    const link = await screen.findByRole('link', { name: 'Transport solidaire transfrontalier' }, SLOW);
    expect(link.getAttribute('href')).toBe(`/app/initiatives/${ID}`);
    const adopt = screen.getAllByRole('link', { name: 'En faire une initiative' });
    expect(adopt).toHaveLength(1);
    expect(adopt[0]!.getAttribute('href')).toBe('/app/initiatives/new?proposal=p2');
    fireEvent.change(screen.getByRole('textbox', { name: /Proposition/ }), {
      target: { value: 'Repair café' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la proposition' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, proposalsApi.create))).toBe(true));
    expect(calls.find((c) => isCall(c, proposalsApi.create))!.body).toEqual({
      title: 'Repair café',
      description: null,
      language: 'fr',
    });
  });

  it('shows the network the proposals without the organiser’s actions', async () => {
    renderRoutes({
      routes: [{ path: '/app/events/:id', element: <EventProposals eventId={EVENT} /> }],
      path: `/app/events/${EVENT}`,
      answers: byEndpoint([proposalsApi.list, list({ canManage: false })]),
    });
    expect(await screen.findByText('Tandems linguistiques', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'En faire une initiative' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer la proposition' })).toBeNull();
  });
});

describe('a published initiative in the public directory', () => {
  const one: PublicInitiative = {
    id: ID,
    title: 'Grensoverschrijdend solidair vervoer',
    description: 'Vrijwilligers rijden.',
    targetPublic: null,
    status: 'running',
    lead: 'CCAS Lille',
    partners: ['CPAS Mouscron'],
    territories: ['Rijsel', 'Moeskroen'],
    crossBorder: true,
    results: [
      { entryOn: '2026-11-20', text: 'Twaalf ritten.', linkUrl: null, figure: 12, figureLabel: 'ritten' },
    ],
    volunteerTotals: { volunteers: 2, hours: 10.5 },
  };

  it('shows it in Dutch with the language switch, the volunteers only counted', async () => {
    const calls = renderRoutes({
      routes: initiativesModule.publicRoutes!,
      path: publicInitiativeLink.href({ id: ID }, { lang: 'nl' }),
      answers: byEndpoint([pub.get, one]),
    });
    expect(await screen.findByRole('heading', { name: one.title, level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByText('Grensoverschrijdend')).toBeTruthy();
    expect(screen.getByText('2 vrijwilligers, 10,5 u')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Français' }).getAttribute('href')).toBe(
      `/directory/initiatives/${ID}?lang=fr`,
    );
    expect(calls.find((c) => isCall(c, pub.get))!.query.get('lang')).toBe('nl');
  });
});

describe('the initiative form', () => {
  it('prefills a new initiative from a forum proposal and keeps the link', async () => {
    const calls = renderRoutes({
      routes: initiativesModule.routes!,
      path: initiativeNewLink.href({}, { proposal: 'p2' }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [
          proposalsApi.get,
          {
            id: 'p2',
            eventId: EVENT,
            eventTitle: 'Forum transfrontalier',
            title: 'Tandems linguistiques',
            description: 'Des binômes FR-NL.',
            language: 'fr',
            status: 'open',
          },
        ],
        [
          organisationsApi.list,
          {
            // o1 is the signed-in user's organisation: the lead, never offered as its own partner.
            items: [
              {
                id: 'o1',
                shortName: 'CCAS Lille',
                nameFr: 'CCAS de Lille',
                nameNl: 'OCMW Rijsel',
                country: 'FR',
              },
              {
                id: 'o2',
                shortName: 'CPAS Mouscron',
                nameFr: 'CPAS de Mouscron',
                nameNl: null,
                country: 'BE',
              },
            ],
            total: 2,
            page: 1,
            pageSize: 100,
          },
        ],
        [programmesApi.list, { items: [], total: 0, page: 1, pageSize: 100 }],
        [api.create, { id: ID }],
        [api.get, detail()],
      ),
    });
    expect(
      await screen.findByText(/Initiative issue de la proposition « Tandems linguistiques »/, {}, SLOW),
    ).toBeTruthy();
    expect(await screen.findByRole('checkbox', { name: 'CPAS Mouscron (BE)' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'CCAS Lille (FR)' })).toBeNull();
    const fr = screen.getByRole('textbox', { name: /Titre en français/ }) as HTMLInputElement;
    expect(fr.value).toBe('Tandems linguistiques');
    fireEvent.change(screen.getByRole('textbox', { name: /Titre en néerlandais/ }), {
      target: { value: 'Taaltandems' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.create))).toBe(true));
    expect(calls.find((c) => isCall(c, api.create))!.body).toEqual({
      titleFr: 'Tandems linguistiques',
      titleNl: 'Taaltandems',
      descriptionFr: 'Des binômes FR-NL.',
      descriptionNl: null,
      targetPublic: null,
      partnerOrgIds: [],
      territoryCodes: [],
      programmeId: null,
      proposalId: 'p2',
    });
  });
});
