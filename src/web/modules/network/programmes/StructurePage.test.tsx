import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { programmesApi } from '../../../../common/network/endpoints';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { programme } from './fixtures.testing';
import { StructurePage } from './StructurePage';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const open = (canEdit = true, language: 'fr' | 'en' = 'en') =>
  renderRoutes({
    routes: [{ path: '/app/programmes/:id/structure', element: <StructurePage /> }],
    path: '/app/programmes/p1/structure',
    language,
    roles: ['coordinator'],
    answers: byEndpoint(
      [programmesApi.get, programme(canEdit)],
      [programmesApi.replaceActions, programme(canEdit)],
      [programmesApi.replaceMilestones, programme(canEdit)],
      [programmesApi.replacePerimeter, programme(canEdit)],
    ),
  });

const press = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('programme structure editor', () => {
  it('adds, moves and deletes actions, never one records are attributed to, and sends the ordered list', async () => {
    const calls = open();
    await screen.findByRole('textbox', { name: /^Code of action 1/ }, SLOW);
    // A1 has placements: it offers no delete button, A2 does.
    expect(screen.queryByRole('button', { name: 'Delete A1' })).toBeNull();
    expect(screen.getByText('Records are attributed to it: it cannot be deleted.')).toBeTruthy();
    await press('Add an action');
    const code = screen.getByRole('textbox', { name: /^Code of action 3/ }) as HTMLInputElement;
    expect(code.value).toBe('A3');
    fireEvent.change(screen.getByRole('textbox', { name: /^French title of A3/ }), {
      target: { value: 'Analyse des besoins' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Dutch title of A3/ }), {
      target: { value: 'Behoefteanalyse' },
    });
    await press('Move A3 up');
    await press('Delete A2');
    await press('Save the actions');
    const put = calls.filter((c) => isCall(c, programmesApi.replaceActions));
    expect(put).toHaveLength(1);
    expect(put[0]!.body).toEqual({
      actions: [
        {
          id: 'aaaaaaa1-0000-4000-8000-000000000001',
          code: 'A1',
          kind: 'action',
          titleFr: "Chantiers transfrontaliers d'insertion",
          titleNl: 'Grensoverschrijdende integratieprojecten',
          titleEn: 'Cross-border work-integration placements',
          defaultFor: ['placement'],
        },
        {
          code: 'A3',
          kind: 'action',
          titleFr: 'Analyse des besoins',
          titleNl: 'Behoefteanalyse',
          titleEn: null,
          defaultFor: [],
        },
      ],
    });
    expect(await screen.findByText('The actions were saved.', {}, SLOW)).toBeTruthy();
  });

  it('checks codes and titles in the browser, translated, before sending anything', async () => {
    const calls = open(true, 'fr');
    await screen.findByRole('textbox', { name: /^Code de l'action 2/ }, SLOW);
    fireEvent.change(screen.getByRole('textbox', { name: /^Code de l'action 2/ }), {
      target: { value: 'a1' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Titre en néerlandais de a1/ }), {
      target: { value: ' ' },
    });
    await press('Enregistrer les actions');
    expect(screen.getByText('Ce code est déjà utilisé par une autre action du programme.')).toBeTruthy();
    expect(calls.filter((c) => isCall(c, programmesApi.replaceActions))).toEqual([]);
  });

  it('saves milestones and the perimeter, each on its own', async () => {
    const calls = open();
    await screen.findByRole('textbox', { name: /^French label of milestone 1/ }, SLOW);
    await press('Add a milestone');
    fireEvent.change(screen.getByRole('textbox', { name: /^French label of milestone 2/ }), {
      target: { value: 'Comité de pilotage' },
    });
    await press('Save the milestones');
    // The new milestone has no date yet: refused in the browser, translated.
    expect(calls.filter((c) => isCall(c, programmesApi.replaceMilestones))).toEqual([]);
    await press('Delete milestone 2');
    await press('Save the milestones');
    const milestones = calls.filter((c) => isCall(c, programmesApi.replaceMilestones));
    expect(milestones.map((c) => c.body)).toEqual([
      {
        milestones: [
          {
            id: 'eeeeeee1-0000-4000-8000-000000000001',
            occursOn: '2010-07-01',
            labelFr: 'Début du projet',
            labelNl: 'Start van het project',
            labelEn: null,
            note: 'Convention FEDER signée.',
          },
        ],
      },
    ]);
    const list = screen.getByRole('list', { name: 'Municipalities covered' });
    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: 'Remove Lille' }));
    });
    await press('Save the perimeter');
    const perimeter = calls.filter((c) => isCall(c, programmesApi.replacePerimeter));
    expect(perimeter.map((c) => c.body)).toEqual([{ codes: ['BE-34022'] }]);
  });

  it('tells a partner that is not the lead that only the lead edits', async () => {
    open(false);
    expect(
      await screen.findByText(
        "Only the lead organisation's coordinators and platform administrators can change this programme.",
        {},
        SLOW,
      ),
    ).toBeTruthy();
  });
});
