import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { partnershipsLink } from '../../../../common/formative/links';
import type { PartnershipOptions } from '../../../../common/formative/schemas';
import { byEndpoint, renderRoutes } from '../../../testing/render-routes';
import { formativeModule } from '..';
import { id, SLOW } from './fixtures.testing';

const OPTIONS: PartnershipOptions = {
  eligibility: { population: 202746, eligible: true },
  programmes: [],
  units: [
    { id: id(1), nameFr: 'Service Action Migrants', nameNl: 'Service Action Migrants' },
    { id: id(2), nameFr: 'Médiation de dettes', nameNl: 'Schuldbemiddeling' },
  ],
  staff: [],
  modules: [
    {
      id: id(11),
      unitId: id(1),
      code: 'insertion-sociale',
      nameFr: 'Insertion sociale',
      nameNl: 'Sociale integratie',
    },
    { id: id(12), unitId: id(2), code: 'budget', nameFr: 'Guidance budgétaire', nameNl: 'Budgetbegeleiding' },
    { id: id(13), unitId: null, code: 'accueil', nameFr: 'Accueil', nameNl: 'Onthaal' },
  ],
};

afterEach(cleanup);

describe('a new partnership’s plan', () => {
  it('offers the host unit’s modules (and those of no unit) once the unit is chosen', async () => {
    renderRoutes({
      routes: formativeModule.routes!,
      path: partnershipsLink.href(),
      roles: ['coordinator'],
      answers: byEndpoint(
        [api.options, OPTIONS],
        [api.list, { items: [], canCreate: true, canManageModules: true }],
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Nouveau partenariat' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByLabelText(/^Heures prévues/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: /Service d’accueil/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Service Action Migrants' }));
    expect(
      within(dialog)
        .getAllByLabelText(/^Heures prévues/)
        .map((e) => e.closest('.field')?.textContent),
    ).toEqual(['Heures prévues : Insertion sociale', 'Heures prévues : Accueil']);
  });
});
