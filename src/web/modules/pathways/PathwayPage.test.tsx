import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pathway, serve, USER } from './harness.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const today = () => new Date().toISOString().slice(0, 10);

describe('pathway page', () => {
  it('offers to start a pathway when there is none, checking the form before sending', async () => {
    const calls = serve('fr', null);
    expect(await screen.findByRole('heading', { name: 'Aucun parcours pour cette personne' })).toBeTruthy();
    expect(await screen.findByRole('checkbox', { name: 'Sacha Référente' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Démarrer le parcours' }));
    });
    expect(screen.getByText('Choisissez-en au moins 1.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Stage transfrontalier' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Démarrer le parcours' }));
    });
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        url: '/api/people/pe1/pathways',
        body: { entryOn: today(), modules: ['placement'], referentUserIds: [USER] },
      },
    ]);
  });

  it('shows modules, progress, the confidential note and the reached mobility goal, in Dutch', async () => {
    serve('nl', pathway());
    expect(await screen.findByRole('heading', { level: 1, name: 'Traject van Inès Exemple' })).toBeTruthy();
    expect(screen.getByText('Grensoverschrijdende stage')).toBeTruthy();
    expect(screen.getByText('Sociale inschakeling')).toBeTruthy();
    expect(screen.getByText('1 van 2 behaald')).toBeTruthy();
    expect(screen.getByText('Vertrouwelijk')).toBeTruthy();
    expect(screen.getAllByText('Mobiliteitsdoel bereikt').length).toBeGreaterThan(0);
    expect(screen.getByText(/huidige straal: 32 km, grens overgestoken/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verbeteren' })).toBeTruthy();
  });

  it('adds a confidential note', async () => {
    const calls = serve('fr', pathway());
    const body = await screen.findByLabelText('Note', { selector: 'textarea', exact: false });
    fireEvent.change(body, { target: { value: 'Rendez-vous médical demandé.' } });
    const [confidential] = screen.getAllByRole('checkbox', { name: 'Note confidentielle' });
    fireEvent.click(confidential!);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Ajouter la note' }));
    });
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        url: '/api/pathways/pw1/notes',
        body: { notedOn: today(), body: 'Rendez-vous médical demandé.', confidential: true },
      },
    ]);
  });
});
