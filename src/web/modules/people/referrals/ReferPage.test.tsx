import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import { organisationsApi } from '../../../../common/network/endpoints';
import { referralsApi, sharedApi } from '../../../../common/people/endpoints';
import { byEndpoint, type Call, renderRoutes } from '../../../testing/render-routes';
import { peopleModule } from '..';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ROUBAIX = '6f1c2b0e-3d5a-4c7e-9b1a-2e4f6a8c0d12';
const person = { id: 'p1', firstName: 'Lucie', lastName: 'Fictivelle' };
const org = (id: string, nameFr: string, shortName: string | null) => ({
  id,
  kind: 'ccas',
  country: 'FR',
  region: 'FR-HDF',
  nameFr,
  nameNl: nameFr,
  shortName,
  municipalityCode: null,
  municipalityNameFr: null,
  municipalityNameNl: null,
  status: 'active',
});

function open(roles: string[], canOverride: boolean, consent: boolean) {
  return renderRoutes({
    routes: peopleModule.routes ?? [],
    path: '/app/people/p1/refer',
    roles,
    answers: byEndpoint(
      [referralsApi.create, { id: 'r1' }],
      [
        organisationsApi.list,
        // The session's own organisation (o1) is among the answers: the picker leaves it out.
        {
          items: [org('o1', 'Mon propre CCAS', null), org(ROUBAIX, 'CCAS de Roubaix', 'CCAS Roubaix')],
          total: 2,
          page: 1,
          pageSize: 10,
        },
      ],
      [
        sharedApi.preview,
        (c: Call) => ({
          person,
          canOverride,
          check:
            c.query.get('recipientOrgId') !== ROUBAIX
              ? null
              : consent
                ? {
                    consent: { id: 'c1', givenOn: '2026-01-10', expiresOn: '2026-12-31' },
                    gap: null,
                    missingFields: [],
                  }
                : { consent: null, gap: 'missing_category', missingFields: ['identity'] },
        }),
      ],
    ),
  });
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
    const calls = open(['referent'], false, true);
    await choose();
    expect(await screen.findByText(/s’appuie sur le consentement donné le 10 janv\. 2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer l’orientation' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        path: urlOf(referralsApi.create, { params: { personId: 'p1' } }),
        body: { recipientOrgId: ROUBAIX, purpose: 'referral', fields: ['identity'] },
      }),
    );
  });

  it('blocks a referent without consent and names what is missing', async () => {
    const calls = open(['referent'], false, false);
    await choose();
    expect(await screen.findByText(/le consentement ne couvre pas : Identité/)).toBeTruthy();
    expect(screen.getByText(/Enregistrez le consentement sur la page de la personne/)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /Motif du partage sans consentement/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Envoyer l’orientation' }).hasAttribute('disabled')).toBe(true);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('lets a coordinator override with a reason', async () => {
    const calls = open(['coordinator'], true, false);
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
