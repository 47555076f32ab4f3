import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import { programmesApi } from '../../../../common/network/endpoints';
import { personLink } from '../../../../common/people/links';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementLink, placementsLink } from '../../../../common/placements/links';
import { setDate } from '../../../testing/date-field';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { PERSON, PLACEMENT, placement } from './fixtures.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const e = placementsEndpoints;

function open(view: PlacementView) {
  let current = view;
  return renderRoutes({
    routes: placementsModule.routes ?? [],
    path: placementLink.href({ id: PLACEMENT }),
    answers: byEndpoint(
      [
        e.updatePlacement,
        (c: Call) => {
          current = {
            ...current,
            ...(c.body as object),
            version: current.version + 1,
            status: 'awaiting_signatures',
          };
          return current;
        },
      ],
      [e.transition, () => current],
      // Before `placement`, whose `/:id` the tutors' path would match too.
      [e.hostTutors, { items: [] }],
      [e.placement, () => current],
      [programmesApi.list, { items: [] }],
    ),
  });
}

/** A card of the page, found by its heading. */
const card = async (title: string) =>
  (await screen.findByRole('heading', { name: title })).closest('section') as HTMLElement;

const sent = (calls: Call[], endpoint: (typeof e)[keyof typeof e]) => calls.find((c) => isCall(c, endpoint));

