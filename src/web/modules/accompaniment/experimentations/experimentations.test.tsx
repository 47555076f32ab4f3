import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  experimentationsApi as api,
  deliverablesApi,
} from '../../../../common/accompaniment/experimentations-endpoints';
import {
  deliverablesLink,
  experimentationLink,
  experimentationsLink,
} from '../../../../common/accompaniment/experimentations-links';
import type {
  ExperimentationDetail,
  ExperimentationSummary,
} from '../../../../common/accompaniment/experimentations-schemas';
import { forumsApi } from '../../../../common/forums/endpoints';
import { eventEditLink } from '../../../../common/forums/links';
import { organisationsApi, programmesApi } from '../../../../common/network/endpoints';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { forumsModule } from '../../forums';
import { experimentationsWebPart } from './part';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const ID = '00000000-0000-4000-8000-000000000001';
const T = '00000000-0000-4000-8000-000000000002';
const people = { newcomers: 120, professionals: 4, volunteers: 26, total: 150 };
const wh = { id: 'o1', name: 'Wereldhuis West-Vlaanderen', side: 'VLG' as const };
const lva = { id: 'o2', name: 'La Vie Active', side: 'FR' as const };

const summary: ExperimentationSummary = {
  id: ID,
  title: 'Informele taal- en burgerschapsontmoetingen',
  side: 'VLG',
  theme: 'language_meetups',
  status: 'evaluated',
  lead: wh,
  programme: 'AB Réfugiés',
  startsOn: '2018-09-17',
  endsOn: '2019-12-16',
  participants: people,
  transfers: 1,
};

const detail = (more: Partial<ExperimentationDetail> = {}): ExperimentationDetail => ({
  id: ID,
  titleFr: 'Rencontres informelles de langue et de citoyenneté',
  titleNl: 'Informele taal- en burgerschapsontmoetingen',
  side: 'VLG',
  theme: 'language_meetups',
  status: 'running',
  objectives: 'Wekelijkse ontmoetingen.',
  programmeId: ID,
  programme: 'AB Réfugiés',
  actionId: null,
  action: 'M3 · Expérimentations transfrontalières',
  lead: wh,
  partners: [lva],
  startsOn: '2018-09-17',
  endsOn: null,
  participants: people,
  evaluation: {
    findings: null,
    whatWorked: null,
    transferConditions: null,
    recommendTransfer: null,
    evaluatedOn: null,
  },
  transfers: [],
  practice: null,
  canEdit: true,
  canDrawPractice: false,
  canTakeUp: false,
  transferSides: [],
  actions: [
    { action: 'evaluate', to: 'evaluated', tone: 'primary', blockedBy: ['evaluation_recorded'] },
    { action: 'abandon', to: 'abandoned', tone: 'danger', blockedBy: [] },
  ],
  ...more,
});

