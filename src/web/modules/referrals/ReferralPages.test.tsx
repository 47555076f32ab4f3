import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { referral, serve } from './harness.testing';
import { ReferralPage } from './ReferralPage';
import { SharedPersonPage } from './SharedPersonPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const detail = (r: ReturnType<typeof referral>, language: 'fr' | 'nl' = 'fr') =>
  serve(
    language,
    '/app/referrals/r1',
    [{ path: '/app/referrals/:id', element: <ReferralPage /> }],
    (method, url, body) =>
      method === 'POST' && url.endsWith('/decline')
        ? { ...r, status: 'declined', declineReason: (body as { reason: string }).reason, actions: [] }
        : r,
  );

describe('referral page', () => {
  it('offers the recipient only accept and decline on a sent referral', async () => {
    detail(referral());
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Orientation de CPAS de Mouscron vers CCAS de Roubaix',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Lucie Fictivelle')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accepter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refuser' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Révoquer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Marquer comme terminée' })).toBeNull();
  });

  it('offers no action once the referral has ended and hides the person', async () => {
    detail(referral({ status: 'revoked', actions: [], person: null }), 'nl');
    expect(await screen.findByText('Op deze doorverwijzing is geen actie meer mogelijk.')).toBeTruthy();
    expect(screen.getByText('Niet gedeeld')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Aanvaarden' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Weigeren' })).toBeNull();
  });

  it('asks for a reason before declining', async () => {
    const calls = detail(referral());
    fireEvent.click(await screen.findByRole('button', { name: 'Refuser' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(screen.getAllByRole('button', { name: 'Refuser' }).at(-1) as HTMLElement);
    await waitFor(() => expect(dialog.textContent).toMatch(/caractère|obligatoire|requis/i));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: /Motif/ }), { target: { value: 'Plus de place' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Refuser' }).at(-1) as HTMLElement);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: '/api/referrals/r1/decline',
        body: { reason: 'Plus de place' },
      }),
    );
    expect(await screen.findByText('Plus de place')).toBeTruthy();
  });
});

describe('shared person page', () => {
  it('shows only the granted groups and says what is shared until when', async () => {
    serve('fr', '/app/shared/p1', [{ path: '/app/shared/:id', element: <SharedPersonPage /> }], () => ({
      id: 'p1',
      homeOrg: { id: 'o1', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
      participantCode: 'AAAA-BBBB-CCCC-DDDD',
      fields: ['identity', 'languages'],
      grantedUntil: '2026-12-31',
      firstName: 'Lucie',
      lastName: 'Fictivelle',
      preferredLanguage: 'fr',
      languages: { fr: 'C2', nl: 'A2' },
    }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lucie Fictivelle' })).toBeTruthy();
    expect(
      screen.getByText(/Partagé par CPAS de Mouscron : Identité, Langues\. Jusqu’au : 31 déc\. 2026\./),
    ).toBeTruthy();
    expect(screen.getByText('FR C2, NL A2')).toBeTruthy();
    expect(screen.queryByText('Date de naissance')).toBeNull();
    expect(screen.queryByText('Courriel')).toBeNull();
    expect(screen.queryByText('Allocation')).toBeNull();
  });
});
