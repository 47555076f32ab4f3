import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlacementView } from '../../../common/placements/agreement-schemas';
import { PLACEMENT, placement, serve } from './harness.testing';
import { PlacementPage } from './PlacementPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function open(view: PlacementView) {
  let current = view;
  const calls = serve(
    'fr',
    `/app/placements/${PLACEMENT}`,
    [{ path: '/app/placements/:id', element: <PlacementPage /> }],
    (method, url, body) => {
      if (method === 'PATCH') {
        current = {
          ...current,
          ...(body as object),
          version: current.version + 1,
          status: 'awaiting_signatures',
        };
        return current;
      }
      if (method === 'POST' && url.endsWith('/transitions')) return current;
      if (url === `/api/placements/${PLACEMENT}`) return current;
      if (url.startsWith('/api/placements/tutors')) return { items: [] };
      if (url.startsWith('/api/programmes')) return { items: [] };
      return {};
    },
  );
  return calls;
}

describe('placement page', () => {
  it('shows a blocked action disabled, with the reasons that block it', async () => {
    const calls = open(
      placement({
        actions: [
          {
            action: 'send_for_signature',
            to: 'awaiting_signatures',
            reasonRequired: false,
            blockedBy: ['agreement_complete', 'duration_allowed'],
          },
          { action: 'cancel', to: 'cancelled', reasonRequired: true, blockedBy: [] },
        ],
      }),
    );
    const send = await screen.findByRole('button', { name: 'Envoyer pour signature' });
    expect(send.hasAttribute('disabled')).toBe(true);
    const reasons = document.getElementById(send.getAttribute('aria-describedby') ?? '')!;
    expect(within(reasons).getByText(/La convention n’est pas complète/)).toBeTruthy();
    expect(within(reasons).getByText('La durée sort des limites du programme')).toBeTruthy();
    // An allowed action that needs a reason asks for it first.
    fireEvent.click(screen.getByRole('button', { name: 'Annuler la convention' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), {
      target: { value: 'La personne a trouvé un emploi' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url.endsWith('/transitions'))?.body).toEqual({
        action: 'cancel',
        reason: 'La personne a trouvé un emploi',
      }),
    );
  });

  it('asks for confirmation before a change of substance after signature, then sends it', async () => {
    const calls = open(
      placement({
        status: 'home_review',
        version: 2,
        signatures: [
          {
            id: 's1',
            role: 'person',
            version: 2,
            signerName: 'Lucie Fictivelle',
            email: null,
            method: 'in_person',
            requestedAt: '2026-11-20T10:00:00.000Z',
            signedAt: '2026-11-20T10:00:00.000Z',
            linkPending: false,
          },
        ],
      }),
    );
    expect(
      await screen.findByText(/Signée par Lucie Fictivelle \(En présence\) le 20 nov\. 2026/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Modifier les conditions' }));
    fireEvent.change(await screen.findByLabelText(/Fin/), { target: { value: '2027-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('De nouvelles signatures seront nécessaires')).toBeTruthy();
    expect(within(dialog).getByText(/en version 3/)).toBeTruthy();
    expect(within(dialog).getByText('Modifié : Fin.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Enregistrer et demander de nouvelles signatures' }),
    );
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ endsOn: '2027-06-30' }),
    );
    expect(await screen.findByText('version 3')).toBeTruthy();
  });

  it('saves an insurance reference without asking, since it is no change of substance', async () => {
    const calls = open(placement({ status: 'validated', version: 1 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier les conditions' }));
    fireEvent.change(screen.getByRole('textbox', { name: /assurance accidents/ }), {
      target: { value: 'AXA-123' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ accidentInsuranceRef: 'AXA-123' }),
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
