import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../../app/i18n';
import { MunicipalityPicker } from '../../app/ui/MunicipalityPicker';
import { changeBody, initialValues } from './ServiceForm';
import { NewServicePage } from './ServiceFormPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

let picked = '';
function Harness() {
  const [code, setCode] = useState('BE-34022');
  picked = code;
  return <MunicipalityPicker label="Commune" value={code} initialName="Courtrai" onChange={setCode} />;
}

describe('the service form', () => {
  it('checks the shared schema and rules before sending anything', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const router = createMemoryRouter([{ path: '/app/services/new', element: <NewServicePage /> }], {
      initialEntries: ['/app/services/new'],
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <LanguageProvider initial="fr">
          <RouterProvider router={router} />
        </LanguageProvider>
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une plage horaire' }));
    fireEvent.change(screen.getByLabelText('Fermeture (plage 1)'), { target: { value: '08:00' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    });
    expect(screen.getByText('Indiquez un intitulé en français ou en néerlandais.')).toBeTruthy();
    expect(
      screen.getByText("L'heure de fermeture doit être postérieure à l'heure d'ouverture."),
    ).toBeTruthy();
    expect(screen.getAllByText('Ce champ est obligatoire.').length).toBeGreaterThanOrEqual(2);
    expect(fetchMock.mock.calls.filter((c) => String(c[0]).startsWith('/api/services'))).toEqual([]);
  }, 30_000);

  it('sends emptied text as null on a change, so that clearing a field clears it', () => {
    const body = changeBody({ ...initialValues(), titleFr: ' Aide ', email: '', published: true });
    expect(body).toMatchObject({ titleFr: 'Aide', email: null, published: true, targetPublics: ['all'] });
  });
});

describe('the municipality field', () => {
  it('keeps the current municipality and picks another one by part of its name', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              items: [{ code: 'BE-34027', country: 'BE', nameFr: 'Menin', nameNl: 'Menen' }],
            }),
            { headers: { 'content-type': 'application/json' } },
          ),
      ),
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <LanguageProvider initial="fr">
          <Harness />
        </LanguageProvider>
      </QueryClientProvider>,
    );
    const input = screen.getByRole('combobox') as HTMLInputElement;
    expect(input.value).toBe('Courtrai');
    expect(picked).toBe('BE-34022');
    act(() => input.focus());
    fireEvent.change(input, { target: { value: 'men' } });
    const option = await screen.findByRole('option', { name: /Menin/ });
    fireEvent.click(option);
    await waitFor(() => expect(picked).toBe('BE-34027'));
    await waitFor(() => expect(input.value).toBe('Menin'));
    fireEvent.change(input, { target: { value: '' } });
    await waitFor(() => expect(picked).toBe(''));
  }, 30_000);
});
