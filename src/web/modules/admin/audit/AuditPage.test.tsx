import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, AuditPage } from '../../../../common/admin/audit-schemas';
import { auditApi } from '../../../../common/admin/endpoints';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { adminModule } from '..';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  chain: 'c',
  seq: 1,
  at: '2026-03-02T09:15:00.000Z',
  orgId: 'o',
  actorUserId: 'u',
  actorName: 'Dominique Gestion',
  actorEmail: 'admin@cpas-mouscron.example',
  action: 'update',
  entity: 'organisations',
  entityId: 'o',
  before: { phone: null, email: 'a@x.example' },
  after: { phone: '+32 56 00 00 00', email: 'b@x.example' },
  detail: null,
  ...over,
});
const log = (items: AuditEntry[]): AuditPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
  entities: ['organisations', 'users'],
});

const open = (path: string, items: AuditEntry[], language: 'fr' | 'nl' = 'fr') =>
  renderRoutes({
    routes: adminModule.routes!,
    path,
    language,
    roles: ['org_admin'],
    answers: byEndpoint([auditApi.list, log(items)]),
  });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('audit log page', () => {
  it('opens the changed fields of an entry, before and after, in Dutch', async () => {
    open(
      '/app/admin/audit',
      [
        entry({}),
        entry({ id: 2, seq: 2, actorName: null, action: 'login', before: null, after: null }),
        entry({
          id: 3,
          seq: 3,
          actorUserId: null,
          action: 'read',
          before: null,
          after: null,
          detail: { n: 1 },
        }),
      ],
      'nl',
    );
    expect(await screen.findByText('Onbekend (buiten uw organisatie)')).toBeTruthy();
    const table = within(screen.getByRole('table'));
    expect(table.getByText('Systeem')).toBeTruthy();
    expect(table.getByText('Gewijzigd')).toBeTruthy();
    expect(screen.getAllByText(/2 mrt\.? 2026/)).toHaveLength(3);
    // Only entries that carry fields or details can open; the login has neither.
    const show = screen.getByRole('button', { name: '2 velden tonen' });
    expect(screen.getByRole('button', { name: '1 veld tonen' })).toBeTruthy();
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    expect(screen.getByRole('button', { name: 'Verbergen' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('+32 56 00 00 00')).toBeTruthy();
    expect(screen.getByText('(leeg)')).toBeTruthy();
    expect(screen.getByText('a@x.example')).toBeTruthy();
    expect(screen.getByText('b@x.example')).toBeTruthy();
  });

  it('reads its filters and page from the address, shows them in the form, and puts new ones there', async () => {
    const calls = open('/app/admin/audit?action=login&actor=Dominique&from=2026-03-01&page=2', [entry({})]);
    await screen.findByText('Dominique Gestion');
    const first = calls.filter((c) => isCall(c, auditApi.list));
    expect(Object.fromEntries(first[0]!.query)).toEqual({
      action: 'login',
      actor: 'Dominique',
      from: '2026-03-01',
      page: '2',
    });
    const who = screen.getByLabelText('Qui') as HTMLInputElement;
    expect(who.value).toBe('Dominique');
    fireEvent.change(who, { target: { value: 'Kim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    // A new filter starts again at the first page; the others stay.
    await vi.waitFor(() =>
      expect(Object.fromEntries(calls.filter((c) => isCall(c, auditApi.list)).at(-1)!.query)).toEqual({
        action: 'login',
        actor: 'Kim',
        from: '2026-03-01',
        page: '1',
      }),
    );
  });

  it('refuses a filter the API would refuse on its field, without asking the server', async () => {
    const calls = open('/app/admin/audit', [entry({})]);
    await screen.findByText('Dominique Gestion');
    const who = screen.getByLabelText('Qui');
    fireEvent.change(who, { target: { value: 'x'.repeat(201) } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    await vi.waitFor(() => expect(who.getAttribute('aria-invalid')).toBe('true'));
    expect(calls.filter((c) => isCall(c, auditApi.list))).toHaveLength(1);
  });
});
