import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider, useSessionState } from '../../app/session';
import { NewOfferPage } from './OfferFormPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const session = {
  user: {
    id: 'u1',
    email: 't@x.example',
    displayName: 'Noa',
    language: 'fr',
    platformAdmin: false,
    totpEnabled: true,
  },
  activeOrgId: 'o1',
  roles: ['tutor'],
  memberships: [{ orgId: 'o1', nameFr: 'Atelier', nameNl: 'Atelier', region: 'FR-HDF', roles: ['tutor'] }],
  csrfToken: 't',
  mfaSetupRequired: false,
  idleMinutes: 30,
};

/** Pages under /app render once the session is known, as in the shell. */
function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSessionState();
  return state.status === 'signed_in' ? children : null;
}

describe('the offer form', () => {
  it('checks the shared schema and rules before sending anything', async () => {
    const fetchMock = vi.fn(
      async (_url: string) =>
        new Response(JSON.stringify(session), { headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const router = createMemoryRouter([{ path: '/app/offers/new', element: <NewOfferPage /> }], {
      initialEntries: ['/app/offers/new'],
    });
    render(
      <LanguageProvider initial="fr">
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <SessionProvider>
            <SignedIn>
              <RouterProvider router={router} />
            </SignedIn>
          </SessionProvider>
        </QueryClientProvider>
      </LanguageProvider>,
    );
    fireEvent.change(await screen.findByLabelText(/^Début/), { target: { value: '2030-05-01' } });
    fireEvent.change(screen.getByLabelText(/^Fin/), { target: { value: '2030-02-01' } });
    fireEvent.change(screen.getByLabelText(/^Places/), { target: { value: '0' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    });
    expect(screen.getByText('Indiquez un intitulé en français ou en néerlandais.')).toBeTruthy();
    expect(screen.getByText('La date de fin ne peut pas précéder la date de début.')).toBeTruthy();
    expect(screen.getAllByText('Ce champ est obligatoire.').length).toBeGreaterThanOrEqual(2);
    expect(fetchMock.mock.calls.filter((c) => String(c[0]).startsWith('/api/offers'))).toEqual([]);
  }, 30_000);
});
