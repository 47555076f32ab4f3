import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import { DEMO_PASSWORD } from '../../demo/accounts';
import { withContext } from '../db/context';
import { timeStep, totpCode } from './totp';

const available = await engineAvailable();

describe.skipIf(!available)('signing in, sessions and account security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30' } });
  });
  afterAll(async () => t?.close());

  const loginRaw = (email: string, password: string, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, ...extra } });

  it('signs in with the demo password and returns the session with roles and organisation', async () => {
    const c = await t.login('referent@cpas-mouscron.example');
    const s = (await c.get('/api/auth/session')).json();
    expect(s.roles).toEqual(['referent']);
    expect(s.user.language).toBe('fr');
    expect(s.memberships[0].nameNl).toBe('OCMW Moeskroen');
  });

  it('answers a wrong password with a translated error and no session', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'trajectbegeleider@ocmw-kortrijk.example', password: 'wrong' },
      headers: { 'x-samen-language': 'nl' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toBe('Het e-mailadres of wachtwoord is niet correct.');
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('refuses malformed input with field errors, never a 500', async () => {
    for (const payload of [
      {},
      { email: 'x' },
      { email: 'a@b.example', password: 1 },
      'not json',
      { email: 'a'.repeat(5000) },
    ]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object });
      expect(r.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
    }
  });

  it('locks the account after repeated failures, even with the right password, and audits it', async () => {
    const email = 'benevolat@ccas-lille.example';
    for (let i = 0; i < 3; i++)
      expect((await loginRaw(email, 'nope')).statusCode).toBeGreaterThanOrEqual(401);
    const locked = await loginRaw(email, DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.locked');
    const failures = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx.selectFrom('audit.log').select('action').where('action', '=', 'login_failed').execute(),
    );
    expect(failures.length).toBeGreaterThanOrEqual(3);
  });

  it('requires the CSRF token on state-changing requests of a session', async () => {
    const c = await t.login('admin@cpas-mouscron.example');
    const noToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      payload: { language: 'nl' },
      headers: { cookie: c.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('errors.csrf');
    expect((await c.patch('/api/me/preferences', { language: 'nl' })).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).json().user.language).toBe('nl');
  });

  it('refuses a cross-site anonymous post', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@samen.example', password: DEMO_PASSWORD },
      headers: { origin: 'https://evil.example', host: 'localhost' },
    });
    expect(r.statusCode).toBe(403);
  });

  it('ends the session on logout and after the idle time', async () => {
    const c = await t.login('analist@west-vlaanderen.example');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);

    const d = await t.login('analist@west-vlaanderen.example');
    await sql`update sessions set last_seen_at = now() - interval '31 minutes'`.execute(t.deps.db);
    expect((await d.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('resets a forgotten password through a single-use e-mailed link', async () => {
    const email = 'interprete@setis.example';
    const r = await t.anonymous.post('/api/auth/password-reset/request', { email });
    expect(r.statusCode).toBe(202);
    const unknown = await t.anonymous.post('/api/auth/password-reset/request', { email: 'nobody@x.example' });
    expect(unknown.statusCode).toBe(202);
    const mails = await sql<{ to_address: string; body_text: string; locale: string }>`
      select to_address, body_text, locale from mail_outbox where template = 'password_reset'`.execute(
      t.deps.db,
    );
    expect(mails.rows.map((m) => m.to_address)).toEqual([email]);
    expect(mails.rows[0]!.locale).toBe('fr');
    const token = mails.rows[0]!.body_text.match(/#token=([\w-]+)/)![1]!;

    const weak = await t.anonymous.post('/api/auth/password-reset/confirm', {
      token,
      password: 'motdepasse123',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].code).toMatch(/^auth\.password\./);

    const strong = 'violet tramway clairière 1987';
    expect(
      (await t.anonymous.post('/api/auth/password-reset/confirm', { token, password: strong })).statusCode,
    ).toBe(200);
    expect((await loginRaw(email, strong)).statusCode).toBe(200);
    const again = await t.anonymous.post('/api/auth/password-reset/confirm', {
      token,
      password: `${strong}!`,
    });
    expect(again.json().error.code).toBe('auth.reset_invalid');
  });

  it('enrols a TOTP second factor and then asks for it at sign-in, refusing replays', async () => {
    const email = 'tuteur@atelier-roubaix.example';
    const c = await t.login(email);
    const setup = (await c.post('/api/auth/totp/setup')).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    const bad = await c.post('/api/auth/totp/enable', { code: '000000' });
    expect(bad.statusCode).toBe(400);
    const code = totpCode(setup.secret, timeStep(Date.now()));
    expect((await c.post('/api/auth/totp/enable', { code })).statusCode).toBe(200);

    const first = await loginRaw(email, DEMO_PASSWORD);
    expect(first.json().status).toBe('mfa_required');
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    // A session waiting for its code is not signed in: protected routes answer 401.
    const dash = await t.app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie } });
    expect(dash.statusCode).toBe(401);
    const session = (
      await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })
    ).json();
    expect(session.mfaRequired).toBe(true);
    const headers = { cookie, 'x-csrf-token': session.csrfToken };
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/mfa', payload: { code }, headers });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('auth.mfa_invalid');
    const next = totpCode(setup.secret, timeStep(Date.now()) + 1);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/mfa', payload: { code: next }, headers }))
        .statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard', headers })).statusCode).toBe(200);
  });

  it('sends members of an organisation that requires 2FA to set it up first', async () => {
    await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx
        .updateTable('organisations')
        .set({ mfa_required: true })
        .where('short_name', '=', 'OCMW Kortrijk')
        .execute(),
    );
    const c = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    const s = (await c.get('/api/auth/session')).json();
    expect(s.mfaSetupRequired).toBe(true);
    expect((await c.get('/api/dashboard')).statusCode).toBe(403);
    expect((await c.post('/api/auth/totp/setup')).statusCode).toBe(200);
  });
});
