import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { programme, serve as serveAt } from './harness.testing';
import { ProgrammePage } from './ProgrammePage';

const serve = (detail: ReturnType<typeof programme>, language: 'fr' | 'nl') =>
  serveAt(detail, language, '/app/programmes/p1', [
    { path: '/app/programmes/:id', element: <ProgrammePage /> },
  ]);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('programme page', () => {
  it('shows the French description, partners grouped by role, euros and the derived totals', async () => {
    serve(programme(false), 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: 'SAM Eurométropole' })).toBeTruthy();
    expect(screen.getByText('Action 1 – chantiers.')).toBeTruthy();
    expect(screen.getByText('Lire la version néerlandaise')).toBeTruthy();
    for (const h of ['Chef de file', 'Partenaires', 'Partenaires associés'])
      expect(screen.getByRole('heading', { level: 3, name: h })).toBeTruthy();
    expect(screen.getAllByText(/^1\s142\s943,65\s€$/).length).toBeGreaterThan(0);
    // 1,100,000 of partner budgets against 1,142,943.65 declared.
    expect(screen.getByText(/s'écartent de 42\s943,65\s€ du budget total déclaré/)).toBeTruthy();
    expect(screen.getByText("1 partenaire n'a pas de budget.")).toBeTruthy();
    expect(screen.getByText('Stages')).toBeTruthy();
    expect(screen.getByText('de 2 à 6 mois')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Modifier' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Modifier les partenaires' })).toBeNull();
  });

  it('offers editing when allowed, and reads Dutch names in Dutch', async () => {
    serve(programme(true), 'nl');
    expect(await screen.findByRole('heading', { level: 1, name: 'SAM Eurometropool' })).toBeTruthy();
    expect(screen.getByText('Actie 1 – integratieprojecten.')).toBeTruthy();
    expect(screen.getByText('OCMW Kortrijk')).toBeTruthy();
    expect(screen.getByText('2 tot 6 maanden')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bewerken' }).getAttribute('href')).toBe(
      '/app/programmes/p1/edit',
    );
    expect(screen.getByRole('link', { name: 'Partners wijzigen' }).getAttribute('href')).toBe(
      '/app/programmes/p1/partners',
    );
  });
});
