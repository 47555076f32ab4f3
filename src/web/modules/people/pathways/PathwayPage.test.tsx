import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { civilDay, systemClock } from '../../../../common/kernel/clock';
import { urlOf } from '../../../../common/kernel/endpoint';
import { programmesApi } from '../../../../common/network/endpoints';
import { pathwaysApi } from '../../../../common/people/endpoints';
import { pathwaySummary } from '../../../../common/people/pathway-rules';
import type { PathwayDetail } from '../../../../common/people/pathway-schemas';
import { byEndpoint, renderRoutes } from '../../../testing/render-routes';
import { peopleModule } from '..';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The session's user (renderRoutes signs in 'u'), a referent of the pathway. */
const USER = 'u';
const COLLEAGUE = '0b6f3c0e-2f7e-4a8e-9c1e-7d7b5d1e4a02';
const today = () => systemClock.today();
const daysAgo = (n: number) => civilDay(new Date(Date.now() - n * 86_400_000));

function pathway(): PathwayDetail {
  const objectives: PathwayDetail['objectives'] = [
    {
      id: 'ob1',
      pathwayId: 'pw1',
      title: 'Se déplacer seule',
      status: 'achieved',
      dueOn: null,
      actions: [
        {
          id: 'ac1',
          objectiveId: 'ob1',
          title: 'Premier trajet seule',
          status: 'done',
          dueOn: null,
          doneOn: daysAgo(20),
        },
      ],
    },
    {
      id: 'ob2',
      pathwayId: 'pw1',
      title: 'Stage à Roubaix',
      status: 'in_progress',
      dueOn: daysAgo(-30),
      actions: [],
    },
  ];
  const mobility = [
    { id: 'm2', recordedOn: daysAgo(10), radiusKm: 32, crossedBorder: true, note: null },
    { id: 'm1', recordedOn: daysAgo(60), radiusKm: 5, crossedBorder: false, note: null },
  ];
  return {
    id: 'pw1',
    personId: 'pe1',
    programme: null,
    modules: ['placement', 'social_insertion'],
    referents: [{ id: USER, displayName: 'Sacha Référente' }],
    entryOn: daysAgo(90),
    exitOn: null,
    exitReason: null,
    person: { id: 'pe1', firstName: 'Inès', lastName: 'Exemple' },
    objectives,
    notes: [
      {
        id: 'n1',
        pathwayId: 'pw1',
        notedOn: daysAgo(5),
        body: 'Situation familiale évoquée.',
        confidential: true,
        author: { id: USER, displayName: 'Sacha Référente' },
        createdAt: new Date().toISOString(),
        editable: true,
      },
    ],
    mobility,
    summary: pathwaySummary(objectives, [...mobility].reverse()),
    canManage: true,
    updatedAt: new Date().toISOString(),
  };
}

/** The page of a person with one pathway (or none); every write answers with that pathway. */
const serve = (language: 'fr' | 'nl', detail: PathwayDetail | null) =>
  renderRoutes({
    routes: peopleModule.routes ?? [],
    path: '/app/people/pe1/pathway',
    language,
    answers: byEndpoint(
      [
        pathwaysApi.referents,
        {
          items: [
            { id: USER, displayName: 'Sacha Référente' },
            { id: COLLEAGUE, displayName: 'Alex Collègue' },
          ],
        },
      ],
      [programmesApi.list, { items: [], total: 0, page: 1, pageSize: 100 }],
      [pathwaysApi.list, { items: detail ? [detail] : [] }],
      [pathwaysApi.get, detail],
      [pathwaysApi.create, detail],
      [pathwaysApi.addNote, detail],
    ),
  });

describe('pathway page', () => {
  it('offers to start a pathway when there is none, checking the form before sending', async () => {
    const calls = serve('fr', null);
    expect(await screen.findByRole('heading', { name: 'Aucun parcours pour cette personne' })).toBeTruthy();
    // The user starting the pathway follows it unless they choose someone else.
    const self = await screen.findByRole('checkbox', { name: 'Sacha Référente' });
    expect((self as HTMLInputElement).checked).toBe(true);
    fireEvent.click(self);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Alex Collègue' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Démarrer le parcours' }));
    });
    expect(screen.getByText('Choisissez-en au moins 1.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Stage transfrontalier' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Démarrer le parcours' }));
    });
    expect(calls.filter((c) => c.method === 'POST').map(({ path, body }) => ({ path, body }))).toEqual([
      {
        path: urlOf(pathwaysApi.create, { params: { personId: 'pe1' } }),
        body: { entryOn: today(), modules: ['placement'], referentUserIds: [COLLEAGUE] },
      },
    ]);
  });

  it('shows modules, progress, the confidential note and the reached mobility goal, in Dutch', async () => {
    serve('nl', pathway());
    expect(await screen.findByRole('heading', { level: 1, name: 'Traject van Inès Exemple' })).toBeTruthy();
    expect(screen.getByText('Grensoverschrijdende stage')).toBeTruthy();
    expect(screen.getByText('Sociale inschakeling')).toBeTruthy();
    expect(screen.getByText('1 van 2 behaald')).toBeTruthy();
    expect(screen.getByText('Vertrouwelijk')).toBeTruthy();
    expect(screen.getAllByText('Mobiliteitsdoel bereikt').length).toBeGreaterThan(0);
    expect(screen.getByText(/huidige straal: 32 km, grens overgestoken/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verbeteren' })).toBeTruthy();
  });

  it('adds a confidential note', async () => {
    const calls = serve('fr', pathway());
    const body = await screen.findByLabelText('Note', { selector: 'textarea', exact: false });
    fireEvent.change(body, { target: { value: 'Rendez-vous médical demandé.' } });
    const [confidential] = screen.getAllByRole('checkbox', { name: 'Note confidentielle' });
    fireEvent.click(confidential!);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Ajouter la note' }));
    });
    expect(calls.filter((c) => c.method === 'POST').map(({ path, body }) => ({ path, body }))).toEqual([
      {
        path: urlOf(pathwaysApi.addNote, { params: { id: 'pw1' } }),
        body: { notedOn: today(), body: 'Rendez-vous médical demandé.', confidential: true },
      },
    ]);
  });
});
