import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { engineAvailable } from '../../../test/support/engine';
import { DEMO_PASSWORD } from '../demo/accounts';
import { timeStep, totpCode } from './auth/totp';
import { withContext } from './db/context';

/**
 * Issue 7, items 4, 14, 15 and 17: proxy trust, what a session waiting for its second factor may do, the
 * origin check behind a proxy, the API documentation switch, the session cookie's lifetime and changing
 * a password to itself. Each test fails on the code before the fix.
 */
const available = await engineAvailable();

/** Audit entries (any chain) whose detail mentions an address. */
async function auditMentions(t: TestApp, address: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit.log
    where detail::text like ${`%${address}%`}`.execute(t.db.engine.db);
  return r.rows[0]!.n;
}

describe.skipIf(!available)('behind a reverse proxy (TRUST_PROXY=1, PUBLIC_URL, API_DOCS=false)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      seed: false,
      env: {
        TRUST_PROXY: '1',
        LOGIN_RATE_LIMIT: '3',
        PUBLIC_URL: 'https://samen.example',
        API_DOCS: 'false',
      },
    });
  });
  afterAll(async () => t?.close());

  const PROXY = '10.0.0.2';
  const attempt = (clientAddress: string, spoofed: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: PROXY,
      // The proxy appends the address it saw; whatever the client wrote comes before it.
      headers: { 'x-forwarded-for': `${spoofed}, ${clientAddress}`, ...headers },
      payload: { email: 'nobody@samen.example', password: 'wrong-password' },
    });

  it('does not let a client reset the sign-in rate limit by rotating a forged left-most hop', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await attempt('198.51.100.7', `203.0.113.${i}`)).statusCode);
    expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // The limit is per client, not one bucket for everyone behind the proxy.
    expect((await attempt('198.51.100.8', '203.0.113.1')).statusCode).toBe(401);
  });

  it('accepts an anonymous sign-in whose Origin is PUBLIC_URL when the proxy rewrote the Host header', async () => {
    const r = await attempt('198.51.100.9', '203.0.113.9', {
      origin: 'https://samen.example',
      host: 'samen-backend:8080',
    });
    expect(r.statusCode).toBe(401); // wrong password: the request got through the origin check
    expect(r.json().error.code).not.toBe('errors.csrf');
  });

  it('refuses an anonymous state change from another origin, even one matching its own Host', async () => {
    for (const [origin, host] of [
      ['https://evil.example', 'evil.example'],
      ['https://evil.example', 'samen.example'],
      ['http://samen.example', 'samen.example'],
    ]) {
      const r = await attempt('198.51.100.10', '203.0.113.10', { origin: origin!, host: host! });
      expect(r.statusCode, origin).toBe(403);
      expect(r.json().error.code).toBe('errors.csrf');
    }
  });

  it('serves no API documentation when API_DOCS is false', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/json', '/api/openapi.json']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('errors.not_found');
    }
  });
});

describe.skipIf(!available)('sessions, second factor and passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '10.0.0.0/8' } });
  });
  afterAll(async () => t?.close());

  const login = (email: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers,
      payload: { email, password: DEMO_PASSWORD },
    });

  it('records the address the trusted proxy saw, not a forged hop, nor the header of a direct client', async () => {
    const viaProxy = await login('admin@cpas-mouscron.example', '10.0.0.2', {
      'x-forwarded-for': '203.0.113.66, 198.51.100.66',
    });
    expect(viaProxy.statusCode).toBe(200);
    const direct = await login('admin@cpas-mouscron.example', '192.0.2.77', {
      'x-forwarded-for': '203.0.113.77',
    });
    expect(direct.statusCode).toBe(200);
    expect(await auditMentions(t, '198.51.100.66')).toBeGreaterThan(0);
    expect(await auditMentions(t, '192.0.2.77')).toBeGreaterThan(0);
    expect(await auditMentions(t, '203.0.113.66')).toBe(0);
    expect(await auditMentions(t, '203.0.113.77')).toBe(0);
  });

  it('sets a session cookie that ends with the browser (no Max-Age, no Expires)', async () => {
    const r = await login('referent@ccas-roubaix.example', '127.0.0.1');
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^samen_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Max-Age/i);
    expect(cookie).not.toMatch(/Expires/i);
  });

  it('does not let a session waiting for its second-factor code change the profile', async () => {
    const email = 'tuteur@atelier-roubaix.example';
    const c = await t.login(email);
    const setup = (await c.post('/api/auth/totp/setup')).json();
    const code = totpCode(setup.secret, timeStep(Date.now()));
    expect((await c.post('/api/auth/totp/enable', { code })).statusCode).toBe(200);

    const first = await login(email, '127.0.0.1');
    expect(first.json().status).toBe('mfa_required');
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    const session = (
      await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })
    ).json();
    const headers = { cookie, 'x-csrf-token': session.csrfToken };
    const r = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers,
      payload: { displayName: 'Changed before the code', language: 'nl' },
    });
    expect(r.statusCode).toBe(401);
    const user = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx
        .selectFrom('users')
        .select(['display_name', 'locale'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow(),
    );
    expect(user.display_name).not.toBe('Changed before the code');
    expect(user.locale).not.toBe('nl');
  });

  it('still lets a member who must set up a mandatory second factor change the language', async () => {
    await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
      trx
        .updateTable('organisations')
        .set({ mfa_required: true })
        .where('short_name', '=', 'OCMW Kortrijk')
        .execute(),
    );
    const c = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    expect((await c.get('/api/auth/session')).json().mfaSetupRequired).toBe(true);
    expect((await c.patch('/api/me/preferences', { language: 'fr' })).statusCode).toBe(200);
    expect((await c.get('/api/dashboard')).statusCode).toBe(403);
  });

  it('refuses to "change" the password to the current one, with a translated field error', async () => {
    const c = await t.login('analist@west-vlaanderen.example');
    const r = await c.post('/api/me/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: DEMO_PASSWORD,
    });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.error.code).toBe('errors.validation');
    expect(body.error.fields).toEqual([
      {
        path: 'newPassword',
        code: 'auth.password.same_as_current',
        message: 'Het nieuwe wachtwoord moet verschillen van het huidige.', // the analyst reads Dutch
      },
    ]);
    // The session and the password are untouched.
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    expect((await login('analist@west-vlaanderen.example', '127.0.0.1')).statusCode).toBe(200);
  });

  it('serves the API documentation when API_DOCS is on (outside production by default)', async () => {
    expect(t.deps.config.apiDocs).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });

  it('sends a style-src without unsafe-inline', async () => {
    const csp = String(
      (await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy'],
    );
    const styleSrc = csp.split(';').find((d) => d.trim().startsWith('style-src'));
    expect(styleSrc?.trim()).toBe("style-src 'self'");
  });
});
