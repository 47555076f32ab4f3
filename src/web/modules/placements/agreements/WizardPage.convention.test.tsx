import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import { placement } from './fixtures.testing';
import { baseOffer, created, next, openWizard } from './wizard-harness.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const offer = {
  ...baseOffer,
  // Issue 9, item 9: the host's timetable (26 h), job code and equipment.
  timetable: [1, 2, 3, 4].map((day) => ({ day, from: '08:30', to: '15:30', breakMinutes: 30 })),
  jobCodeKind: 'rome',
  jobCode: 'A1203',
  protectiveEquipment: 'Gants',
} as unknown as OfferDetail;

const open = (create: (body: unknown) => unknown, roles = ['referent']) =>
  openWizard(create, { roles, offer });

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
