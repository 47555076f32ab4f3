import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { timeStep, totpCode } from '../../../platform/auth/totp';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();
const NEW_PASSWORD = 'Grensloos samenwerken langs de Leie';

describe.skipIf(!available)('administration: members and organisation security', () => {
  let t: TestApp;
  let mouscron: string;
  let kortrijk: string;
  let admin: Client;
  let referentId: string;

  const owner = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
    withContext(t.deps.db, { platformAdmin: true }, fn);
  const userId = async (email: string) =>
    (
      await owner((trx) =>
        trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow(),
      )
    ).id;
  /**
   * The newest mail to `to` as the outbox shows it to `viewer` (link redacted), and the single-use link's
   * token as only the addressee receives it.
   */
  const linkTokenFor = async (viewer: Client, to: string) => {
    await t.deliverMail();
    const list = (await viewer.get('/api/admin/outbox')).json();
    const mail = list.items.find((m: { to: string }) => m.to === to);
    const full = (await viewer.get(`/api/admin/outbox/${mail.id}`)).json();
    expect(full.body).not.toContain('#token=');
    const received = t.mails.filter((m) => m.to === to).at(-1)!;
    return { mail: full, token: /#token=([\w-]+)/.exec(received.text)![1]! };
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
    const org = (nameFr: string) =>
      owner((trx) =>
        trx.selectFrom('organisations').select('id').where('name_fr', '=', nameFr).executeTakeFirstOrThrow(),
      );
    mouscron = (await org("Centre Public d'Action Sociale de Mouscron")).id;
    kortrijk = (await org('CPAS de Courtrai')).id;
    admin = await t.login('admin@cpas-mouscron.example');
    referentId = await userId('referent@cpas-mouscron.example');
  });
  afterAll(async () => t?.close());

  it('lists the members of the current organisation with roles and security state', async () => {
    const r = await admin.get('/api/admin/members');
    expect(r.statusCode).toBe(200);
    const { organisation, members } = r.json();
    expect(organisation).toMatchObject({ id: mouscron, nameNl: 'OCMW Moeskroen', mfaRequired: false });
    expect(members.find((m: { userId: string }) => m.userId === referentId)).toMatchObject({
      email: 'referent@cpas-mouscron.example',
      roles: ['referent'],
      active: true,
      pending: false,
      totpEnabled: false,
      lockedUntil: null,
    });
    expect(members.every((m: { email: string }) => m.email.endsWith('@cpas-mouscron.example'))).toBe(true);
    const referent = await t.login('referent@cpas-mouscron.example');
    expect((await referent.get('/api/admin/members')).statusCode).toBe(403);
  });

  it('refuses invalid additions with translated field errors and changes nothing', async () => {
    const before = (await admin.get('/api/admin/members')).json().members.length;
    const r = await admin.post('/api/admin/members', {
      email: 'not-an-address',
      displayName: '',
      language: 'de',
      roles: ['platform_admin'],
    });
    expect(r.statusCode).toBe(400);
    const fields = Object.fromEntries(
      r.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(Object.keys(fields).sort()).toEqual(['displayName', 'email', 'language', 'roles.0']);
    expect(fields.email).not.toMatch(/^validation\./);
    expect(
      (
        await admin.post('/api/admin/members', {
          email: 'x@y.example',
          displayName: 'X',
          language: 'fr',
          roles: [],
        })
      ).statusCode,
    ).toBe(400);
    expect((await admin.get('/api/admin/members')).json().members.length).toBe(before);
  });

  it('invites a new person in their language; the link sets a password once and they can sign in', async () => {
    const r = await admin.post('/api/admin/members', {
      email: 'nieuw@cpas-mouscron.example',
      displayName: 'Kim Nieuwkomer',
      language: 'nl',
      roles: ['referent', 'tutor'],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().invited).toBe(true);
    const { mail, token } = await linkTokenFor(admin, 'nieuw@cpas-mouscron.example');
    expect(mail).toMatchObject({
      language: 'nl',
      template: 'admin.members.invitation',
      orgId: mouscron,
      status: 'sent',
    });
    expect(mail.subject).toBe('samen: Dominique Gestion nodigt u uit bij OCMW Moeskroen');
    expect(mail.body).toContain('Beste Kim Nieuwkomer');

    const listed = (await admin.get('/api/admin/members')).json().members;
    expect(listed.find((m: { email: string }) => m.email === 'nieuw@cpas-mouscron.example')).toMatchObject({
      pending: true,
      displayName: 'Kim Nieuwkomer',
      language: 'nl',
      roles: ['referent', 'tutor'],
    });
    const set = await t.anonymous.post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    expect(set.statusCode).toBe(200);
    expect(
      (await t.anonymous.post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD }))
        .statusCode,
    ).toBe(400);
    const kim = await t.login('nieuw@cpas-mouscron.example', NEW_PASSWORD);
    const s = (await kim.get('/api/auth/session')).json();
    expect(s).toMatchObject({ activeOrgId: mouscron, roles: ['referent', 'tutor'] });
    expect(s.user.language).toBe('nl');
  });

  it('invites an existing account with the same answer as a new one; it joins only when its holder accepts', async () => {
    const email = 'trajectbegeleider@ocmw-kortrijk.example';
    const r = await admin.post('/api/admin/members', {
      email,
      displayName: 'Typed By Mouscron',
      language: 'fr',
      roles: ['interpreter'],
    });
    expect(r.statusCode).toBe(201);
    // The same answer as for an address without an account: adding a member reveals no account.
    expect(r.json()).toEqual({ invited: true });
    const again = await admin.post('/api/admin/members', {
      email,
      displayName: 'X',
      language: 'fr',
      roles: ['analyst'],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('admin.members.errors.already_member');
    // Pending: the list shows what Mouscron typed, nothing of the account (second factor, lock, last sign-in).
    const pending = (await admin.get('/api/admin/members'))
      .json()
      .members.find((x: { email: string }) => x.email === email);
    expect(pending).toEqual(
      expect.objectContaining({
        displayName: 'Typed By Mouscron',
        pending: true,
        totpEnabled: false,
        lockedUntil: null,
        lastLoginAt: null,
      }),
    );
    // The holder is asked by mail, without a link to follow; nothing changes until they answer.
    await t.deliverMail();
    const asked = t.mails.filter((m) => m.to === email).at(-1)!;
    expect(asked.text).toContain('Mouscron');
    expect(asked.text).not.toContain('#token=');
    const holder = await t.login(email);
    const before = (await holder.get('/api/auth/session')).json();
    expect(before.memberships.map((m: { orgId: string }) => m.orgId)).not.toContain(mouscron);
    expect(before.invitations.map((m: { orgId: string }) => m.orgId)).toEqual([mouscron]);
    expect((await holder.post('/api/auth/switch-org', { orgId: mouscron })).statusCode).toBe(400);
    expect((await holder.post(`/api/me/invitations/${mouscron}/accept`)).statusCode).toBe(200);
    const after = (await holder.get('/api/auth/session')).json();
    expect(after.memberships.map((m: { orgId: string }) => m.orgId)).toContain(mouscron);
    expect(after.invitations).toEqual([]);
    expect((await holder.post(`/api/me/invitations/${mouscron}/accept`)).statusCode).toBe(404);
    // Accepted: the account keeps its own name, and the organisation now sees its security state.
    const m = (await admin.get('/api/admin/members'))
      .json()
      .members.find((x: { email: string }) => x.email === email);
    expect(m).toMatchObject({ displayName: 'Jef Begeleider', roles: ['interpreter'], pending: false });
  });

  it('lets a holder decline, and never lets an organisation take over the platform administrator', async () => {
    const victim = 'admin@samen.example';
    const r = await admin.post('/api/admin/members', {
      email: victim,
      displayName: 'Platform',
      language: 'en',
      roles: ['org_admin'],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ invited: true });
    const platformId = await userId(victim);
    // No membership at all, not even a pending one.
    const rows = await owner((trx) =>
      trx.selectFrom('memberships').select('org_id').where('user_id', '=', platformId).execute(),
    );
    expect(rows).toEqual([]);
    // The reset mail of the platform admin is filed under no organisation: Mouscron's outbox never shows it.
    await t.anonymous.post('/api/auth/password-reset/request', { email: victim });
    await t.deliverMail();
    const outbox = (await admin.get('/api/admin/outbox')).json();
    expect(outbox.items.map((m: { to: string }) => m.to)).not.toContain(victim);
    // In SQL, as Mouscron's admin: no membership, no flag, no credential of another account.
    const asAdmin = { userId: await userId('admin@cpas-mouscron.example'), orgId: mouscron };
    await withContext(t.deps.db, asAdmin, (trx) =>
      trx
        .insertInto('memberships')
        .values({ org_id: mouscron, user_id: platformId, roles: ['org_admin'], accepted_at: new Date() })
        .execute(),
    );
    expect(
      await owner((trx) =>
        trx.selectFrom('memberships').select('org_id').where('user_id', '=', platformId).execute(),
      ),
    ).toEqual([]);
    await expect(
      withContext(t.deps.db, asAdmin, (trx) =>
        sql`update users set platform_admin = true where id = ${asAdmin.userId}`.execute(trx),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      withContext(t.deps.db, asAdmin, (trx) =>
        sql`update users set password_hash = 'x' where id = ${referentId}`.execute(trx),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      withContext(t.deps.db, asAdmin, (trx) =>
        sql`select password_hash from users where id = ${referentId}`.execute(trx),
      ),
    ).rejects.toMatchObject({ code: '42501' });

    // Declining removes the pending membership.
    const email = 'referent@ccas-roubaix.example';
    await admin.post('/api/admin/members', { email, displayName: 'R', language: 'fr', roles: ['analyst'] });
    const roubaix = await t.login(email);
    const orgs = (await roubaix.get('/api/auth/session')).json().invitations;
    expect(orgs.map((m: { orgId: string }) => m.orgId)).toEqual([mouscron]);
    expect((await roubaix.post(`/api/me/invitations/${mouscron}/decline`)).statusCode).toBe(200);
    expect((await roubaix.get('/api/auth/session')).json().invitations).toEqual([]);
    const list = (await admin.get('/api/admin/members')).json().members;
    expect(list.map((m: { email: string }) => m.email)).not.toContain(email);
  });

  it('withdraws an unanswered invitation, and only an unanswered one', async () => {
    const email = 'analist@west-vlaanderen.example';
    await admin.post('/api/admin/members', { email, displayName: 'A', language: 'nl', roles: ['analyst'] });
    const id = await userId(email);
    // The holder of an existing account is told through an event, which names the account and nothing else.
    const events = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx.selectFrom('jobs').select(['payload', 'org_id']).where('queue', '=', 'events').execute(),
    );
    expect(events.map((e) => ({ ...(e.payload as object), orgId: e.org_id }))).toContainEqual({
      type: 'admin.members.invited',
      actorUserId: await userId('admin@cpas-mouscron.example'),
      payload: { userId: id },
      orgId: mouscron,
    });
    expect((await admin.del(`/api/admin/members/${id}`)).statusCode).toBe(200);
    // Withdrawn before the notification ran: nobody is asked to accept what no longer exists.
    expect((await t.deliverMail()).map((m) => m.to)).not.toContain(email);
    const holder = await t.login(email);
    expect((await holder.get('/api/auth/session')).json().invitations).toEqual([]);
    expect((await admin.del(`/api/admin/members/${id}`)).statusCode).toBe(404);
    const accepted = await admin.del(`/api/admin/members/${referentId}`);
    expect(accepted.statusCode).toBe(409);
    expect(accepted.json().error.code).toBe('admin.members.errors.not_pending');
  });

  it('changes roles and activity, but never removes the own admin role or access', async () => {
    const kimId = await userId('nieuw@cpas-mouscron.example');
    expect((await admin.patch(`/api/admin/members/${kimId}`, { roles: ['coordinator'] })).statusCode).toBe(
      200,
    );
    expect((await admin.patch(`/api/admin/members/${kimId}`, { active: false })).statusCode).toBe(200);
    const kim = (await admin.get('/api/admin/members'))
      .json()
      .members.find((m: { userId: string }) => m.userId === kimId);
    expect(kim).toMatchObject({ roles: ['coordinator'], active: false });
    const session = (
      await (await t.login('nieuw@cpas-mouscron.example', NEW_PASSWORD)).get('/api/auth/session')
    ).json();
    expect(session.activeOrgId).toBeNull();

    const me = await userId('admin@cpas-mouscron.example');
    const own = await admin.patch(`/api/admin/members/${me}`, { roles: ['referent'] });
    expect(own.statusCode).toBe(400);
    expect(own.json().error).toMatchObject({ code: 'admin.members.errors.own_admin_role' });
    expect(own.json().error.message).toContain('administrateur');
    expect((await admin.patch(`/api/admin/members/${me}`, { active: false })).json().error.code).toBe(
      'admin.members.errors.own_deactivation',
    );
    expect(
      (await admin.patch(`/api/admin/members/${me}`, { roles: ['org_admin', 'referent'] })).statusCode,
    ).toBe(200);
    for (const body of [{}, { roles: ['platform_admin'] }, { unlock: false }, { active: 'no' }])
      expect((await admin.patch(`/api/admin/members/${kimId}`, body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    const stranger = await userId('referent@ccas-roubaix.example');
    expect((await admin.patch(`/api/admin/members/${stranger}`, { active: true })).statusCode).toBe(404);
  });

  it('unlocks an account locked by failed sign-ins', async () => {
    const email = 'referent@cpas-mouscron.example';
    for (let i = 0; i < 3; i++)
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong' } });
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'Demo-Samen-Grens-2026' },
    });
    expect(locked.statusCode).toBe(401);
    const listed = (await admin.get('/api/admin/members')).json().members;
    expect(listed.find((m: { userId: string }) => m.userId === referentId).lockedUntil).not.toBeNull();
    expect((await admin.patch(`/api/admin/members/${referentId}`, { unlock: true })).statusCode).toBe(200);
    expect(
      (await admin.get('/api/admin/members'))
        .json()
        .members.find((m: { userId: string }) => m.userId === referentId).lockedUntil,
    ).toBeNull();
    await t.login(email);
    const overrides = (await admin.get(`/api/admin/audit?action=override&entityId=${referentId}`)).json();
    expect(overrides.total).toBe(1);
  });

  it("keeps another organisation's admin out of Mouscron's members, through the API and in SQL", async () => {
    const platform = await t.login('admin@samen.example');
    const created = await platform.post(`/api/admin/members?orgId=${kortrijk}`, {
      email: 'beheer@ocmw-kortrijk.example',
      displayName: 'Sam Beheerder',
      language: 'nl',
      roles: ['org_admin'],
    });
    expect(created.statusCode).toBe(201);
    const { token } = await linkTokenFor(platform, 'beheer@ocmw-kortrijk.example');
    await t.anonymous.post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    const other = await t.login('beheer@ocmw-kortrijk.example', NEW_PASSWORD);

    const theirs = (await other.get('/api/admin/members')).json();
    expect(theirs.organisation.id).toBe(kortrijk);
    expect(theirs.members.map((m: { email: string }) => m.email)).not.toContain(
      'referent@cpas-mouscron.example',
    );
    expect((await other.get(`/api/admin/members?orgId=${mouscron}`)).statusCode).toBe(403);
    expect(
      (await other.patch(`/api/admin/members/${referentId}?orgId=${mouscron}`, { active: false })).statusCode,
    ).toBe(403);
    expect((await other.patch(`/api/admin/members/${referentId}`, { active: false })).statusCode).toBe(404);
    expect(
      (await other.patch(`/api/admin/organisation/security?orgId=${mouscron}`, { mfaRequired: false }))
        .statusCode,
    ).toBe(403);

    const ctx = { userId: await userId('beheer@ocmw-kortrijk.example'), orgId: kortrijk };
    const seen = await withContext(t.deps.db, ctx, (trx) =>
      trx.selectFrom('memberships').select('user_id').where('org_id', '=', mouscron).execute(),
    );
    expect(seen).toEqual([]);
    const upd = await withContext(t.deps.db, ctx, (trx) =>
      trx.updateTable('memberships').set({ active: false }).where('org_id', '=', mouscron).executeTakeFirst(),
    );
    expect(Number(upd.numUpdatedRows)).toBe(0);
    await expect(
      withContext(t.deps.db, ctx, (trx) =>
        trx
          .insertInto('memberships')
          .values({ org_id: mouscron, user_id: ctx.userId, roles: ['org_admin'] })
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const org = await withContext(t.deps.db, ctx, (trx) =>
      sql`update organisations set mfa_required = true where id = ${mouscron}`.execute(trx),
    );
    expect(Number(org.numAffectedRows)).toBe(0);
    expect(
      (await admin.get('/api/admin/members'))
        .json()
        .members.find((m: { userId: string }) => m.userId === referentId).active,
    ).toBe(true);
  });

  it('makes members without a second factor set one up once the organisation requires it', async () => {
    const refused = await admin.patch('/api/admin/organisation/security', { mfaRequired: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('admin.members.errors.own_mfa_first');

    const setup = (await admin.post('/api/auth/totp/setup')).json();
    const code = totpCode(setup.secret, timeStep(Date.now()));
    expect((await admin.post('/api/auth/totp/enable', { code })).statusCode).toBe(200);
    expect((await admin.patch('/api/admin/organisation/security', { mfaRequired: true })).statusCode).toBe(
      200,
    );
    expect((await admin.get('/api/admin/members')).json().organisation.mfaRequired).toBe(true);

    const referent = await t.login('referent@cpas-mouscron.example');
    expect((await referent.get('/api/auth/session')).json().mfaSetupRequired).toBe(true);
    const blocked = await referent.get('/api/dashboard');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.mfa_setup_required');

    expect((await admin.patch('/api/admin/organisation/security', { mfaRequired: false })).statusCode).toBe(
      200,
    );
    expect((await referent.get('/api/auth/session')).json().mfaSetupRequired).toBe(false);
    const referentAdmin = await t.login('referent@cpas-mouscron.example');
    expect(
      (await referentAdmin.patch('/api/admin/organisation/security', { mfaRequired: false })).statusCode,
    ).toBe(403);
  });
});
