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
    expect(r.json().error.message).toMatch(/^Het e-mailadres of wachtwoord is niet correct/);
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

  it('locks the account after repeated failures, even with the right password, tells its holder by mail only, and audits it', async () => {
    const email = 'benevolat@ccas-lille.example';
    for (let i = 0; i < 3; i++) expect((await loginRaw(email, 'nope')).statusCode).toBe(401);
    const locked = await loginRaw(email, DEMO_PASSWORD);
    // The same answer as for an unknown address or a wrong password: the form never says "locked".
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('auth.invalid_credentials_or_locked');
    const unknown = await loginRaw('nobody-here@ccas-lille.example', DEMO_PASSWORD);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(locked.json());
    const mails = await t.deliverMail();
    const notice = mails.filter((m) => m.to === email);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.subject).toMatch(/bloqué/);
    const failures = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx.selectFrom('audit.log').select(['detail']).where('action', '=', 'login_failed').execute(),
    );
    const reasons = failures.map((f) => (f.detail as { reason: string }).reason);
    expect(reasons.filter((r) => r === 'password').length).toBeGreaterThanOrEqual(3);
    expect(reasons).toContain('locked');
    // Failed sign-ins for unknown addresses leave a trace too (committed although the request fails).
    expect(reasons).toContain('unknown');
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

    // Never before the idle time (the last activity is written at most once a minute)…
    const d = await t.login('analist@west-vlaanderen.example');
    await sql`update sessions set last_seen_at = now() - interval '30 minutes 30 seconds'`.execute(t.deps.db);
    expect((await d.get('/api/auth/session')).statusCode).toBe(200);
    // …and at most a minute after it.
    await sql`update sessions set last_seen_at = now() - interval '31 minutes 5 seconds'`.execute(t.deps.db);
    expect((await d.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('resets a forgotten password through a single-use e-mailed link', async () => {
    const email = 'interprete@setis.example';
    const r = await t.anonymous.post('/api/auth/password-reset/request', { email });
    expect(r.statusCode).toBe(202);
    const unknown = await t.anonymous.post('/api/auth/password-reset/request', { email: 'nobody@x.example' });
    expect(unknown.statusCode).toBe(202);
    const mails = (await t.deliverMail()).filter((m) => m.subject.includes('mot de passe'));
    expect(mails.map((m) => m.to)).toEqual([email]);
    const token = mails[0]!.text.match(/#token=([\w-]+)/)![1]!;
    // The outbox keeps the mail without the link: only the addressee ever reads a live token.
    const stored = await sql<{ body_text: string; secret_enc: string | null; org_id: string | null }>`
      select body_text, secret_enc, org_id from mail_outbox where template = 'password_reset'`.execute(
      t.deps.db,
    );
    expect(stored.rows[0]!.body_text).not.toContain(token);
    expect(stored.rows[0]!.body_text).not.toContain('#token=');
    expect(stored.rows[0]!.secret_enc).toBeNull();
    expect(stored.rows[0]!.org_id).toBeNull();

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
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      payload: { code: next },
      headers,
    });
    expect(done.statusCode).toBe(200);
    // The session issued before the code is replaced (issue 16, session fixation): the new cookie signs in.
    const signedIn = String(done.headers['set-cookie']).split(';')[0]!;
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard', headers })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie: signedIn } }))
        .statusCode,
    ).toBe(200);
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

  it('counts wrong second-factor codes toward the lock-out, and a locked account takes no code', async () => {
    const email = 'admin@cpas-mouscron.example';
    const c = await t.login(email);
    const setup = (await c.post('/api/auth/totp/setup')).json();
    expect(
      (await c.post('/api/auth/totp/enable', { code: totpCode(setup.secret, timeStep(Date.now())) }))
        .statusCode,
    ).toBe(200);
    const pending = await loginRaw(email, DEMO_PASSWORD);
    const cookie = String(pending.headers['set-cookie']).split(';')[0]!;
    const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json()
      .csrfToken;
    const headers = { cookie, 'x-csrf-token': csrf };
    const wrong = () =>
      t.app.inject({ method: 'POST', url: '/api/auth/mfa', payload: { code: '000001' }, headers });
    // LOGIN_MAX_FAILURES is 3 here: three wrong codes lock the account…
    for (let i = 0; i < 3; i++) expect((await wrong()).statusCode).toBe(400);
    const counter = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx
        .selectFrom('users')
        .select(['failed_login_count', 'locked_until'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow(),
    );
    expect(counter.failed_login_count).toBe(3);
    expect(counter.locked_until).not.toBeNull();
    // …after which even the right code is refused, and so is the password (whoever knows it).
    const right = totpCode(setup.secret, timeStep(Date.now()) + 1);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/mfa', payload: { code: right }, headers }))
        .statusCode,
    ).toBe(400);
    expect((await loginRaw(email, DEMO_PASSWORD)).statusCode).toBe(401);
    // Knowing the password does not reset the count between guesses either.
    await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx
        .updateTable('users')
        .set({ failed_login_count: 0, locked_until: null })
        .where('email', '=', email)
        .execute(),
    );
    await loginRaw(email, DEMO_PASSWORD);
    await wrong();
    await loginRaw(email, DEMO_PASSWORD);
    const after = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx
        .selectFrom('users')
        .select('failed_login_count')
        .where('email', '=', email)
        .executeTakeFirstOrThrow(),
    );
    expect(after.failed_login_count).toBe(1);
  });

  it('answers every reset request the same way and sends each account few links, each ending the others', async () => {
    const email = 'coordination@udccas-nord.example';
    const known = await t.anonymous.post('/api/auth/password-reset/request', { email });
    const unknown = await t.anonymous.post('/api/auth/password-reset/request', {
      email: 'nobody@udccas-nord.example',
    });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    // The request only queues the same job, whoever asks: the answer takes the same time and does the same work.
    const jobs = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx
        .selectFrom('jobs')
        .select(['payload'])
        .where('queue', '=', 'auth.reset_request')
        .where('status', '=', 'queued')
        .execute(),
    );
    expect(jobs.map((j) => (j.payload as { email: string }).email)).toEqual(
      expect.arrayContaining([email, 'nobody@udccas-nord.example']),
    );
    // Many requests in a row: one link, not one per request.
    for (let i = 0; i < 10; i++) await t.anonymous.post('/api/auth/password-reset/request', { email });
    const mails = (await t.deliverMail()).filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    const first = mails[0]!.text.match(/#token=([\w-]+)/)![1]!;
    // A second link a minute later; using it ends the first one too.
    await sql`update password_resets set created_at = created_at - interval '2 minutes'`.execute(t.deps.db);
    await t.anonymous.post('/api/auth/password-reset/request', { email });
    const second = (await t.deliverMail()).find((m) => m.to === email)!.text.match(/#token=([\w-]+)/)![1]!;
    expect(second).not.toBe(first);
    const pw = 'marée haute sur la Lys 2026';
    expect(
      (await t.anonymous.post('/api/auth/password-reset/confirm', { token: second, password: pw }))
        .statusCode,
    ).toBe(200);
    const old = await t.anonymous.post('/api/auth/password-reset/confirm', {
      token: first,
      password: `${pw}!`,
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.code).toBe('auth.reset_invalid');
  });
});

describe.skipIf(!available)('the platform administrator in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production', SEED_DEMO: 'false' } });
  });
  afterAll(async () => t?.close());

  it('must set up a second factor before anything else', async () => {
    const c = await t.login('admin@samen.example');
    expect((await c.get('/api/auth/session')).json().mfaSetupRequired).toBe(true);
    const blocked = await c.get('/api/organisations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.mfa_setup_required');
    expect((await c.post('/api/auth/totp/setup')).statusCode).toBe(200);
  });
});
