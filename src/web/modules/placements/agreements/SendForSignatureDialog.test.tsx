import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import type { SignatureInvitees } from '../../../../common/placements/invitation-schemas';
import { placementLink } from '../../../../common/placements/links';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { PLACEMENT, placement } from './fixtures.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const e = placementsEndpoints;
const sendable = (over: Partial<PlacementView> = {}) =>
  placement({
    actions: [
      {
        action: 'send_for_signature',
        to: 'awaiting_signatures',
        tone: 'primary',
        reasonRequired: false,
        blockedBy: [],
      },
    ],
    ...over,
  });

function open(view: PlacementView, invitees: SignatureInvitees) {
  return renderRoutes({
    routes: placementsModule.routes ?? [],
    path: placementLink.href({ id: PLACEMENT }),
    answers: byEndpoint(
      [e.transition, () => ({ ...view, status: 'awaiting_signatures', actions: [] })],
      // Before `placement`, whose `/:id` these paths would match too.
      [e.signatureInvitees, invitees],
      [e.hostTutors, { items: [] }],
      [e.placement, () => view],
    ),
  });
}

const transitions = (calls: Call[]) => calls.filter((c) => isCall(c, e.transition));

/** Issue 9, item 3: "send for signature" invites every signatory at once, each as chosen here. */
describe('send for signature dialog', () => {
  it('proposes a link to each known address and sends every invitation with the move', async () => {
    // Someone other than the referent sends: the referent gets a link too.
    const calls = open(sendable({ referentUserId: 'another-user' }), {
      person: { signerName: 'Lucie Fictivelle', email: 'lucie@personnes.example' },
      home_referent: { signerName: 'Sacha Référente', email: 'sacha@cpas.example' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer pour signature' }));
    const dialog = await screen.findByRole('dialog');
    const emails = await within(dialog).findAllByRole('textbox', { name: /Adresse e-mail/ });
    expect(emails.map((x) => (x as HTMLInputElement).value)).toEqual([
      'lucie@personnes.example',
      'sacha@cpas.example',
    ]);
    expect(
      within(dialog).getByRole('checkbox', { name: /représentant de l’organisation d’accueil/ }),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer les invitations' }));
    await waitFor(() => expect(transitions(calls)).toHaveLength(1));
    expect(transitions(calls)[0]?.body).toEqual({
      action: 'send_for_signature',
      invitations: {
        host_representative: true,
        person: { signerName: 'Lucie Fictivelle', email: 'lucie@personnes.example' },
        home_referent: { signerName: 'Sacha Référente', email: 'sacha@cpas.example' },
      },
    });
  });

  it('defaults to in person without an address, and asks for one before sending a link', async () => {
    // The referent sends (the session's user): they sign in person; the person has no known address.
    const calls = open(sendable({ referentUserId: 'u' }), {
      person: { signerName: 'Lucie Fictivelle', email: null },
      home_referent: { signerName: 'Sacha Référente', email: 'sacha@cpas.example' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer pour signature' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findAllByText(/Aucun lien n’est envoyé/)).toHaveLength(2);
    expect(within(dialog).queryByRole('textbox', { name: /Adresse e-mail/ })).toBeNull();

    // A link for the person: the address is asked for, nothing is sent without it.
    fireEvent.click(within(dialog).getByRole('button', { name: /Mode de signature \(Personne/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Lien par e-mail' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer les invitations' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(transitions(calls)).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Adresse e-mail/ }), {
      target: { value: 'lucie@personnes.example' },
    });
    // The host's representative is left for the host to choose.
    fireEvent.click(
      within(dialog).getByRole('checkbox', { name: /représentant de l’organisation d’accueil/ }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer les invitations' }));
    await waitFor(() => expect(transitions(calls)).toHaveLength(1));
    expect(transitions(calls)[0]?.body).toEqual({
      action: 'send_for_signature',
      invitations: {
        host_representative: false,
        person: { signerName: 'Lucie Fictivelle', email: 'lucie@personnes.example' },
      },
    });
  });
});