describe('placement page', () => {
  it('shows a blocked action disabled, with the reasons that block it', async () => {
    const calls = open(
      placement({
        actions: [
          {
            action: 'send_for_signature',
            to: 'awaiting_signatures',
            tone: 'primary',
            reasonRequired: false,
            blockedBy: ['agreement_complete', 'duration_allowed'],
          },
          { action: 'cancel', to: 'cancelled', tone: 'danger', reasonRequired: true, blockedBy: [] },
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
      expect(sent(calls, e.transition)?.body).toEqual({
        action: 'cancel',
        reason: 'La personne a trouvé un emploi',
      }),
    );
  });

  it('shows each action as the workflow’s tone says, and runs it', async () => {
    const calls = open(
      placement({
        status: 'validated',
        actions: [
          // A tone the page could not guess from the action's name: the kit's tone decides.
          { action: 'activate', to: 'active', tone: 'secondary', reasonRequired: false, blockedBy: [] },
          { action: 'cancel', to: 'cancelled', tone: 'danger', reasonRequired: true, blockedBy: [] },
          // Done by editing the terms, never as a button.
          {
            action: 'amend',
            to: 'awaiting_signatures',
            tone: 'secondary',
            reasonRequired: false,
            blockedBy: [],
          },
        ],
      }),
    );
    const activate = await screen.findByRole('button', { name: 'Démarrer la mise en situation' });
    expect(activate.className).toBe('button button--secondary');
    expect(screen.getByRole('button', { name: 'Annuler la convention' }).className).toBe(
      'button button--danger',
    );
    expect(screen.queryByRole('button', { name: 'Modifier et faire signer à nouveau' })).toBeNull();
    const before = calls.filter((c) => isCall(c, e.placement)).length;
    fireEvent.click(activate);
    await waitFor(() =>
      expect(sent(calls, e.transition)).toMatchObject({
        path: urlOf(e.transition, { params: { id: PLACEMENT } }),
        body: { action: 'activate' },
      }),
    );
    // The agreement is read again after the change.
    await waitFor(() => expect(calls.filter((c) => isCall(c, e.placement)).length).toBeGreaterThan(before));
  });

  it('links to the list, the person and the PDF through the declared addresses', async () => {
    open(placement());
    expect(
      (await screen.findByRole('link', { name: 'Télécharger la convention (PDF)' })).getAttribute('href'),
    ).toBe(urlOf(e.agreementPdf, { params: { id: PLACEMENT } }));
    expect(screen.getByRole('link', { name: 'Retour aux conventions' }).getAttribute('href')).toBe(
      placementsLink.href(),
    );
    expect(screen.getByRole('link', { name: 'Lucie Fictivelle' }).getAttribute('href')).toBe(
      personLink.href({ id: PERSON }),
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
            superseded: false,
          },
        ],
      }),
    );
    expect(
      await screen.findByText(/Signée par Lucie Fictivelle \(En présence\) le 20 nov\. 2026/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Modifier les conditions' }));
    await setDate(/^Fin/, '2027-06-30');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('De nouvelles signatures seront nécessaires')).toBeTruthy();
    expect(within(dialog).getByText(/en version 3/)).toBeTruthy();
    expect(within(dialog).getByText('Modifié : Fin.')).toBeTruthy();
    expect(calls.some((c) => isCall(c, e.updatePlacement))).toBe(false);
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Enregistrer et demander de nouvelles signatures' }),
    );
    await waitFor(() => expect(sent(calls, e.updatePlacement)?.body).toEqual({ endsOn: '2027-06-30' }));
    expect(await screen.findByText(/^Version 3 ·/)).toBeTruthy();
  });

  it('saves an insurance reference without asking, since it is no change of substance', async () => {
    const calls = open(placement({ status: 'validated', version: 1 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier les conditions' }));
    fireEvent.change(screen.getByRole('textbox', { name: /assurance accidents/ }), {
      target: { value: 'AXA-123' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(sent(calls, e.updatePlacement)?.body).toEqual({ accidentInsuranceRef: 'AXA-123' }),
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says whose turn it is and for which side the reader acts (issue 9, item 5)', async () => {
    open(
      placement({
        status: 'home_review',
        // After submitting, a referent may only cancel: the page must say who reviews.
        actions: [{ action: 'cancel', to: 'cancelled', tone: 'danger', reasonRequired: true, blockedBy: [] }],
        nextStep: [
          {
            kind: 'action',
            action: 'approve_home',
            side: 'home',
            roles: ['coordinator', 'org_admin'],
            signatures: [],
            signerName: null,
            blockedBy: [],
            whose: 'your_organisation',
          },
        ],
      }),
    );
    const next = await card('Prochaine étape');
    expect(next.textContent).toContain(
      'En attente d’un autre membre de votre organisation (Coordinateur de programme ou ' +
        "Administrateur de l'organisation) : vérifier et approuver la convention",
    );
    expect(
      screen.getByText('Version 1 · vous intervenez pour le centre d’origine (CPAS de Mouscron)'),
    ).toBeTruthy();
  });

  it('puts the reader’s own tasks first in words, with what still blocks them', async () => {
    open(
      placement({
        status: 'awaiting_signatures',
        nextStep: [
          {
            kind: 'request_signature',
            action: null,
            side: 'home',
            roles: ['referent', 'coordinator'],
            signatures: ['person', 'home_referent'],
            signerName: null,
            blockedBy: [],
            whose: 'yours',
          },
          {
            kind: 'sign',
            action: null,
            side: 'host',
            roles: [],
            signatures: ['host_representative'],
            signerName: 'Ariane Direction',
            blockedBy: [],
            whose: 'signatory',
          },
        ],
      }),
    );
    const next = await card('Prochaine étape');
    expect(
      within(next).getByText(
        'À vous : recueillir les signatures (Personne accompagnée et Référent du centre d’origine)',
      ),
    ).toBeTruthy();
    expect(
      within(next).getByText(
        'En attente du signataire Ariane Direction (Représentant de l’organisation d’accueil) : signer avec le lien reçu',
      ),
    ).toBeTruthy();
  });

  // Walking it as the host director: a link sent to the person read "Lien envoyé à X () le …", since the
  // host does not see the person's address.
  it('names a pending link’s signer without empty brackets when the address is not the reader’s to see', async () => {
    const link = (email: string | null) => ({
      id: 'person',
      role: 'person' as const,
      version: 1,
      signerName: 'Lucie Fictivelle',
      email,
      method: null,
      requestedAt: '2026-11-20T10:00:00.000Z',
      signedAt: null,
      linkPending: true,
      superseded: false,
    });
    open(placement({ status: 'awaiting_signatures', side: 'host', signatures: [link(null)] }));
    const line = await screen.findByText(/^Lien envoyé à Lucie Fictivelle le /);
    expect(line.textContent).not.toContain('()');
    cleanup();
    open(placement({ status: 'awaiting_signatures', signatures: [link('lucie@personnes.example')] }));
    expect(
      await screen.findByText(/^Lien envoyé à Lucie Fictivelle \(lucie@personnes\.example\) le /),
    ).toBeTruthy();
  });

  it('sends a new link to the pending link’s address unless the sender changes it', async () => {
    open(
      placement({
        status: 'awaiting_signatures',
        signatures: [
          {
            id: 'person',
            role: 'person',
            version: 1,
            signerName: 'Lucie Fictivelle',
            email: 'lucie@personnes.example',
            method: null,
            requestedAt: '2026-11-20T10:00:00.000Z',
            signedAt: null,
            linkPending: true,
            superseded: false,
          },
        ],
      }),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Envoyer un lien de signature · Personne accompagnée' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/Adresse e-mail/)).toHaveProperty(
      'value',
      'lucie@personnes.example',
    );
  });

  it('after a host refusal, reads old signatures as void and names the refusal, kept in the history (item 11)', async () => {
    const sig = (role: 'person' | 'home_referent' | 'host_representative', name: string) => ({
      id: role,
      role,
      version: 1,
      signerName: name,
      email: null,
      method: 'in_person' as const,
      requestedAt: '2026-11-20T10:00:00.000Z',
      signedAt: '2026-11-20T10:00:00.000Z',
      linkPending: false,
      superseded: true,
    });
    open(
      placement({
        status: 'draft',
        statusReason: 'Le tuteur est absent en janvier',
        signatures: [
          sig('person', 'Lucie Fictivelle'),
          sig('home_referent', 'Rita Référente'),
          sig('host_representative', 'Ariane Direction'),
        ],
        history: [
          { at: '2026-11-20T09:00:00.000Z', action: 'create', to: 'draft', side: 'home', reason: null },
          {
            at: '2026-11-22T09:00:00.000Z',
            action: 'refuse_host',
            to: 'draft',
            side: 'host',
            reason: 'Le tuteur est absent en janvier',
          },
        ],
      }),
    );
    expect(
      await screen.findByText(/Les 3 signatures recueillies pour la version 1 ne valent plus/),
    ).toBeTruthy();
    expect(screen.queryByText(/Signée par/)).toBeNull();
    expect(screen.getAllByText('Pas encore demandée')).toHaveLength(3);
    expect(screen.getByText('Refusée par l’organisation d’accueil — motif indiqué')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Historique' }));
    const history = await card('Historique de la convention');
    expect(within(history).getByText(/Refusée \(organisation d’accueil\)/)).toBeTruthy();
    expect(within(history).getByText('Motif : Le tuteur est absent en janvier')).toBeTruthy();
  });
});
