import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { engineAvailable } from '../../../test/support/engine';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/accounts';
import { timeStep, totpCode } from './auth/totp';
import { withContext } from './db/context';

/**
 * Issue 16, HTTP hardening of sessions: cookie flags, session fixation, CSRF and password spraying. The
 * application runs behind a trusted proxy (10.0.0.0/8) with a plain-http PUBLIC_URL; every sign-in comes
 * from its own address unless the test is about one address, so the sign-in limit (5 a minute an
 * address here) only bites where it is meant to.
 */
const available = await engineAvailable();
const LIMIT = 5;

describe.skipIf(!available)('sessions, CSRF and sign-in throttling', () => {
  let t: TestApp;
  let next = 1;
  /** A fresh client address for each call (TEST-NET-2), so no test eats another's sign-in budget. */
  const fresh = () => `198.51.100.${next++}`;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '10.0.0.0/8', LOGIN_RATE_LIMIT: String(LIMIT) } });
  }, 600_000);
  afterAll(async () => t?.close());

  const cookieOf = (r: { headers: Record<string, unknown> }) => {
    const raw = r.headers['set-cookie'];
    const line = String(Array.isArray(raw) ? raw.find((c) => String(c).startsWith('samen_session=')) : raw);
    return { line, pair: line.split(';')[0]!, value: line.split(';')[0]!.split('=')[1]! };
  };
  const signIn = (
    email: string,
    opts: { ip?: string; headers?: Record<string, string>; password?: string } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: opts.ip ?? fresh(),
      headers: opts.headers ?? {},
      payload: { email, password: opts.password ?? DEMO_PASSWORD },
    });
  const sessionOf = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie }, remoteAddress: fresh() });
  const auditCount = async (where: ReturnType<typeof sql>) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from audit.log where ${where}`.execute(
        t.db.engine.db,
      )
    ).rows[0]!.n;

  describe('cookie flags', () => {
    it('sets HttpOnly, SameSite=Lax, Path=/ and no Secure over plain http', async () => {
      const { line } = cookieOf(await signIn('referent@cpas-mouscron.example'));
      expect(line).toMatch(/^samen_session=[A-Za-z0-9_-]{32,}/);
      expect(line).toMatch(/; HttpOnly/i);
      expect(line).toMatch(/; SameSite=Lax/i);
      expect(line).toMatch(/; Path=\//i);
      expect(line).not.toMatch(/; Secure/i);
    });

    it('adds Secure when the trusted proxy ended TLS (X-Forwarded-Proto https), not when a client claims it', async () => {
      const viaProxy = cookieOf(
        await signIn('referent@cpas-mouscron.example', {
          ip: '10.0.0.2',
          headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': fresh() },
        }),
      );
      expect(viaProxy.line).toMatch(/; Secure/i);
      const spoofed = cookieOf(
        await signIn('referent@cpas-mouscron.example', { headers: { 'x-forwarded-proto': 'https' } }),
      );
      expect(spoofed.line).not.toMatch(/; Secure/i);
    });
  });

  describe('session fixation', () => {
    it('never adopts a session cookie the attacker chose', async () => {
      const chosen = 'attacker-chosen-session-value-0123456789abcdef';
      const r = await signIn('referent@cpas-mouscron.example', {
        headers: { cookie: `samen_session=${chosen}` },
      });
      expect(r.statusCode).toBe(200);
      const issued = cookieOf(r);
      expect(issued.value).not.toBe(chosen);
      expect((await sessionOf(`samen_session=${chosen}`)).statusCode).toBe(401);
      expect((await sessionOf(issued.pair)).statusCode).toBe(200);
    });

    it('issues a new session at sign-in and ends the one the browser held before', async () => {
      const first = cookieOf(await signIn('coordination@cpas-mouscron.example'));
      const csrf = (await sessionOf(first.pair)).json().csrfToken;
      // Someone else signs in on the same browser (a shared office computer).
      const again = await signIn('referent@cpas-mouscron.example', {
        headers: { cookie: first.pair, 'x-csrf-token': csrf },
      });
      expect(again.statusCode).toBe(200);
      const second = cookieOf(again);
      expect(second.value).not.toBe(first.value);
      expect((await sessionOf(first.pair)).statusCode).toBe(401);
      expect((await sessionOf(second.pair)).json().user.email).toBe('referent@cpas-mouscron.example');
    });

    it('replaces the session issued before the second factor once the code is given', async () => {
      const email = 'trajectbegeleider@ocmw-kortrijk.example';
      const s = cookieOf(await signIn(email));
      const csrf = (await sessionOf(s.pair)).json().csrfToken;
      const headers = { cookie: s.pair, 'x-csrf-token': csrf };
      const post = (url: string, payload: object, h = headers) =>
        t.app.inject({ method: 'POST', url, headers: h, payload, remoteAddress: fresh() });
      const setup = (await post('/api/auth/totp/setup', {})).json();
      const step = timeStep(Date.now());
      expect((await post('/api/auth/totp/enable', { code: totpCode(setup.secret, step) })).statusCode).toBe(
        200,
      );

      const pending = cookieOf(await signIn(email));
      const pendingView = (await sessionOf(pending.pair)).json();
      expect(pendingView.mfaRequired).toBe(true);
      const done = await post(
        '/api/auth/mfa',
        { code: totpCode(setup.secret, step + 1) },
        { cookie: pending.pair, 'x-csrf-token': pendingView.csrfToken },
      );
      expect(done.statusCode).toBe(200);
      const full = cookieOf(done);
      expect(full.value).toBeTruthy();
      expect(full.value).not.toBe(pending.value);
      expect((await sessionOf(pending.pair)).statusCode).toBe(401);
      const view = (await sessionOf(full.pair)).json();
      expect(view.mfaRequired).toBeUndefined();
      expect(view.user.email).toBe(email);
    });
  });

  describe('CSRF', () => {
    it('refuses a state change with a valid session but a missing or wrong token, and writes nothing', async () => {
      const email = 'referent@cpas-mouscron.example';
      const { pair } = cookieOf(await signIn(email));
      const csrf = (await sessionOf(pair)).json().csrfToken as string;
      const before = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
        trx
          .selectFrom('users')
          .select(['display_name', 'locale'])
          .where('email', '=', email)
          .executeTakeFirstOrThrow(),
      );
      const wrong = `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}`;
      for (const token of [undefined, '', wrong, 'x'.repeat(200)]) {
        const r = await t.app.inject({
          method: 'PATCH',
          url: '/api/me/preferences',
          remoteAddress: fresh(),
          headers: { cookie: pair, ...(token === undefined ? {} : { 'x-csrf-token': token }) },
          payload: { displayName: 'Forged by another site', language: 'nl' },
        });
        expect(r.statusCode, String(token)).toBe(403);
        expect(r.json().error.code).toBe('errors.csrf');
      }
      const logout = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        remoteAddress: fresh(),
        headers: { cookie: pair },
      });
      expect(logout.statusCode).toBe(403);
      const after = await withContext(t.deps.db, { platformAdmin: true }, (trx) =>
        trx
          .selectFrom('users')
          .select(['display_name', 'locale'])
          .where('email', '=', email)
          .executeTakeFirstOrThrow(),
      );
      expect(after).toEqual(before);
      expect((await sessionOf(pair)).statusCode).toBe(200); // the forged logout ended nothing
      // The right token goes through: the refusals above were about the token only.
      const ok = await t.app.inject({
        method: 'PATCH',
        url: '/api/me/preferences',
        remoteAddress: fresh(),
        headers: { cookie: pair, 'x-csrf-token': csrf },
        payload: { displayName: before.display_name, language: 'fr' },
      });
      expect(ok.statusCode).toBe(200);
    });

    it('refuses an anonymous state change posted from another origin, and records nothing', async () => {
      const ip = fresh();
      const before = await auditCount(sql`detail->>'ip' = ${ip}`);
      for (const headers of <Array<Record<string, string>>>[
        { origin: 'https://evil.example' },
        { referer: 'https://evil.example/phish' },
        { origin: 'null' },
      ]) {
        const r = await signIn('referent@cpas-mouscron.example', { ip, headers, password: 'wrong-password' });
        expect(r.statusCode, JSON.stringify(headers)).toBe(403);
        expect(r.json().error.code).toBe('errors.csrf');
        const reset = await t.app.inject({
          method: 'POST',
          url: '/api/auth/password-reset/request',
          remoteAddress: fresh(),
          headers,
          payload: { email: 'referent@cpas-mouscron.example' },
        });
        expect(reset.statusCode).toBe(403);
      }
      expect(await auditCount(sql`detail->>'ip' = ${ip}`)).toBe(before);
    });
  });

  describe('password spraying', () => {
    it('throttles one address trying one common password on many accounts, alike for every account, and audits it', async () => {
      const ip = '203.0.113.99';
      const real = DEMO_ACCOUNTS.map((a) => a.email).filter((e) => !e.startsWith('admin@samen'));
      const unknown = real.map((e) => e.replace('@', '.nobody@'));
      const targets = real.flatMap((e, i) => [e, unknown[i]!]);
      expect(targets.length).toBeGreaterThan(3 * LIMIT);
      const answers: Awaited<ReturnType<typeof signIn>>[] = [];
      for (const email of targets) answers.push(await signIn(email, { ip, password: 'Welkom2026!' }));
      const statuses = answers.map((r) => r.statusCode);
      expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
      expect(statuses.slice(LIMIT).every((s) => s === 429)).toBe(true);

      // Once throttled, the answer tells nothing about the account: same status, body and headers
      // whether the address exists, does not, or even comes with the right password.
      const shape = (r: (typeof answers)[number]) => ({
        status: r.statusCode,
        body: r.json(),
        headers: Object.keys(r.headers)
          .filter((h) => !['date', 'x-ratelimit-reset', 'retry-after'].includes(h))
          .sort(),
      });
      const existing = shape(await signIn(real[0]!, { ip, password: 'Welkom2026!' }));
      const missing = shape(await signIn(unknown[0]!, { ip, password: 'Welkom2026!' }));
      const right = shape(await signIn(real[1]!, { ip }));
      expect(missing).toEqual(existing);
      expect(right).toEqual(existing);
      expect(existing.status).toBe(429);
      expect(existing.body.error.code).toBe('errors.rate_limited');

      // Another address is not affected (the limit is per address).
      expect((await signIn(real[0]!, { password: 'Welkom2026!' })).statusCode).toBe(401);

      // The failures before the limit are each in the log; the throttling once for the window.
      const throttled = sql`action = 'login_failed' and detail->>'reason' = 'throttled' and detail->>'ip' = ${ip}`;
      for (let i = 0; i < 50 && (await auditCount(throttled)) === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await auditCount(throttled)).toBe(1);
      expect(
        await auditCount(
          sql`action = 'login_failed' and detail->>'reason' <> 'throttled' and detail->>'ip' = ${ip}`,
        ),
      ).toBe(LIMIT);
      console.info(
        `password spraying: ${targets.length + 3} attempts from one address on ${real.length} accounts ` +
          `(+${unknown.length} unknown addresses): ${LIMIT} answered 401, the rest 429, 1 throttling entry audited`,
      );
    });
  });
});
