import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { newOfferLink, offerEditLink } from '../../../../common/placements/links';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';

afterEach(cleanup);

const ID = '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a';
const existing = {
  id: ID,
  orgId: 'o1',
  orgNameFr: 'Atelier du Pile',
  orgNameNl: 'Atelier du Pile',
  siteName: 'Atelier vélo',
  street: null,
  postalCode: null,
  municipalityCode: 'FR-59512',
  municipalityNameFr: 'Roubaix',
  municipalityNameNl: 'Roubaix',
  country: 'FR',
  sector: 'green_spaces',
  titleFr: 'Entretien des parcs',
  titleNl: null,
  tasksFr: null,
  tasksNl: null,
  positions: 2,
  freePositions: 2,
  startsOn: '2030-01-07',
  endsOn: '2030-05-31',
  schedule: 'Lundi–jeudi',
  hoursPerWeek: null,
  languageCode: null,
  languageLevel: null,
  accessibility: null,
  timetable: null,
  jobCodeKind: null,
  jobCode: null,
  protectiveEquipment: null,
  tutorUserId: null,
  tutorName: null,
  programmeId: null,
  status: 'open',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
} satisfies OfferDetail;

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });
const save = () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
  });

describe('the offer form: timetable, job code, protective equipment (issue 9, item 9)', () => {
  it('says in words a break that is too long and a job code that does not fit its list', async () => {
    renderRoutes({
      routes: placementsModule.routes!,
      path: newOfferLink.href(),
      roles: ['tutor'],
      region: 'FR-HDF',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un jour' }));
    type('Fin, jour 1', '11:00');
    type('Pause en minutes, jour 1', '150');
    fireEvent.click(screen.getByRole('button', { name: /Référentiel du code métier/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'ROME (France Travail)' }));
    type('Code métier', '9112');
    await save();
    expect(screen.getByText('La pause doit être plus courte que la journée.')).toBeTruthy();
    expect(
      screen.getByText('Un code ROME est une lettre suivie de quatre chiffres, par exemple K1201.'),
    ).toBeTruthy();
  }, 30_000);

  it('sends the new timetable, its hours, the job code and the equipment with a change', async () => {
    const calls: Call[] = renderRoutes({
      routes: placementsModule.routes!,
      path: offerEditLink.href({ id: ID }),
      roles: ['coordinator'],
      region: 'FR-HDF',
      answers: byEndpoint(
        [placementsEndpoints.updateOffer, () => existing],
        [placementsEndpoints.offer, () => existing],
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un jour' }));
    type('Début, jour 1', '08:00');
    type('Fin, jour 1', '12:00');
    type('Pause en minutes, jour 1', '');
    type('Code métier', 'a1203');
    fireEvent.click(screen.getByRole('button', { name: /Référentiel du code métier/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'ROME (France Travail)' }));
    type('Équipements de protection', 'Gants');
    await save();
    await waitFor(() =>
      expect(calls.filter((c) => isCall(c, placementsEndpoints.updateOffer))).toHaveLength(1),
    );
    expect(calls.find((c) => isCall(c, placementsEndpoints.updateOffer))?.body).toMatchObject({
      timetable: [{ day: 1, from: '08:00', to: '12:00' }],
      hoursPerWeek: 4,
      jobCodeKind: 'rome',
      jobCode: 'a1203',
      protectiveEquipment: 'Gants',
    });
  }, 30_000);
});
