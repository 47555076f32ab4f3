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
  actorOrgId: null,
  actorOrgName: null,
  actorRoles: [],
  actorPlatformAdmin: false,
  action: 'update',
  entity: 'organisations',
  entityId: 'o',
  before: { phone: null, email: 'a@x.example' },
  after: { phone: '+32 56 00 00 00', email: 'b@x.example' },
  detail: null,
  subject: null,
  subjects: [],
  ...over,
});
const log = (items: AuditEntry[], entities = ['organisations', 'users']): AuditPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
  entities,
});

const open = (path: string, items: AuditEntry[], language: 'fr' | 'nl' = 'fr', entities?: string[]) =>
  renderRoutes({
    routes: adminModule.routes!,
    path,
    language,
    roles: ['org_admin'],
    answers: byEndpoint([auditApi.list, log(items, entities)]),
  });

// A host's tutor read the centre's person; the centre's referent opened the caseload; an agreement changed.
const PERSON = 'a0000000-0000-4000-8000-000000000001';
const PLACEMENT = 'b0000000-0000-4000-8000-000000000002';
const hostRead = entry({
  id: 10,
  action: 'read',
  entity: 'persons',
  entityId: PERSON,
  actorUserId: 't',
  actorName: null,
  actorEmail: null,
  actorOrgId: 'host',
  actorOrgName: 'Atelier Solidaire du Canal',
  actorRoles: ['tutor'],
  before: null,
  after: null,
  detail: { what: 'shared_person' },
  subject: { name: 'Inès Declercq', partner: null, from: null, to: null, href: `/app/people/${PERSON}` },
});
const listRead = entry({
  id: 11,
  action: 'read',
  entity: 'persons',
  entityId: null,
  before: null,
  after: null,
  detail: { count: 7 },
  subjects: Array.from({ length: 7 }, (_, i) => ({
    name: `Personne ${i + 1}`,
    partner: null,
    from: null,
    to: null,
    href: `/app/people/p${i + 1}`,
  })),
});
const agreementChange = entry({
  id: 12,
  entity: 'placements',
  entityId: PLACEMENT,
  before: { status: 'draft' },
  after: { status: 'awaiting_signatures' },
  subject: {
    name: 'Inès Declercq',
    partner: 'Atelier Solidaire du Canal',
    from: '2026-09-01',
    to: '2027-02-05',
    href: `/app/placements/${PLACEMENT}`,
  },
});
const gone = entry({
  id: 13,
  entity: 'placement_stays_abroad',
  entityId: 'c0000000-0000-4000-8000-000000000003',
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

  it('names a partner by organisation and role, record types in words and records by label, linked', async () => {
    open('/app/admin/audit', [hostRead, listRead, agreementChange, gone], 'fr', [
      'persons',
      'placements',
      'placement_stays_abroad',
      'some_new_table',
    ]);
    const table = within(await screen.findByRole('table'));
    // Who: the partner and the role, never "unknown"; a link to that account's entries.
    expect(table.getByText('Atelier Solidaire du Canal', { selector: 'strong' })).toBeTruthy();
    expect(table.getByText("Tuteur du site d'accueil")).toBeTruthy();
    expect(table.queryByText('Inconnu (hors de votre organisation)')).toBeNull();
    expect(table.getByRole('link', { name: 'Entrées de ce compte' }).getAttribute('href')).toBe(
      '/app/admin/audit?actor=t',
    );
    // What: translated types, no table names.
    expect(table.getAllByText('Personne')).toHaveLength(2);
    expect(table.getByText('Convention de stage')).toBeTruthy();
    expect(table.getByText('Séjour à l’étranger')).toBeTruthy();
    expect(table.queryByText('persons')).toBeNull();
    // Which: the person by name and the agreement as person – host, dates, each a link to its page.
    const links = table.getAllByRole('link', { name: 'Inès Declercq' });
    expect(links.map((l) => l.getAttribute('href'))).toEqual([`/app/people/${PERSON}`]);
    const agreement = table.getByRole('link', {
      name: /^Inès Declercq – Atelier Solidaire du Canal, 1 sept\.? 2026 – 5 févr\.? 2027$/,
    });
    expect(agreement.getAttribute('href')).toBe(`/app/placements/${PLACEMENT}`);
    // A list read names its first persons and counts the rest.
    expect(table.getByRole('link', { name: 'Personne 5' }).getAttribute('href')).toBe('/app/people/p5');
    expect(table.queryByRole('link', { name: 'Personne 6' })).toBeNull();
    expect(table.getByText('et 2 autres')).toBeTruthy();
    // A record the reader may not know (or gone) keeps its identifier; each record opens its history.
    expect(table.getByText('c0000000-0000-4000-8000-000000000003')).toBeTruthy();
    expect(
      table
        .getAllByRole('link', { name: 'Historique de l’enregistrement' })
        .map((l) => l.getAttribute('href')),
    ).toContain(`/app/admin/audit?entity=placements&entityId=${PLACEMENT}`);
    // The type filter offers the types by name, alphabetically; an unknown one keeps its table name.
    fireEvent.click(screen.getByRole('button', { name: /Type d'enregistrement/ }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual([
      'Tous',
      'Convention de stage',
      'Personne',
      'Séjour à l’étranger',
      'some_new_table',
    ]);
  });

  it('says a platform administrator acted, and who acted for another organisation, in Dutch', async () => {
    open(
      '/app/admin/audit',
      [
        entry({ id: 20, actorName: null, actorEmail: null, actorPlatformAdmin: true, actorOrgId: 'o' }),
        entry({ id: 21, actorOrgId: 'host', actorOrgName: 'Solidair Atelier aan het Kanaal' }),
      ],
      'nl',
    );
    const table = within(await screen.findByRole('table'));
    expect(table.getByText('Platformbeheerder')).toBeTruthy();
    expect(table.getByText('namens Solidair Atelier aan het Kanaal')).toBeTruthy();
    expect(table.getAllByText('Organisatie')).toHaveLength(2);
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
