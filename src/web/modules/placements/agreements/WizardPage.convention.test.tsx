import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { programmesApi, territoriesApi } from '../../../../common/network/endpoints';
import { personsApi, sharedApi } from '../../../../common/people/endpoints';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { newAgreementLink } from '../../../../common/placements/links';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { HOST, OFFER, PERSON, PROGRAMME, placement, TUTOR } from './fixtures.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = {
  id: PERSON,
  orgId: 'o1',
  firstName: 'Lucie',
  lastName: 'Fictivelle',
  preferredLanguage: 'fr',
};

const offer = {
  id: OFFER,
  orgId: HOST,
  orgNameFr: 'Atelier du Pile',
  orgNameNl: 'Atelier du Pile',
  siteName: 'Atelier vélo',
  municipalityCode: 'FR-59512',
  municipalityNameFr: 'Roubaix',
  municipalityNameNl: 'Roubaix',
  titleFr: 'Réparation de vélos',
  titleNl: null,
  tasksFr: 'Réparer des vélos',
  tasksNl: null,
  schedule: 'Lundi–jeudi',
  hoursPerWeek: 26,
  startsOn: '2027-01-04',
  endsOn: '2027-05-31',
  tutorUserId: null,
  tutorName: null,
  programmeId: PROGRAMME,
  // Issue 9, item 9: the host's timetable (26 h), job code and equipment.
  timetable: [1, 2, 3, 4].map((day) => ({ day, from: '08:30', to: '15:30', breakMinutes: 30 })),
  jobCodeKind: 'rome',
  jobCode: 'A1203',
  protectiveEquipment: 'Gants',
} as unknown as OfferDetail;

/** The programme's placement duration, as its list item carries it. */
const limits = { min: 2, max: 6 };

/** The host's programmes: by default the offer's, open on the offer's dates. */
const offerProgramme = () => ({
  id: PROGRAMME,
  acronym: 'SAM',
  nameFr: 'SAM Eurométropole',
  nameNl: 'SAM Eurometropool',
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  placementMinMonths: limits.min,
  placementMaxMonths: limits.max,
});
const programmeItems: () => object[] = () => [offerProgramme()];

const e = placementsEndpoints;

/** The wizard as the module mounts it, opened from an offer as the person's ranked offers link to it. */
function open(create: (body: unknown) => unknown, roles = ['referent']) {
  return renderRoutes({
    routes: placementsModule.routes ?? [],
    path: newAgreementLink.href({ personId: PERSON }, { offer: OFFER }),
    roles,
    answers: byEndpoint(
      [e.createPlacement, (c: Call) => create(c.body)],
      [personsApi.get, person],
      [e.offer, offer],
      // Before `placement`, whose `/:id` the tutors' path would match too.
      [e.hostTutors, { items: [{ id: TUTOR, displayName: 'Tess Tuteur' }] }],
      // The page the wizard opens once the draft is created.
      [e.placement, () => placement()],
      [programmesApi.list, () => ({ items: programmeItems() })],
      [
        sharedApi.preview,
        {
          person,
          canOverride: false,
          check: {
            consent: { id: 'c1', givenOn: '2026-10-01', expiresOn: null },
            gap: null,
            missingFields: [],
          },
        },
      ],
      [territoriesApi.get, { code: 'FR-59512', nameFr: 'Roubaix', nameNl: 'Roubaix' }],
    ),
  });
}
const created = (calls: Call[]) => calls.filter((c) => isCall(c, e.createPlacement));

const next = () => fireEvent.click(screen.getByRole('button', { name: 'Étape suivante' }));

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });
const fieldValue = (label: string) =>
  (screen.getByRole('textbox', { name: label }) as HTMLInputElement).value;

describe('agreement wizard: the convention’s structured terms (issue 9, item 9)', () => {
  it('starts from the offer’s timetable, job code and equipment and posts them with the aim and the emergency contact', async () => {
    const calls = open(() => placement());
    expect(await screen.findByText('Total : 26 heures par semaine')).toBeTruthy();
    expect(fieldValue('Début, jour 4')).toBe('08:30');
    expect(fieldValue('Code métier')).toBe('A1203');
    fireEvent.click(screen.getByRole('button', { name: /Objectif de la mise en situation/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Découvrir un métier ou un secteur' }));
    type('Nom de la personne à prévenir', 'Nora Fictivelle');
    type('Téléphone de la personne à prévenir', '0470 12 34 56');
    type('Lien avec la personne', 'sœur');
    next();
    expect(
      await screen.findByText('Étape 2 sur 4 : Ce que verra la structure d’accueil', { selector: 'h2' }),
    ).toBeTruthy();
    next();
    expect(await screen.findByText('Étape 3 sur 4 : Qui signe', { selector: 'h2' })).toBeTruthy();
    next();
    expect(await screen.findByText('Étape 4 sur 4 : Vérifier et créer', { selector: 'h2' })).toBeTruthy();
    // The review shows the timetable day by day, the aim and the emergency contact.
    expect(screen.getByText('Lundi : 08:30–15:30, pause de 30 min')).toBeTruthy();
    expect(screen.getByText('Découvrir un métier ou un secteur')).toBeTruthy();
    expect(screen.getByText('Nora Fictivelle · sœur · 0470 12 34 56')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Créer la convention en brouillon' }));
    await waitFor(() => expect(created(calls)).toHaveLength(1));
    expect(created(calls)[0]?.body).toMatchObject({
      timetable: offer.timetable,
      hoursPerWeek: 26,
      aim: 'discover_job',
      jobCodeKind: 'rome',
      jobCode: 'A1203',
      protectiveEquipment: 'Gants',
      emergencyContactName: 'Nora Fictivelle',
      emergencyContactPhone: '0470 12 34 56',
      emergencyContactRelation: 'sœur',
    });
  });

  it('keeps the user on the terms step with the rules in words: day too long, hours not adding up, ROME format', async () => {
    const calls = open(() => placement());
    await screen.findByText('Total : 26 heures par semaine');
    type('Fin, jour 1', '19:30');
    // The weekly hours follow the timetable; typed back by hand, they no longer add up.
    type('Heures par semaine', '26');
    type('Code métier', 'Z1201');
    next();
    expect(await screen.findByText('Une journée ne peut pas dépasser 10 heures de travail.')).toBeTruthy();
    expect(
      screen.getByText('Un code ROME est une lettre suivie de quatre chiffres, par exemple K1201.'),
    ).toBeTruthy();
    expect(
      screen.getByText('Étape 1 sur 4 : Conditions', { selector: '[aria-current="step"]' }),
    ).toBeTruthy();
    type('Fin, jour 1', '15:30');
    type('Heures par semaine', '30');
    type('Code métier', 'A1203');
    next();
    expect(await screen.findByText(/L’horaire donne 26 heures par semaine/)).toBeTruthy();
    expect(created(calls)).toHaveLength(0);
  });
});
