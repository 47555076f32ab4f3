import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import { referralsApi } from '../../../../common/people/endpoints';
import type { ReferralView } from '../../../../common/people/referral-schemas';
import { byEndpoint, type Call, renderRoutes } from '../../../testing/render-routes';
import { peopleModule } from '..';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const referral = (over: Partial<ReferralView> = {}): ReferralView => ({
  id: 'r1',
  status: 'sent',
  purpose: 'referral',
  fields: ['identity', 'languages'],
  message: 'Orientation vers le chantier',
  declineReason: null,
  sender: { id: 'o2', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
  recipient: { id: 'o1', nameFr: 'CCAS de Roubaix', nameNl: 'CCAS Robaais' },
  sentByName: null,
  decidedAt: null,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  basis: 'consent',
  overrideReason: null,
  person: { id: 'p1', firstName: 'Lucie', lastName: 'Fictivelle', participantCode: 'AAAA-BBBB-CCCC-DDDD' },
  side: 'recipient',
  actions: ['accept', 'decline'],
  ...over,
});

const detail = (r: ReferralView, language: 'fr' | 'nl' = 'fr') =>
  renderRoutes({
    routes: peopleModule.routes ?? [],
    path: '/app/referrals/r1',
    language,
    answers: byEndpoint(
      [
        referralsApi.decline,
        (c: Call) => ({
          ...r,
          status: 'declined',
          declineReason: (c.body as { reason: string }).reason,
          actions: [],
        }),
      ],
      [referralsApi.get, r],
    ),
  });

describe('referral page', () => {
  it('offers the recipient only accept and decline on a sent referral', async () => {
    detail(referral());
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Orientation : CPAS de Mouscron → CCAS de Roubaix',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Lucie Fictivelle')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accepter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refuser' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Révoquer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Marquer comme terminée' })).toBeNull();
  });

  it('offers the sender only to revoke', async () => {
    detail(referral({ side: 'sender', actions: ['revoke'] }));
    expect(await screen.findByRole('button', { name: 'Révoquer' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accepter' })).toBeNull();
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
        path: urlOf(referralsApi.decline, { params: { id: 'r1' } }),
        body: { reason: 'Plus de place' },
      }),
    );
    expect(await screen.findByText('Plus de place')).toBeTruthy();
  });
});
