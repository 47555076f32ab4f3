import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { servicesApi, territoriesApi } from '../../../../common/network/endpoints';
import { MunicipalityPicker } from '../../../app/ui/MunicipalityPicker';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { networkModule } from '..';
import { changeBody, initialValues } from './ServiceForm';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

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
    const calls = renderRoutes({
      routes: networkModule.routes!,
      path: '/app/services/new',
      roles: ['org_admin'],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter une plage horaire' }, SLOW));
    fireEvent.change(screen.getByLabelText('Fermeture (plage 1)'), { target: { value: '08:00' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    });
    expect(screen.getByText('Indiquez un intitulé en français ou en néerlandais.')).toBeTruthy();
    expect(
      screen.getByText("L'heure de fermeture doit être postérieure à l'heure d'ouverture."),
    ).toBeTruthy();
    expect(screen.getAllByText('Ce champ est obligatoire.').length).toBeGreaterThanOrEqual(2);
    expect(calls.filter((c) => isCall(c, servicesApi.create))).toEqual([]);
  }, 30_000);

  it('sends emptied text as null on a change, so that clearing a field clears it', () => {
    const body = changeBody({ ...initialValues(), titleFr: ' Aide ', email: '', published: true });
    expect(body).toMatchObject({ titleFr: 'Aide', email: null, published: true, targetPublics: ['all'] });
  });
});

describe('the municipality field', () => {
  it('keeps the current municipality and picks another one by part of its name', async () => {
    renderRoutes({
      routes: [{ path: '/app/services/new', element: <Harness /> }],
      path: '/app/services/new',
      answers: byEndpoint([
        territoriesApi.list,
        { items: [{ code: 'BE-34027', country: 'BE', nameFr: 'Menin', nameNl: 'Menen' }] },
      ]),
    });
    const input = (await screen.findByRole('combobox', {}, SLOW)) as HTMLInputElement;
    expect(input.value).toBe('Courtrai');
    expect(picked).toBe('BE-34022');
    act(() => input.focus());
    fireEvent.change(input, { target: { value: 'men' } });
    const option = await screen.findByRole('option', { name: /Menin/ }, SLOW);
    fireEvent.click(option);
    await waitFor(() => expect(picked).toBe('BE-34027'));
    await waitFor(() => expect(input.value).toBe('Menin'));
    fireEvent.change(input, { target: { value: '' } });
    await waitFor(() => expect(picked).toBe(''));
  }, 30_000);
});
