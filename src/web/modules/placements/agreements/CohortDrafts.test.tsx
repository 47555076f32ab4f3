import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CohortDraftResult } from '../../../common/placements/cohort-draft-schemas';
import { CohortDrafts } from './CohortDrafts';
import { OFFER, PERSON, PLACEMENT, serve } from './harness.testing';

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
        code: 'agreements.errors.consent_missing',
        message: 'Aucun consentement valable.',
        fields: [],
      },
    },
  ],
};

describe('draft agreements from a cohort', () => {
  it('asks what the hosts will see, posts the assignments, and lists each outcome', async () => {
    const calls = serve(
      'fr',
      '/cohort',
      [{ path: '/cohort', element: <CohortDrafts assignments={assignments} persons={persons} /> }],
      (_m, url) => (url === '/api/placements/from-cohort' ? answer : {}),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Créer les conventions en brouillon (2)' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Langues/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Créer 2 brouillons' }));
    expect(await screen.findByText('1 brouillon(s) créé(s) sur 2.')).toBeTruthy();
    expect(calls.find((c) => c.url === '/api/placements/from-cohort')?.body).toEqual({
      assignments,
      sharedFields: ['identity', 'languages'],
    });
    expect(screen.getByRole('link', { name: 'Ouvrir le brouillon' }).getAttribute('href')).toBe(
      `/app/placements/${PLACEMENT}`,
    );
    expect(screen.getByText('Aucun consentement valable.')).toBeTruthy();
  });

  it('refuses to send without any field group', async () => {
    const calls = serve(
      'fr',
      '/cohort',
      [{ path: '/cohort', element: <CohortDrafts assignments={assignments} persons={persons} /> }],
      () => answer,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Créer les conventions en brouillon (2)' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Identité/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Créer 2 brouillons' }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(calls.some((c) => c.url === '/api/placements/from-cohort')).toBe(false);
  });
});
