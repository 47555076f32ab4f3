import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retentionApi } from '../../../../common/admin/endpoints';
import type { RetentionPage } from '../../../../common/admin/retention-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { adminModule } from '..';

const page: RetentionPage = {
  policy: { caseFileYears: 2, participationYears: 5, automatic: false, isDefault: true, updatedAt: null },
  runs: [
    {
      id: '0b7d2f6e-2c1a-4f7e-9a51-3f0c6d8e9a10',
      ranOn: '2026-03-02',
      finishedAt: '2026-03-02T02:00:00.000Z',
      caseFileYears: 2,
      participationYears: 5,
      counts: { caseFile: 1, participation: 0, held: 2, restricted: 0 },
      failed: 0,
      personIds: ['7c0c7a51-1f0e-4a8e-9d3b-2b6c1b1f7e01'],
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('retention page', () => {
  it('shows the policy and the runs, asks for the dry run only on demand, and saves the policy', async () => {
    const calls = renderRoutes({
      routes: adminModule.routes!,
      path: '/app/admin/retention',
      roles: ['org_admin'],
      answers: byEndpoint(
        [retentionApi.get, page],
        [
          retentionApi.dryRun,
          {
            today: '2026-03-03',
            counts: { caseFile: 1, participation: 1, held: 0, restricted: 0 },
            due: [
              {
                participantCode: 'AB12-CD34-EF56-GH78',
                kind: 'case_file',
                dueOn: '2026-03-01',
                lastContactOn: '2024-03-01',
              },
            ],
          },
        ],
        [retentionApi.set, { ok: true }],
      ),
    });
    expect(await screen.findByText(/les durées par défaut sont affichées/)).toBeTruthy();
    expect(screen.getByText('1 dossier')).toBeTruthy();
    expect(screen.getByText('2 conservés pour un programme')).toBeTruthy();
    expect(calls.some((c) => isCall(c, retentionApi.dryRun))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Voir ce qui est à échéance' }));
    expect(await screen.findByText('AB12-CD34-EF56-GH78')).toBeTruthy();

    const years = screen.getByRole('textbox', { name: /Dossier : années après le dernier contact/ });
    fireEvent.change(years, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
    // The same schema as the API: 0 years is refused before anything is sent.
    await waitFor(() => expect(years.getAttribute('aria-invalid')).toBe('true'));
    expect(calls.some((c) => isCall(c, retentionApi.set))).toBe(false);
    fireEvent.change(years, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
    await waitFor(() => expect(calls.some((c) => isCall(c, retentionApi.set))).toBe(true));
    const sent = calls.find((c) => isCall(c, retentionApi.set))!;
    expect(sent.body).toEqual({ caseFileYears: 3, participationYears: 5, automatic: false });
  });
});
