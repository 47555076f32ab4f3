import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import { programmesApi } from '../../../../common/network/endpoints';
import { useSessionState } from '../../../app/session';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { programme } from './fixtures.testing';
import { ProgrammeFormPage } from './ProgrammeFormPage';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The app renders its pages below a signed-in guard; the form reads the session right away. */
function SignedIn({ children }: { children: ReactNode }) {
  return useSessionState().state.status === 'signed_in' ? children : null;
}

const open = (language: 'fr' | 'nl' = 'fr') =>
  renderRoutes({
    routes: [
      {
        path: '/app/programmes/:id/edit',
        element: (
          <SignedIn>
            <ProgrammeFormPage />
          </SignedIn>
        ),
      },
      { path: '/app/programmes/:id', element: <output>saved</output> },
    ],
    path: '/app/programmes/p1/edit',
    language,
    roles: ['coordinator'],
    answers: byEndpoint([programmesApi.get, programme(true)], [programmesApi.update, programme(true)]),
  });

const save = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('programme form: placement duration', () => {
  it('refuses a longest placement shorter than the shortest, translated, before sending anything', async () => {
    const calls = open();
    const min = await screen.findByRole('textbox', { name: /^Durée minimale \(mois\)/ }, SLOW);
    expect((min as HTMLInputElement).value).toBe('2');
    fireEvent.change(min, { target: { value: '8' } });
    await save('Enregistrer');
    expect(
      screen.getByText('La durée maximale d’un stage doit être d’au moins 8 mois, la durée minimale.'),
    ).toBeTruthy();
    fireEvent.change(min, { target: { value: '0' } });
    await save('Enregistrer');
    expect(screen.getByText('La valeur doit être au moins 1.')).toBeTruthy();
    expect(calls.filter((c) => isCall(c, programmesApi.update))).toEqual([]);
  });

  it('sends the limits as whole numbers with the other fields', async () => {
    const calls = open('nl');
    const min = await screen.findByRole('textbox', { name: /^Minimale duur \(maanden\)/ }, SLOW);
    const max = screen.getByRole('textbox', { name: /^Maximale duur \(maanden\)/ });
    expect(screen.getByText(/kan niet ter ondertekening worden verstuurd/)).toBeTruthy();
    fireEvent.change(min, { target: { value: '3' } });
    fireEvent.change(max, { target: { value: '12' } });
    await save('Opslaan');
    const sent = calls.find((c) => isCall(c, programmesApi.update));
    expect(sent?.path).toBe(urlOf(programmesApi.update, { params: { id: 'p1' } }));
    expect(sent?.body).toMatchObject({
      placementMinMonths: 3,
      placementMaxMonths: 12,
      nameNl: 'SAM Eurometropool',
    });
    expect(await screen.findByText('saved', {}, SLOW)).toBeTruthy();
  });
});

describe('programme form: themes, category and website', () => {
  it('refuses a website that is not https, translated, then sends themes and the cleared category', async () => {
    const calls = open();
    const site = await screen.findByRole('textbox', { name: /^Site web/ }, SLOW);
    expect((site as HTMLInputElement).value).toBe('https://www.sameurometropole.eu');
    fireEvent.change(site, { target: { value: 'http://www.sameurometropole.eu' } });
    await save('Enregistrer');
    expect(screen.getByText("L'adresse du site doit commencer par https://.")).toBeTruthy();
    expect(calls.filter((c) => isCall(c, programmesApi.update))).toEqual([]);
    fireEvent.change(site, { target: { value: 'https://sam.example.org/suite' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mobilité' }));
    await save('Enregistrer');
    const sent = calls.find((c) => isCall(c, programmesApi.update));
    expect(sent?.body).toMatchObject({
      themes: ['employment'],
      website: 'https://sam.example.org/suite',
      interventionCategory: null,
    });
  });
});
