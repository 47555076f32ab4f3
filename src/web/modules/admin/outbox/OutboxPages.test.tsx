import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outboxApi } from '../../../../common/admin/endpoints';
import type { OutboxItem } from '../../../../common/admin/outbox-schemas';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { adminModule } from '..';

const mail: OutboxItem = {
  id: '0b7d2f6e-2c1a-4f7e-9a51-3f0c6d8e9a10',
  orgId: 'o1',
  to: 'nieuw@cpas-mouscron.example',
  language: 'nl',
  template: 'admin.members.invitation',
  subject: 'samen: uitnodiging',
  status: 'kept',
  attempts: 1,
  lastError: null,
  createdAt: '2026-03-02T09:15:00.000Z',
  sentAt: '2026-03-02T09:15:02.000Z',
};

const open = (path: string, answers: Parameters<typeof byEndpoint>) =>
  renderRoutes({ routes: adminModule.routes!, path, roles: ['org_admin'], answers: byEndpoint(...answers) });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('outbox pages', () => {
  it('asks for the status and page its address holds, and links each mail to its page', async () => {
    const calls = open('/app/admin/outbox?status=kept&page=2', [
      [outboxApi.list, { items: [mail], total: 26, page: 2, pageSize: 25 }],
    ]);
    const subject = await screen.findByRole('link', { name: 'samen: uitnodiging' });
    expect(subject.getAttribute('href')).toBe(`/app/admin/outbox/${mail.id}`);
    expect(
      within(screen.getByRole('table')).getByText('Déposé sur le serveur (pas de messagerie)'),
    ).toBeTruthy();
    const asked = calls.find((c) => isCall(c, outboxApi.list))!;
    expect(Object.fromEntries(asked.query)).toEqual({ status: 'kept', page: '2' });
  });

  it('drops a status it does not know instead of sending it', async () => {
    const calls = open('/app/admin/outbox?status=lost', [
      [outboxApi.list, { items: [mail], total: 1, page: 1, pageSize: 25 }],
    ]);
    await screen.findByRole('link', { name: 'samen: uitnodiging' });
    expect(calls.find((c) => isCall(c, outboxApi.list))!.query.has('status')).toBe(false);
  });

  it('shows one mail, and the server’s refusal when it is not visible', async () => {
    open(`/app/admin/outbox/${mail.id}`, [[outboxApi.get, { ...mail, body: 'Beste Kim,\n\nWelkom.' }]]);
    expect(await screen.findByText(/Beste Kim/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'samen: uitnodiging' })).toBeTruthy();
    cleanup();
    open(`/app/admin/outbox/${mail.id}`, [
      [outboxApi.get, () => apiError(404, 'admin.outbox.errors.not_found', 'Cet e-mail n’existe pas.')],
    ]);
    expect(await screen.findByText('Cet e-mail n’existe pas.')).toBeTruthy();
  });
});
