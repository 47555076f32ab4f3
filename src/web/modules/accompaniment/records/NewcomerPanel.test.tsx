import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newcomerRecordsApi as api } from '../../../../common/accompaniment/records-endpoints';
import type { NewcomerRecord } from '../../../../common/accompaniment/records-schemas';
import { apiError, byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { NewcomerPanel } from './NewcomerPanel';
import { SharedNewcomerFacts } from './SharedNewcomerFacts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PERSON = '11111111-1111-4111-8111-111111111111';
const record = (over: Partial<NewcomerRecord> = {}): NewcomerRecord => ({
  personId: PERSON,
  profile: {
    category: 'statutory_refugee',
    arrivalOn: '2024-06-01',
    arrivalApproximate: true,
    firstReceptionCountry: 'FR',
    housing: 'social_housing',
    guardian: null,
    psychosocial: { needed: true, referredTo: 'Équipe mobile', since: '2026-11-16' },
  },
  status: 'refugee',
  permit: {
    type: 'temporary',
    validFrom: '2026-02-04',
    expiresOn: '2027-02-04',
    inForce: true,
    daysLeft: 60,
  },
  events: [
    {
      id: 'e1',
      kind: 'asylum_requested',
      occurredOn: '2024-07-10',
      outcome: null,
      permitType: null,
      validFrom: null,
      expiresOn: null,
      note: null,
    },
    {
      id: 'e2',
      kind: 'decision',
      occurredOn: '2025-10-12',
      outcome: 'refugee',
      permitType: null,
      validFrom: null,
      expiresOn: null,
      note: null,
    },
  ],
  integration: {
    scheme: 'fr_cir',
    status: 'in_progress',
    startedOn: '2025-11-20',
    endedOn: null,
    provider: 'OFII',
  },
  household: [
    {
      relation: 'child',
      birthYear: 2014,
      whereabouts: 'with_person',
      linkedPersonId: null,
      linkedPersonName: null,
    },
  ],
  suggestedScheme: 'fr_cir',
  canManage: true,
  ...over,
});

function open(el: React.ReactElement, answers: Parameters<typeof byEndpoint>, roles = ['referent']) {
  return renderRoutes({
    routes: [{ path: '/person', element: el }],
    path: '/person',
    roles,
    answers: byEndpoint(...answers),
  });
}

describe('the newcomer record panel', () => {
  it('shows the status, the permit’s days left, the history, the programme, the household and the flag', async () => {
    open(<NewcomerPanel personId={PERSON} canManage />, [[api.get, record()]]);
    expect(await screen.findByText('Réfugié reconnu')).toBeTruthy();
    expect(screen.getByText(/expire dans 60 jours/)).toBeTruthy();
    expect(screen.getByText(/Demande d’asile introduite/)).toBeTruthy();
    expect(screen.getByText('Contrat d’intégration républicaine (CIR, France)')).toBeTruthy();
    expect(screen.getByText(/Enfant, né\(e\) en 2014 — Avec la personne/)).toBeTruthy();
    expect(screen.getByText(/Orienté vers Équipe mobile/)).toBeTruthy();
    // No guardian section for an adult.
    expect(screen.queryByText('Tuteur')).toBeNull();
  });

  it('opens the status event form in a dialog, sending nothing before it is submitted', async () => {
    const calls = open(<NewcomerPanel personId={PERSON} canManage />, [[api.get, record()]]);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un évènement' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
    expect(calls.some((c: Call) => isCall(c, api.addStatusEvent))).toBe(false);
  });

  it('invites to open the record when there is none, only those who may', async () => {
    const none = record({ profile: null, events: [], status: 'none', permit: null });
    open(<NewcomerPanel personId={PERSON} canManage />, [[api.get, none]]);
    expect(await screen.findByText('Aucun dossier primo-arrivant pour cette personne.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ouvrir le dossier' })).toBeTruthy();
    cleanup();
    const calls = open(<NewcomerPanel personId={PERSON} canManage={false} />, [[api.get, none]]);
    await waitFor(() => expect(calls.some((c: Call) => isCall(c, api.get))).toBe(true));
    expect(screen.queryByText('Aucun dossier primo-arrivant pour cette personne.')).toBeNull();
  });
});

describe('the shared newcomer facts', () => {
  it('shows only what is shared', async () => {
    open(<SharedNewcomerFacts personId={PERSON} />, [
      [
        api.shared,
        {
          personId: PERSON,
          fields: ['legal_status'],
          legalStatus: {
            category: 'asylum_seeker',
            currentStatus: 'appeal_pending',
            permitExpiresOn: null,
            integrationScheme: 'wal_parcours',
            integrationStatus: 'not_started',
          },
        },
      ],
    ]);
    expect(await screen.findByText('Recours en cours')).toBeTruthy();
    expect(screen.getByText('Parcours d’intégration (Wallonie)')).toBeTruthy();
    expect(screen.queryByText('Soutien psychosocial')).toBeNull();
  });

  it('says nothing is shared when the server refuses', async () => {
    open(<SharedNewcomerFacts personId={PERSON} />, [
      [api.shared, apiError(404, 'accompaniment.records.errors.not_shared', 'Rien')],
    ]);
    await waitFor(() => expect(screen.getByText(/Rien n’est partagé/)).toBeTruthy());
  });
});
