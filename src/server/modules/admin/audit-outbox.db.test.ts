import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import { withContext } from '../../platform/db/context';

const available = await engineAvailable();

describe.skipIf(!available)('administration: audit log and outbox', () => {
  let t: TestApp;
  let mouscron: string;
  let kortrijk: string;
  let adminId: string;

  const orgId = (nameFr: string) =>
    withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx.selectFrom('organisations').select('id').where('name_fr', '=', nameFr).executeTakeFirstOrThrow(),
    );

  beforeAll(async () => {
    t = await createTestApp();
    mouscron = (await orgId("Centre Public d'Action Sociale de Mouscron")).id;
    kortrijk = (await orgId('CPAS de Courtrai')).id;
    adminId = (
      await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
        trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'admin@cpas-mouscron.example')
          .executeTakeFirstOrThrow(),
      )
    ).id;
    // Mail for Mouscron, for Kortrijk, and for the platform admin (no organisation).
    for (const email of [
      'referent@cpas-mouscron.example',
      'trajectbegeleider@ocmw-kortrijk.example',
      'admin@samen.example',
    ])
      await t.anonymous.post('/api/auth/password-reset/request', { email });
  });
  afterAll(async () => t?.close());

  it("shows an organisation admin their organisation's chain only", async () => {
    const c = await t.login('admin@cpas-mouscron.example');
    const r = await c.get('/api/admin/audit');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.entries.length).toBeLessThanOrEqual(body.pageSize);
    expect(body.entries.every((e: { orgId: string }) => e.orgId === mouscron)).toBe(true);
    const all = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx.selectFrom('audit.log').select(['org_id']).execute(),
    );
    expect(all.some((e) => e.org_id === kortrijk)).toBe(true);
    expect(body.total).toBe(all.filter((e) => e.org_id === mouscron).length);
    const kortrijkEntries = (await c.get(`/api/admin/audit?entityId=${kortrijk}`)).json();
    expect(kortrijkEntries.total).toBe(0);
    // The last page holds the remainder.
    const pages = Math.ceil(body.total / body.pageSize);
    const last = (await c.get(`/api/admin/audit?page=${pages}`)).json();
    expect(last.entries.length).toBe(body.total - (pages - 1) * body.pageSize);
  });

  it('filters by action, entity, record, actor and dates, with actor names', async () => {
    const c = await t.login('admin@cpas-mouscron.example');
    const logins = (await c.get('/api/admin/audit?action=login')).json();
    expect(logins.total).toBeGreaterThan(0);
    expect(logins.entries.every((e: { action: string }) => e.action === 'login')).toBe(true);
    expect(logins.entries[0]).toMatchObject({ actorUserId: adminId, actorName: 'Dominique Gestion' });

    const memberships = (await c.get('/api/admin/audit?entity=memberships')).json();
    expect(memberships.total).toBeGreaterThan(0);
    expect(memberships.entries.every((e: { entity: string }) => e.entity === 'memberships')).toBe(true);
    expect(memberships.entities).toEqual(expect.arrayContaining(['memberships', 'organisations']));

    const byOrg = (await c.get(`/api/admin/audit?entity=organisations&entityId=${mouscron}`)).json();
    expect(byOrg.total).toBeGreaterThan(0);
    expect(byOrg.entries.every((e: { entityId: string }) => e.entityId === mouscron)).toBe(true);

    for (const actor of [adminId, 'GESTION', 'admin@cpas-mouscron']) {
      const r = (await c.get(`/api/admin/audit?actor=${encodeURIComponent(actor)}`)).json();
      expect(r.total, actor).toBeGreaterThan(0);
      expect(r.entries.every((e: { actorUserId: string }) => e.actorUserId === adminId)).toBe(true);
    }
    expect((await c.get('/api/admin/audit?actor=nobody-like-this')).json().total).toBe(0);

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Brussels',
    });
    expect((await c.get(`/api/admin/audit?from=${today}&to=${today}`)).json().total).toBeGreaterThan(0);
    expect((await c.get(`/api/admin/audit?from=${tomorrow}`)).json().total).toBe(0);

    const reversed = await c.get(`/api/admin/audit?from=${tomorrow}&to=${today}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].path).toBe('to');
    for (const bad of ['action=hack', 'from=yesterday', 'page=0', 'unknown=1'])
      expect((await c.get(`/api/admin/audit?${bad}`)).statusCode, bad).toBe(400);
  });

  it('shows actors from outside the organisation as unknown, and everything to a platform admin', async () => {
    const platform = await t.login('admin@samen.example');
    const all = (await platform.get(`/api/admin/audit?entityId=${kortrijk}`)).json();
    expect(all.total).toBeGreaterThan(0);
    // The platform admin acts in Mouscron's chain without being a member there.
    const added = await platform.post(`/api/admin/members?orgId=${mouscron}`, {
      email: 'stagiaire@cpas-mouscron.example',
      displayName: 'Charlie Stagiaire',
      language: 'fr',
      roles: ['analyst'],
    });
    expect(added.statusCode).toBe(201);
    const c = await t.login('admin@cpas-mouscron.example');
    const entries = (await c.get('/api/admin/audit?entity=memberships&action=create')).json().entries;
    const byPlatform = entries.find(
      (e: { after: { user_id: string } }) => e.after.user_id === added.json().userId,
    );
    expect(byPlatform).toMatchObject({ actorName: null, orgId: mouscron });
    expect(byPlatform.actorUserId).not.toBeNull();
  });

  it('refuses the audit log and the outbox to a referent', async () => {
    const c = await t.login('referent@cpas-mouscron.example');
    for (const url of ['/api/admin/audit', '/api/admin/outbox']) {
      const r = await c.get(url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().error.code).toBe('errors.forbidden');
    }
  });

  it("lists the organisation's mails for its admin and all mails for a platform admin", async () => {
    const c = await t.login('admin@cpas-mouscron.example');
    const mine = (await c.get('/api/admin/outbox')).json();
    const to = mine.items.map((m: { to: string }) => m.to);
    expect(to).toContain('referent@cpas-mouscron.example');
    expect(to).not.toContain('trajectbegeleider@ocmw-kortrijk.example');
    expect(to).not.toContain('admin@samen.example');
    expect(mine.items.every((m: { orgId: string }) => m.orgId === mouscron)).toBe(true);

    const kept = (await c.get('/api/admin/outbox?status=kept')).json();
    expect(kept.total).toBe(mine.total);
    expect((await c.get('/api/admin/outbox?status=sent')).json().total).toBe(0);
    expect((await c.get('/api/admin/outbox?status=lost')).statusCode).toBe(400);

    const reset = mine.items.find((m: { to: string }) => m.to === 'referent@cpas-mouscron.example');
    const full = (await c.get(`/api/admin/outbox/${reset.id}`)).json();
    expect(full.body).toContain('/reset-password#token=');
    expect(full).toMatchObject({ language: 'fr', template: 'password_reset', status: 'kept' });

    const platform = (await (await t.login('admin@samen.example')).get('/api/admin/outbox')).json();
    const everyone = platform.items.map((m: { to: string; orgId: string | null }) => [m.to, m.orgId]);
    expect(everyone).toEqual(
      expect.arrayContaining([
        ['admin@samen.example', null],
        ['trajectbegeleider@ocmw-kortrijk.example', kortrijk],
        ['referent@cpas-mouscron.example', mouscron],
      ]),
    );
    const other = platform.items.find((m: { orgId: string | null }) => m.orgId === kortrijk);
    const hidden = await c.get(`/api/admin/outbox/${other.id}`);
    expect(hidden.statusCode).toBe(404);
    // Signed-in users read errors in their own language (this admin's is French).
    expect(hidden.json().error.message).toBe("Cet e-mail n'existe pas ou ne vous est pas visible.");
    expect((await c.get('/api/admin/outbox/not-a-uuid')).statusCode).toBe(400);
  });
});
