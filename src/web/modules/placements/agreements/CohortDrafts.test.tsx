import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CohortDraftResult } from '../../../../common/placements/cohort-draft-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementLink } from '../../../../common/placements/links';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { CohortDrafts } from './CohortDrafts';
import { OFFER, PERSON, PLACEMENT } from './fixtures.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const OTHER = '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const assignments = [
  { personId: PERSON, offerId: OFFER },
  { personId: OTHER, offerId: OFFER },
];
const persons = [
  { id: PERSON, firstName: 'Alix', lastName: 'Fictive' },
  { id: OTHER, firstName: 'Bo', lastName: 'Imaginaire' },
];
const answer: CohortDraftResult = {
  created: 1,
  results: [
    { personId: PERSON, offerId: OFFER, placementId: PLACEMENT, error: null },
    {
      personId: OTHER,
      offerId: OFFER,
      placementId: null,
      error: {
        code: 'placements.agreements.errors.consent_missing',
        message: 'Aucun consentement valable.',
        fields: [],
      },
    },
  ],
};

// The card is part of the offers' cohort page; here it is shown on its own.
const open = () =>
  renderRoutes({
    routes: [{ path: '/cohort', element: <CohortDrafts assignments={assignments} persons={persons} /> }],
    path: '/cohort',
    answers: byEndpoint([placementsEndpoints.draftsFromCohort, answer]),
  });
const drafted = (c: Call) => isCall(c, placementsEndpoints.draftsFromCohort);

describe('draft agreements from a cohort', () => {
  it('asks what the hosts will see, posts the assignments, and lists each outcome', async () => {
    const calls = open();
    fireEvent.click(await screen.findByRole('button', { name: 'Créer les conventions en brouillon (2)' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Langues/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Créer 2 brouillons' }));
    expect(await screen.findByText('1 brouillon(s) créé(s) sur 2.')).toBeTruthy();
    expect(calls.find(drafted)?.body).toEqual({
      assignments,
      sharedFields: ['identity', 'languages'],
    });
    expect(screen.getByRole('link', { name: 'Ouvrir le brouillon' }).getAttribute('href')).toBe(
      placementLink.href({ id: PLACEMENT }),
    );
    expect(screen.getByText('Aucun consentement valable.')).toBeTruthy();
  });

  it('refuses to send without any field group', async () => {
    const calls = open();
    fireEvent.click(await screen.findByRole('button', { name: 'Créer les conventions en brouillon (2)' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Identité/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Créer 2 brouillons' }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(calls.some(drafted)).toBe(false);
  });
});
