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
    // Reset links are personal (filed under no organisation); invitations are the inviting organisation's.
    for (const email of [
      'referent@cpas-mouscron.example',
      'trajectbegeleider@ocmw-kortrijk.example',
      'admin@samen.example',
    ])
      await t.anonymous.post('/api/auth/password-reset/request', { email });
    const mouscronAdmin = await t.login('admin@cpas-mouscron.example');
    await mouscronAdmin.post('/api/admin/members', {
      email: 'nouvelle@cpas-mouscron.example',
      displayName: 'Noa Nouvelle',
      language: 'fr',
      roles: ['referent'],
    });
    const platform = await t.login('admin@samen.example');
    await platform.post(`/api/admin/members?orgId=${kortrijk}`, {
      email: 'nieuw@ocmw-kortrijk.example',
      displayName: 'Noor Nieuw',
      language: 'nl',
      roles: ['referent'],
    });
    await t.deliverMail();
  });
  afterAll(async () => t?.close());

  it("shows an organisation admin their organisation's chain only", async () => {
    const c = await t.login('admin@cpas-mouscron.example');
    const r = await c.get('/api/admin/audit');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThanOrEqual(body.pageSize);
    expect(body.items.every((e: { orgId: string }) => e.orgId === mouscron)).toBe(true);
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
    expect(last.items.length).toBe(body.total - (pages - 1) * body.pageSize);
  });

  it('filters by action, entity, record, actor and dates, with actor names', async () => {
    const c = await t.login('admin@cpas-mouscron.example');
    const logins = (await c.get('/api/admin/audit?action=login')).json();
    expect(logins.total).toBeGreaterThan(0);
    expect(logins.items.every((e: { action: string }) => e.action === 'login')).toBe(true);
    expect(logins.items[0]).toMatchObject({ actorUserId: adminId, actorName: 'Dominique Gestion' });

    const memberships = (await c.get('/api/admin/audit?entity=memberships')).json();
    expect(memberships.total).toBeGreaterThan(0);
    expect(memberships.items.every((e: { entity: string }) => e.entity === 'memberships')).toBe(true);
    expect(memberships.entities).toEqual(expect.arrayContaining(['memberships', 'organisations']));

    const byOrg = (await c.get(`/api/admin/audit?entity=organisations&entityId=${mouscron}`)).json();
    expect(byOrg.total).toBeGreaterThan(0);
    expect(byOrg.items.every((e: { entityId: string }) => e.entityId === mouscron)).toBe(true);

    for (const actor of [adminId, 'GESTION', 'admin@cpas-mouscron']) {
      const r = (await c.get(`/api/admin/audit?actor=${encodeURIComponent(actor)}`)).json();
      expect(r.total, actor).toBeGreaterThan(0);
      expect(r.items.every((e: { actorUserId: string }) => e.actorUserId === adminId)).toBe(true);
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
    const addedId = (
      await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
        trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'stagiaire@cpas-mouscron.example')
          .executeTakeFirstOrThrow(),
      )
    ).id;
    const c = await t.login('admin@cpas-mouscron.example');
    const entries = (await c.get('/api/admin/audit?entity=memberships&action=create')).json().items;
    const byPlatform = entries.find((e: { after: { user_id: string } }) => e.after.user_id === addedId);
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

  it("lists the organisation's mails for its admin and all mails for a platform admin, never a live link", async () => {
    await t.deliverMail();
    const c = await t.login('admin@cpas-mouscron.example');
    const mine = (await c.get('/api/admin/outbox')).json();
    const to = mine.items.map((m: { to: string }) => m.to);
    expect(to).toContain('nouvelle@cpas-mouscron.example');
    expect(to).not.toContain('nieuw@ocmw-kortrijk.example');
    // A password reset is personal: no organisation's admin reads it (it was the first step of a takeover).
    expect(to).not.toContain('referent@cpas-mouscron.example');
    expect(to).not.toContain('admin@samen.example');
    expect(mine.items.every((m: { orgId: string }) => m.orgId === mouscron)).toBe(true);

    const sent = (await c.get('/api/admin/outbox?status=sent')).json();
    expect(sent.total).toBe(mine.total);
    expect((await c.get('/api/admin/outbox?status=queued')).json().total).toBe(0);
    expect((await c.get('/api/admin/outbox?status=lost')).statusCode).toBe(400);

    const invitation = mine.items.find((m: { to: string }) => m.to === 'nouvelle@cpas-mouscron.example');
    const full = (await c.get(`/api/admin/outbox/${invitation.id}`)).json();
    expect(full).toMatchObject({ language: 'fr', template: 'admin.members.invitation', status: 'sent' });
    expect(full.body).toContain('[lien envoyé au seul destinataire]');
    expect(full.body).not.toContain('#token=');
    // The addressee got the link.
    expect(t.mails.find((m) => m.to === 'nouvelle@cpas-mouscron.example')?.text).toMatch(
      /\/reset-password#token=[\w-]{20,}/,
    );

    const platform = (await (await t.login('admin@samen.example')).get('/api/admin/outbox')).json();
    const everyone = platform.items.map((m: { to: string; orgId: string | null }) => [m.to, m.orgId]);
    expect(everyone).toEqual(
      expect.arrayContaining([
        ['admin@samen.example', null],
        ['referent@cpas-mouscron.example', null],
        ['nieuw@ocmw-kortrijk.example', kortrijk],
        ['nouvelle@cpas-mouscron.example', mouscron],
      ]),
    );
    // Not even the platform admin reads a live link.
    const platformClient = await t.login('admin@samen.example');
    for (const item of platform.items) {
      const body = (await platformClient.get(`/api/admin/outbox/${item.id}`)).json().body as string;
      expect(body).not.toContain('#token=');
    }
    const other = platform.items.find((m: { orgId: string | null }) => m.orgId === kortrijk);
    const hidden = await c.get(`/api/admin/outbox/${other.id}`);
    expect(hidden.statusCode).toBe(404);
    // Signed-in users read errors in their own language (this admin's is French).
    expect(hidden.json().error.message).toBe("Cet e-mail n'existe pas ou ne vous est pas visible.");
    expect((await c.get('/api/admin/outbox/not-a-uuid')).statusCode).toBe(400);
  });
});
