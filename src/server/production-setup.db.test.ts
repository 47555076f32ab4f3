import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_TEST_URL, pgAvailable, testEngineKind } from '../../test/support/engine';
import { cleanEnv, freePort, killGroup, npmRun, output, ROOT } from '../../test/support/process';
import { DEMO_PASSWORD } from './demo/accounts';

// Issue 7, item 3: the README's "Production on PostgreSQL", followed to the letter on the CI's server.
// The owner runs the migrations and is an ordinary role (not superuser, no BYPASSRLS); the app signs in
// as a login role that is only granted samen_app; the server runs with NODE_ENV=production. Then a
// referent signs in over HTTP and writes a person. Only the PostgreSQL project runs it.
const available = testEngineKind === 'pg' && (await pgAvailable());

describe.skipIf(!available)('production setup on PostgreSQL, as the README says', () => {
  const suffix = randomBytes(5).toString('hex');
  const database = `samen_t_prod_${suffix}`;
  const owner = `samen_t_owner_${suffix}`;
  const login = `samen_t_web_${suffix}`;
  const loginPassword = randomBytes(12).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'samen-prod-'));
  const keys = {
    SAMEN_SECRET_KEY: randomBytes(32).toString('base64'),
    SAMEN_NETWORK_SECRET: randomBytes(32).toString('base64'),
  };
  const urlAs = (user: string, password = '') => {
    const u = new URL(PG_TEST_URL);
    u.username = user;
    u.password = password;
    u.pathname = `/${database}`;
    return u.toString();
  };
  const ownerUrl = urlAs(owner);
  const loginUrl = urlAs(login, loginPassword);
  let server: ChildProcess | undefined;
  let serverOutput = '';

  /** Statements run by the cluster's administrator (the test server's superuser). */
  const dba = async (statements: string[]) => {
    const c = new pg.Client({ connectionString: PG_TEST_URL });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    // Step 1's owner: an ordinary role that owns the database. CREATEROLE because the first migration
    // creates samen_app when the cluster does not have it yet ("created by the first migration").
    await dba([
      `create role ${owner} login nosuperuser nobypassrls nocreatedb createrole`,
      `create database ${database} owner ${owner}`,
    ]);
  });

  afterAll(async () => {
    if (server) {
      killGroup(server, 'SIGTERM');
      await new Promise((r) => {
        const force = setTimeout(() => {
          if (server) killGroup(server, 'SIGKILL');
          r(undefined);
        }, 20_000);
        server!.once('exit', () => {
          clearTimeout(force);
          r(undefined);
        });
        if (server!.exitCode !== null || server!.signalCode !== null) r(undefined);
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
    await dba([
      `drop database if exists ${database} with (force)`,
      `drop role if exists ${login}`,
      `drop role if exists ${owner}`,
    ]);
  });

  it('migrates as the owner, seeds, starts with NODE_ENV=production, signs in and writes', async () => {
    // 1. "run it once as the owner, e.g. DATABASE_URL=postgres://owner@db/samen npm run migrate"
    const migrated = await npmRun('migrate', cleanEnv({ DATABASE_URL: ownerUrl, DATA_DIR: dataDir }));
    expect(migrated.code, `npm run migrate as the owner\n${output(migrated)}`).toBe(0);
    const roles = new pg.Client({ connectionString: ownerUrl });
    await roles.connect();
    const attrs = await roles.query(
      'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    await roles.end();
    expect(attrs.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);

    // 1. "create role samen_web login password '…'; grant samen_app to samen_web;"
    await dba([`create role ${login} login password '${loginPassword}'`, `grant samen_app to ${login}`]);

    // The demo network, through the CLI with the production variables, as an operator would seed a
    // staging copy (seed:demo refuses NODE_ENV=production, so that one variable is left out).
    const production = {
      DATABASE_URL: loginUrl,
      DATABASE_MIGRATION_URL: ownerUrl,
      ...keys,
      DATA_DIR: dataDir,
    };
    const seeded = await npmRun('seed:demo', cleanEnv(production), 240_000);
    expect(seeded.code, `npm run seed:demo\n${output(seeded)}`).toBe(0);

    // 2. The app process: NODE_ENV=production, the login role, the owner for migrations, the keys.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv({
        ...production,
        NODE_ENV: 'production',
        PUBLIC_URL: publicUrl,
        SEED_DEMO: 'false',
        WEB_DIR: '/nonexistent',
        HOST: '127.0.0.1',
        PORT: String(port),
      }),
    });
    server.stdout!.on('data', (d) => {
      serverOutput += d;
    });
    server.stderr!.on('data', (d) => {
      serverOutput += d;
    });
    const log = () => `--- server output\n${serverOutput.slice(-6000)}`;

    const deadline = Date.now() + 90_000;
    let health: { status: string; engine: string } | undefined;
    while (!health) {
      if (server.exitCode !== null)
        throw new Error(`the server exited with code ${server.exitCode} before answering\n${log()}`);
      try {
        const r = await fetch(`${publicUrl}/api/health`);
        if (r.ok) health = await r.json();
      } catch {
        // not listening yet
      }
      if (!health && Date.now() > deadline) throw new Error(`no answer from /api/health in 90 s\n${log()}`);
      if (!health) await new Promise((r) => setTimeout(r, 300));
    }
    expect(health).toMatchObject({ status: 'ok', engine: 'postgres' });

    // Sign in over HTTP: an anonymous POST carries the page's Origin, which must be PUBLIC_URL's.
    const signIn = await fetch(`${publicUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: publicUrl },
      body: JSON.stringify({ email: 'referent@cpas-mouscron.example', password: DEMO_PASSWORD }),
    });
    const signInBody = await signIn.text();
    expect(signIn.status, `sign-in: ${signInBody}\n${log()}`).toBe(200);
    expect(JSON.parse(signInBody)).toEqual({ status: 'ok' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^samen_session=./);

    const session = await fetch(`${publicUrl}/api/auth/session`, { headers: { cookie } });
    const sessionBody = await session.text();
    expect(session.status, `session: ${sessionBody}\n${log()}`).toBe(200);
    const csrf = JSON.parse(sessionBody).csrfToken as string;
    expect(csrf).toBeTruthy();
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', origin: publicUrl };

    // Write: a new person in the referent's centre (audited, under row-level security), then read it back.
    const lastName = `Productie-${suffix}`;
    const created = await fetch(`${publicUrl}/api/people`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        firstName: 'Camille',
        lastName,
        birthDate: '1984-03-21',
        preferredLanguage: 'fr',
      }),
    });
    const createdBody = await created.text();
    expect(created.status, `create a person: ${createdBody}\n${log()}`).toBe(201);
    const id = JSON.parse(createdBody).person.id as string;

    const read = await fetch(`${publicUrl}/api/people/${id}`, { headers: { cookie } });
    const readBody = await read.text();
    expect(read.status, `read the person back: ${readBody}\n${log()}`).toBe(200);
    expect(JSON.parse(readBody)).toMatchObject({
      id,
      firstName: 'Camille',
      lastName,
      birthDate: '1984-03-21',
    });
  }, 600_000);
});
