import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { referral, serve } from './harness.testing';
import { ReferPage } from './ReferPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ROUBAIX = '6f1c2b0e-3d5a-4c7e-9b1a-2e4f6a8c0d12';
const person = { id: 'p1', firstName: 'Lucie', lastName: 'Fictivelle' };

function open(canOverride: boolean, consent: boolean) {
  return serve(
    'fr',
    '/app/people/p1/refer',
    [
      { path: '/app/people/:personId/refer', element: <ReferPage /> },
      { path: '/app/referrals/:id', element: null },
    ],
    (method, url) => {
      if (method === 'POST') return referral();
      if (url.startsWith('/api/organisations'))
        return {
          items: [
            { id: 'o2', nameFr: 'Mon propre CCAS', nameNl: 'Mijn OCMW', shortName: null },
            { id: ROUBAIX, nameFr: 'CCAS de Roubaix', nameNl: 'CCAS Robaais', shortName: 'CCAS Roubaix' },
          ],
        };
      const chosen = url.includes(`recipientOrgId=${ROUBAIX}`);
      return {
        person,
        canOverride,
        check: !chosen
          ? null
          : consent
            ? {
                consent: { id: 'c1', givenOn: '2026-01-10', expiresOn: '2026-12-31' },
                gap: null,
                missingFields: [],
              }
            : { consent: null, gap: 'missing_category', missingFields: ['identity'] },
      };
    },
  );
}

async function choose() {
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Orienter Lucie Fictivelle vers un partenaire' }),
  ).toBeTruthy();
  fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher une organisation partenaire' }), {
    target: { value: 'Roub' },
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Choisir CCAS de Roubaix' }));
  // One's own organisation is never offered.
  expect(screen.queryByRole('button', { name: 'Choisir Mon propre CCAS' })).toBeNull();
  fireEvent.click(screen.getByRole('checkbox', { name: /Identité/ }));
}

describe('refer form', () => {
  it('shows the consent the referral rests on and sends it', async () => {
    const calls = open(false, true);
    await choose();
    expect(await screen.findByText(/s’appuie sur le consentement donné le 10 janv\. 2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer l’orientation' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: '/api/people/p1/referrals',
        body: { recipientOrgId: ROUBAIX, purpose: 'referral', fields: ['identity'] },
      }),
    );
  });

  it('blocks a referent without consent and names what is missing', async () => {
    const calls = open(false, false);
    await choose();
    expect(await screen.findByText(/le consentement ne couvre pas : Identité/)).toBeTruthy();
    expect(screen.getByText(/Enregistrez le consentement sur la page de la personne/)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /Motif du partage sans consentement/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Envoyer l’orientation' }).hasAttribute('disabled')).toBe(true);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('lets a coordinator override with a reason', async () => {
    const calls = open(true, false);
    await choose();
    const reason = await screen.findByRole('textbox', { name: /Motif du partage sans consentement/ });
    fireEvent.change(reason, { target: { value: 'Mise à l’abri urgente' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer l’orientation' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
        overrideReason: 'Mise à l’abri urgente',
        fields: ['identity'],
      }),
    );
  });
});
