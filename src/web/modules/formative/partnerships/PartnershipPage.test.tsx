import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { partnershipLink } from '../../../../common/formative/links';
import type { PartnershipView } from '../../../../common/formative/schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { formativeModule } from '..';
import { id, P, SLOW, view } from './fixtures.testing';

function open(v: PartnershipView, language: 'fr' | 'nl' = 'fr') {
  return renderRoutes({
    routes: formativeModule.routes!,
    path: partnershipLink.href({ id: P }),
    roles: ['tutor'],
    language,
    answers: byEndpoint([api.view, v], [api.progress, { ok: true }], [api.signReview, { ok: true }]),
  });
}

afterEach(cleanup);

describe('formative partnership page', () => {
  it('lets the tutor record progress on a module in French, refusing a bad percentage before sending', async () => {
    const calls = open(view());
    expect(await screen.findByRole('heading', { level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByLabelText('Heures réalisées pour Insertion sociale').getAttribute('value')).toBe('50');
    expect(screen.getByText('Niveau : Autonomie · acquis : 60 %')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Enregistrer la progression : Bénévolat d’activation sociale' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Niveau/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Pratique accompagnée' }));
    fireEvent.change(within(dialog).getByLabelText(/Acquis/), { target: { value: '140' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText(/entre 0 et 100/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.progress))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Acquis/), { target: { value: '35' } });
    fireEvent.change(within(dialog).getByLabelText(/Commentaire/), {
      target: { value: 'Suit deux bénévoles avec la tutrice.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.progress))).toBe(true));
    const call = calls.find((c) => isCall(c, api.progress))!;
    expect(call.path).toBe(`/api/formative/${P}/plan/${id(12)}/progress`);
    expect(call.body).toEqual({
      level: 'practising',
      percent: 35,
      comment: 'Suit deux bénévoles avec la tutrice.',
    });
  });

  it('lets the trainee sign a review the tutor signed, and shows a review signed by both as frozen', async () => {
    const signed = { heldOn: '2026-11-28', strengths: 'Autonome', improvements: null, nextSteps: null };
    const v = {
      ...view({ role: 'trainee' }),
      reviews: [
        {
          kind: 'mid_year' as const,
          ...signed,
          traineeSignedAt: '2026-11-28T16:00:00Z',
          tutorSignedAt: '2026-11-28T16:30:00Z',
        },
        {
          kind: 'end_of_year' as const,
          ...signed,
          traineeSignedAt: null,
          tutorSignedAt: '2026-11-29T10:00:00Z',
        },
      ],
    };
    const calls = renderRoutes({
      routes: formativeModule.routes!,
      path: partnershipLink.href({ id: P }, { tab: 'reviews' }),
      roles: ['referent'],
      answers: byEndpoint([api.view, v], [api.signReview, { ok: true }]),
    });
    expect(await screen.findByText('Signée par les deux : figée', {}, SLOW)).toBeTruthy();
    // Nothing to write or sign on a signed review (only the final one is still to write); the end-of-year
    // one awaits the trainee's signature.
    expect(
      screen.getAllByRole('button', { name: /Rédiger/ }).map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Rédiger : Bilan final de l’année d’application']);
    expect(screen.queryByRole('button', { name: 'Signer : Évaluation à mi-parcours' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Signer : Évaluation de fin d’immersion' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.signReview))).toBe(true));
    expect(calls.find((c) => isCall(c, api.signReview))!.path).toBe(
      `/api/formative/${P}/reviews/end_of_year/sign`,
    );
  });

  it('offers no recording to whoever is neither the trainee nor the tutor, and speaks Dutch', async () => {
    open(view({ role: 'lead_staff', canRecord: false }), 'nl');
    expect(await screen.findByText(/Niveau: Zelfstandig · verworven: 60 %/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Vooruitgang registreren/ })).toBeNull();
  });
});
