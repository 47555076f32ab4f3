import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { programmesApi } from '../../../../common/network/endpoints';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementLink } from '../../../../common/placements/links';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { PLACEMENT, placement } from './fixtures.testing';

afterEach(cleanup);

const e = placementsEndpoints;

/** The placement page with its terms form open. */
async function openForm(view: PlacementView, language: 'fr' | 'nl' = 'fr') {
  const calls = renderRoutes({
    routes: placementsModule.routes ?? [],
    path: placementLink.href({ id: PLACEMENT }),
    language,
    answers: byEndpoint(
      [e.updatePlacement, () => view],
      [e.hostTutors, { items: [] }],
      [e.placement, () => view],
      [programmesApi.list, { items: [] }],
    ),
  });
  const edit = language === 'fr' ? 'Modifier les conditions' : 'Voorwaarden wijzigen';
  fireEvent.click(await screen.findByRole('button', { name: edit }));
  return calls;
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });
const choose = async (label: RegExp, option: string) => {
  fireEvent.click(screen.getByRole('button', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
};
const saved = (calls: Call[]) => calls.filter((c) => isCall(c, e.updatePlacement));

describe('terms form: the convention’s structured terms (issue 9, item 9)', () => {
  it('adds a timetable day, sets the weekly hours it gives and saves both with the emergency contact', async () => {
    const calls = await openForm(placement({ hoursPerWeek: null }));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un jour' }));
    type('Début, jour 1', '08:30');
    type('Fin, jour 1', '16:00');
    expect(await screen.findByText('Total : 7 heures par semaine')).toBeTruthy();
    await choose(/Objectif de la mise en situation/, 'Confirmer un projet professionnel');
    type('Nom de la personne à prévenir', 'Nora Fictivelle');
    type('Téléphone de la personne à prévenir', '0470 12 34 56');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(saved(calls)).toHaveLength(1));
    expect(saved(calls)[0]?.body).toMatchObject({
      timetable: [{ day: 1, from: '08:30', to: '16:00', breakMinutes: 30 }],
      hoursPerWeek: 7,
      aim: 'confirm_project',
      emergencyContactName: 'Nora Fictivelle',
      emergencyContactPhone: '0470 12 34 56',
    });
  });

  it('says in words an end before the start and a code that does not fit its list, and saves nothing', async () => {
    const calls = await openForm(placement());
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un jour' }));
    type('Début, jour 1', '12:00');
    type('Fin, jour 1', '09:00');
    await choose(/Référentiel du code métier/, 'CITP-08 (ISCO-08)');
    type('Code métier', 'K1201');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText('L’heure de fin doit suivre l’heure de début.', { selector: '.field-error' }),
    ).toBeTruthy();
    expect(screen.getByText(/Un code CITP-08 \(ISCO-08\) compte quatre chiffres/)).toBeTruthy();
    expect(saved(calls)).toHaveLength(0);
  });

  it('asks for the phone of an emergency contact given by name only, in Dutch', async () => {
    const calls = await openForm(placement(), 'nl');
    type('Naam van de contactpersoon', 'Nora Fictivelle');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Vul het telefoonnummer van de contactpersoon in.')).toBeTruthy();
    expect(saved(calls)).toHaveLength(0);
  });

  it('shows the timetable day by day, or the free-text schedule of an earlier agreement', async () => {
    const show = (view: PlacementView) =>
      renderRoutes({
        routes: placementsModule.routes ?? [],
        path: placementLink.href({ id: PLACEMENT }),
        answers: byEndpoint([e.placement, () => view], [programmesApi.list, { items: [] }]),
      });
    show(
      placement({
        timetable: [{ day: 2, from: '09:00', to: '12:00' }],
        aim: 'start_hiring',
        jobCodeKind: 'isco',
        jobCode: '9112',
        emergencyContact: { name: 'Nora Fictivelle', phone: '+32470123456', relation: null },
      }),
    );
    expect(await screen.findByText('Mardi : 09:00–12:00')).toBeTruthy();
    expect(screen.getByText('Initier une démarche de recrutement')).toBeTruthy();
    expect(screen.getByText('CITP-08 (ISCO-08) 9112')).toBeTruthy();
    expect(screen.getByText('Nora Fictivelle · +32470123456')).toBeTruthy();
    expect(screen.queryByText('Lundi–jeudi 9h–16h')).toBeNull();
    cleanup();
    show(placement());
    expect(await screen.findByText('Lundi–jeudi 9h–16h')).toBeTruthy();
  });
});