describe('the experimentations part', () => {
  it('lists the experimentations with their side and the creation link', SLOW, async () => {
    const calls = renderRoutes({
      routes: experimentationsWebPart.routes!,
      path: experimentationsLink.href(),
      roles: ['coordinator'],
      answers: byEndpoint([api.list, { items: [summary], canCreate: true }]),
    });
    expect(await screen.findByText('Informele taal- en burgerschapsontmoetingen')).toBeTruthy();
    expect(screen.getAllByText('Versant flamand').length).toBeGreaterThan(0);
    expect(screen.getByText('Nouvelle expérimentation')).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.list))).toBe(true);
  });

  it('blocks the evaluation until findings are recorded, then records them', SLOW, async () => {
    const calls = renderRoutes({
      routes: experimentationsWebPart.routes!,
      path: experimentationLink.href({ id: ID }),
      roles: ['coordinator'],
      answers: byEndpoint([api.get, detail()], [api.evaluate, { ok: true }]),
    });
    const evaluate = await screen.findByRole('button', { name: 'Clore l’évaluation' });
    expect(
      evaluate.getAttribute('disabled') !== null || evaluate.getAttribute('data-disabled') !== null,
    ).toBe(true);
    expect(screen.getByText('Enregistrez d’abord les constats de l’évaluation.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Saisir l’évaluation' }));
    fireEvent.change(screen.getByLabelText(/Constats/), {
      target: { value: 'Quinze participants par soirée.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.evaluate))).toBe(true));
    expect(calls.find((c) => isCall(c, api.evaluate))!.body).toMatchObject({
      findings: 'Quinze participants par soirée.',
    });
  });

  it('shows a transfer with its own status and the practice sheet link', SLOW, async () => {
    renderRoutes({
      routes: experimentationsWebPart.routes!,
      path: experimentationLink.href({ id: ID }),
      language: 'nl',
      answers: byEndpoint([
        api.get,
        detail({
          status: 'evaluated',
          canEdit: false,
          actions: [],
          transferSides: ['FR', 'WAL'],
          practice: { id: T, reference: 'BP-2020-007', status: 'network' },
          transfers: [
            {
              id: T,
              organisation: lva,
              side: 'FR',
              status: 'adopted',
              adaptations: 'Tables de conversation en français.',
              startsOn: '2020-03-02',
              endsOn: null,
              participants: { newcomers: 48, professionals: 3, volunteers: 14, total: 65 },
              findings: null,
              whatWorked: null,
              evaluatedOn: null,
              canEdit: false,
              actions: [],
              practice: null,
              canDrawPractice: false,
            },
          ],
        }),
      ]),
    });
    expect(await screen.findByText(/La Vie Active · Franse kant · Overgenomen/)).toBeTruthy();
    expect(screen.getByText('Fiche BP-2020-007 in de praktijkbibliotheek')).toBeTruthy();
  });

  it('lists the deliverables per module', SLOW, async () => {
    renderRoutes({
      routes: experimentationsWebPart.routes!,
      path: deliverablesLink.href(),
      language: 'en',
      answers: byEndpoint(
        [api.options, { programmes: [], organisations: [], ownSide: null }],
        [
          deliverablesApi.list,
          {
            programmeId: ID,
            canCreate: false,
            modules: [
              {
                actionId: T,
                code: 'M2',
                title: 'Mobile teams',
                items: [
                  {
                    id: T,
                    title: 'Mindspring handbook',
                    kind: 'training_material',
                    languages: ['nl', 'fr'],
                    linkUrl: 'https://doc.example/m',
                    issuedOn: '2019-09-30',
                    organisation: 'Wereldhuis',
                    canDelete: false,
                  },
                ],
              },
            ],
          },
        ],
      ),
    });
    expect(await screen.findByText('Mindspring handbook')).toBeTruthy();
    expect(screen.getAllByText('Training material').length).toBeGreaterThan(0);
  });
});

describe('the forum event form', () => {
  it('shows the trainer pair for a group session and sends it', SLOW, async () => {
    const event = {
      id: ID,
      orgId: 'o1',
      organisation: 'Wereldhuis',
      kind: 'group_session',
      titleFr: 'Séance Mindspring',
      titleNl: 'Mindspring-sessie',
      descriptionFr: null,
      descriptionNl: null,
      theme: null,
      startsAt: '2027-03-02T16:00:00.000Z',
      endsAt: '2027-03-02T18:00:00.000Z',
      venue: 'Brugge',
      onlineUrl: null,
      languages: ['nl'],
      interpreting: false,
      capacity: 12,
      audiences: ['volunteers'],
      partners: [],
      programmeId: null,
      trainers: [{ name: 'Léa Fictive-Desmet', userId: null }],
      status: 'draft',
      canEdit: true,
      counts: null,
      registrations: [],
    };
    const calls = renderRoutes({
      routes: forumsModule.routes!,
      path: eventEditLink.href({ id: ID }),
      roles: ['coordinator'],
      answers: byEndpoint(
        [forumsApi.get, event],
        [organisationsApi.list, { items: [], total: 0, page: 1, pageSize: 100 }],
        [programmesApi.list, { items: [], total: 0, page: 1, pageSize: 100 }],
        [forumsApi.update, { ok: true }],
      ),
    });
    expect(await screen.findByText('Binôme de formateurs', {}, SLOW)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Premier formateur/ }) as HTMLInputElement).value).toBe(
      'Léa Fictive-Desmet',
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Second formateur/ }), {
      target: { value: 'Yonas Exemple-Tesfay' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, forumsApi.update))).toBe(true), SLOW);
    expect(calls.find((c) => isCall(c, forumsApi.update))!.body).toMatchObject({
      trainers: [
        { name: 'Léa Fictive-Desmet', userId: null },
        { name: 'Yonas Exemple-Tesfay', userId: null },
      ],
    });
  });
});
