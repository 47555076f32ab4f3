import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { practicesApi, publicPracticesApi } from '../../../common/practices/endpoints';
import type { PracticeDetail } from '../../../common/practices/schemas';
import { byEndpoint, isCall, renderRoutes } from '../../testing/render-routes';
import { practicesModule } from '.';
import { initialState, inputOf } from './form-state';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const org = {
  id: 'o2',
  nameFr: 'CCAS de Tourcoing',
  nameNl: 'CCAS Tourcoing',
  shortName: null,
  country: 'FR',
};
const text = (title: string, description: string) => ({
  title,
  context: null,
  description,
  objectives: null,
  targetPublic: null,
  partners: null,
  resources: null,
  results: null,
  difficulties: null,
  contact: 'Pôle accueil',
});
const sheet: PracticeDetail = {
  id: 's1',
  reference: 'BP-0001',
  status: 'network',
  originalLanguage: 'fr',
  fr: text('Accueil au guichet unique', 'Un seul guichet reçoit la personne.'),
  nl: text('Onthaal aan één loket', 'Eén loket ontvangt de persoon.'),
  themes: ['reception'],
  tags: ['guichet unique'],
  org,
  partners: [],
  programme: null,
  sourceKind: 'immersion_report',
  contactEmail: 'accueil@ccas-tourcoing.example',
  contactPublic: true,
  publishedOn: '2026-05-04',
  updatedAt: '2026-05-04T10:00:00.000Z',
  attachments: [],
  takeUps: [
    {
      id: 't1',
      org: { id: 'o3', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen', shortName: null, country: 'BE' },
      status: 'adopted',
      startsOn: '2026-05-04',
      endsOn: null,
      evidence: 'Guichet ouvert le lundi.',
      evidenceFilename: null,
      canDownloadEvidence: false,
      mine: false,
      createdAt: '2026-05-05T10:00:00.000Z',
    },
  ],
  own: false,
};

describe('the sheet form', () => {
  it('checks the shared schema and rules before sending, then sends the original version only', async () => {
    const calls = renderRoutes({
      routes: practicesModule.routes!,
      path: '/app/practices/new',
      roles: ['referent'],
      language: 'en',
      // After saving, the form opens the new sheet's page: its read is answered too (left unanswered, the
      // page rendered without data whenever the navigation beat the end of the test).
      answers: byEndpoint(
        [practicesApi.create, { id: 's9', reference: 'BP-0009' }],
        [practicesApi.get, { ...sheet, id: 's9', reference: 'BP-0009' }],
      ),
    });
    const save = await screen.findByRole('button', { name: 'Save the draft' }, SLOW);
    await act(async () => {
      fireEvent.click(save);
    });
    expect(screen.getByText('Write at least the original version: a title and a description.')).toBeTruthy();
    expect(calls.filter((c) => isCall(c, practicesApi.create))).toEqual([]);

    const french = screen.getAllByRole('group').find((g) => g.getAttribute('lang') === 'fr')!;
    fireEvent.change(within(french).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Accueil au guichet unique' },
    });
    fireEvent.change(within(french).getByRole('textbox', { name: /^Description/ }), {
      target: { value: 'Un seul guichet.' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Reception' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Tags/ }), {
      target: { value: 'guichet, accueil, guichet' },
    });
    await act(async () => {
      fireEvent.click(save);
    });
    const sent = calls.filter((c) => isCall(c, practicesApi.create));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      originalLanguage: 'fr',
      nl: null,
      fr: { title: 'Accueil au guichet unique', description: 'Un seul guichet.', context: null },
      themes: ['reception'],
      tags: ['guichet', 'accueil'],
      programmeId: null,
    });
  }, 30_000);

  it('turns an untouched version into "no version" and empty texts into null', () => {
    const s = initialState('nl');
    s.nl.title = ' Budgetcafé ';
    s.nl.description = 'In groep.';
    s.contactEmail = ' ';
    expect(inputOf(s)).toMatchObject({
      originalLanguage: 'nl',
      fr: null,
      nl: { title: 'Budgetcafé', description: 'In groep.', results: null },
      contactEmail: null,
    });
  });
});

describe('the sheet page', () => {
  it('shows both versions with their translation marks, the take-up history and the take-up form', async () => {
    renderRoutes({
      routes: practicesModule.routes!,
      path: '/app/practices/s1',
      roles: ['referent'],
      language: 'nl',
      answers: byEndpoint([practicesApi.get, sheet]),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Onthaal aan één loket' }, SLOW),
    ).toBeTruthy();
    expect(screen.getByText('Vertaling uit het Frans')).toBeTruthy();
    expect(screen.getByText('Oorspronkelijke versie')).toBeTruthy();
    expect(screen.getByText('OCMW Moeskroen')).toBeTruthy();
    expect(screen.getByText('Overgenomen')).toBeTruthy();
    // Not its organisation's sheet: no editing, no workflow; a writer may record its own take-up.
    expect(screen.queryByRole('link', { name: 'Wijzigen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Intrekken' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Onze overname melden' })).toBeTruthy();
  }, 30_000);

  it('marks a sheet written in one language only, publicly without take-ups', async () => {
    renderRoutes({
      routes: practicesModule.publicRoutes!,
      path: '/library/s1',
      language: 'fr',
      answers: byEndpoint([publicPracticesApi.get, { ...sheet, nl: null, takeUps: [], status: 'public' }]),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accueil au guichet unique' }, SLOW),
    ).toBeTruthy();
    expect(screen.getByText('Uniquement en français')).toBeTruthy();
    expect(screen.getByText('Cette fiche n’existe pas en néerlandais.')).toBeTruthy();
    expect(screen.queryByText('Reprise par d’autres organisations'.replace('’', "'"))).toBeNull();
  }, 30_000);
});

describe('the library', () => {
  it('lists the network\'s sheets with their marks, and the organisation\'s own on "our sheets"', async () => {
    const item = {
      id: 's1',
      reference: 'BP-0001',
      status: 'network',
      originalLanguage: 'nl',
      titleFr: null,
      titleNl: 'Budgetcafé',
      summaryFr: null,
      summaryNl: 'In groep.',
      themes: ['debt_mediation'],
      tags: [],
      org,
      publishedOn: '2026-05-04',
      adoptions: 2,
    };
    const calls = renderRoutes({
      routes: practicesModule.routes!,
      path: '/app/practices',
      roles: ['referent'],
      language: 'fr',
      answers: byEndpoint(
        [practicesApi.search, { items: [item], total: 1, page: 1, pageSize: 20 }],
        [practicesApi.facets, { organisations: [org], tags: [] }],
      ),
    });
    expect(await screen.findByRole('link', { name: 'Budgetcafé' }, SLOW)).toBeTruthy();
    expect(screen.getByText('Uniquement en néerlandais')).toBeTruthy();
    expect(screen.getByText('Adoptée par 2 organisations')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nouvelle fiche' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('link', { name: 'Nos fiches' }));
    });
    await screen.findByRole('link', { name: 'Nos fiches', current: 'page' }, SLOW);
    const searches = calls.filter((c) => isCall(c, practicesApi.search));
    expect(searches.at(-1)!.query.get('mine')).toBe('true');
    expect(searches[0]!.query.get('mine')).toBeNull();
  }, 30_000);
});
