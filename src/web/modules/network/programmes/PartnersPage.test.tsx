import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import { programmesApi } from '../../../../common/network/endpoints';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { programme } from './fixtures.testing';
import { PartnersPage } from './PartnersPage';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const open = () =>
  renderRoutes({
    routes: [
      { path: '/app/programmes/:id/partners', element: <PartnersPage /> },
      { path: '/app/programmes/:id', element: <output>saved</output> },
    ],
    path: '/app/programmes/p1/partners',
    roles: ['coordinator'],
    answers: byEndpoint(
      [programmesApi.get, programme(true)],
      [programmesApi.replacePartners, programme(true)],
    ),
  });

describe('partner editor', () => {
  it('checks the rules in the browser, translated, before sending anything', async () => {
    const calls = open();
    const eu = await screen.findByLabelText('Part UE (EUR) – CPAS de Courtrai', {}, SLOW);
    fireEvent.change(eu, { target: { value: '600 000,00' } });
    expect((eu as HTMLInputElement).value).toBe('600000.00');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les partenaires' }));
    });
    expect(screen.getByText('La part UE ne peut pas dépasser le budget total.')).toBeTruthy();
    expect(calls.filter((c) => isCall(c, programmesApi.replacePartners))).toEqual([]);
  });

  it('gives a partner a second role, never its main one again', async () => {
    const calls = open();
    const roles = await screen.findByRole('group', { name: 'Autres rôles – CPAS de Courtrai' }, SLOW);
    expect(within(roles).queryByRole('checkbox', { name: 'Partenaire' })).toBeNull();
    expect(within(roles).queryByRole('checkbox', { name: 'Chef de file' })).toBeNull();
    fireEvent.click(within(roles).getByRole('checkbox', { name: 'Cofinanceur' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les partenaires' }));
    });
    const put = calls.filter((c) => isCall(c, programmesApi.replacePartners));
    expect(put[0]!.body).toMatchObject({
      partners: [
        { orgId: 'o1', role: 'lead' },
        { orgId: 'o2', role: 'partner', extraRoles: ['cofinancer'] },
        { orgId: 'o3', role: 'associated', extraRoles: ['cofinancer'] },
      ],
    });
  });

  it('previews the totals with the same calculator and sends the whole list', async () => {
    const calls = open();
    const budget = await screen.findByLabelText('Budget (EUR) – CPAS de Courtrai', {}, SLOW);
    fireEvent.change(budget, { target: { value: '542 943,65' } });
    // 600,000.00 + 542,943.65 now equals the declared 1,142,943.65; the EU amounts still fall short.
    expect(screen.queryByText(/Les budgets des partenaires s'écartent/)).toBeNull();
    expect(screen.getByText(/Les parts UE des partenaires s'écartent de 33\s540,04\s€/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retirer Province de Flandre-Occidentale' }));
    expect(screen.queryByText('Province de Flandre-Occidentale')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les partenaires' }));
    });
    const put = calls.filter((c) => isCall(c, programmesApi.replacePartners));
    expect(put).toHaveLength(1);
    expect(put[0]!.path).toBe(urlOf(programmesApi.replacePartners, { params: { id: 'p1' } }));
    expect(put[0]!.body).toEqual({
      partners: [
        { orgId: 'o1', role: 'lead', budgetTotal: '600000.00', euAmount: '300000.00' },
        { orgId: 'o2', role: 'partner', budgetTotal: '542943.65', euAmount: '250000.00' },
      ],
    });
    expect(await screen.findByText('saved', {}, SLOW)).toBeTruthy();
  });
});
