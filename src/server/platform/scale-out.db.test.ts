import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_TEST_URL, pgAvailable, testEngineKind } from '../../../test/support/engine';
import { killGroup } from '../../../test/support/process';
import { HttpClient, type ServerProcess, startServer } from '../../../test/support/server-process';
import { DEMO_PASSWORD } from '../demo/accounts';
import { RESET_REQUEST_QUEUE } from './auth/password-reset';

// Several processes need a server: on PGlite (one process per data folder) there is nothing to share.
// On the PostgreSQL project this runs whenever the server answers (and fails under CI or REQUIRE_PG
// when it does not): it is never skipped because something went wrong.
const enabled = testEngineKind === 'pg' && (await pgAvailable());
const DIRECTORY_LIMIT = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Issue 15: two real app processes on one PostgreSQL database (docs/operations.md, ADR 0029). */
describe.skipIf(!enabled)('two app processes on one PostgreSQL database', () => {
  const name = `samen_scaleout_${randomBytes(5).toString('hex')}`;
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  const dirs: string[] = [];
  let owner: pg.Pool;
  let p1: ServerProcess;
  let p2: ServerProcess;
  let p2ReadyAt = 0;

  const q = async <R>(text: string, params: unknown[] = []) => (await owner.query(text, params)).rows as R[];
  const vars = (seed: boolean, extra: Record<string, string> = {}) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samen-scaleout-'));
    dirs.push(dataDir);
    return {
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      // Shared keys: both processes encrypt and derive participant codes alike.
      SAMEN_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
      SAMEN_NETWORK_SECRET: Buffer.alloc(32, 5).toString('base64'),
      SEED_DEMO: String(seed),
      LOGIN_RATE_LIMIT: '1000',
      DIRECTORY_RATE_LIMIT: String(DIRECTORY_LIMIT),
      DB_POOL_SIZE: '4',
      LOG_LEVEL: 'warn',
      ...extra,
    };
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG_TEST_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    owner = new pg.Pool({ connectionString: url.toString(), max: 2 });
    // The first process migrates and seeds; the second finds both done (only one process may seed).
    p1 = await startServer(vars(true));
    p2 = await startServer(vars(false, { LOG_LEVEL: 'debug' }));
    p2ReadyAt = Date.now();
  }, 540_000);

  afterAll(async () => {
    await Promise.all([p1?.stop(), p2?.stop()]);
    await owner?.end();
    const admin = new pg.Client({ connectionString: PG_TEST_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it('accepts a session opened on one process on the other, and ends it on both', async () => {
    const { client } = await HttpClient.login(p1.url, 'referent@cpas-mouscron.example', DEMO_PASSWORD);
    expect(client).toBeDefined();
    const there = await client!.on(p2.url).get('/api/auth/session');
    expect(there.status).toBe(200);
    expect(JSON.stringify(there.json())).toContain('referent@cpas-mouscron.example');
    expect((await client!.on(p2.url).post('/api/auth/logout')).status).toBe(200);
    expect((await client!.get('/api/auth/session')).status).not.toBe(200);
  });

  it('locks an account out after failures spread over both processes', async () => {
    const email = 'coordination@udccas-nord.example';
    // LOGIN_MAX_FAILURES is 5: in memory per process, 2 + 3 would lock nothing.
    for (let i = 0; i < 5; i++)
      expect((await HttpClient.login(i % 2 ? p2.url : p1.url, email, 'not the password')).status).toBe(401);
    expect((await HttpClient.login(p2.url, email, DEMO_PASSWORD)).status).toBe(401);
    expect((await HttpClient.login(p1.url, email, DEMO_PASSWORD)).status).toBe(401);
    const [u] = await q<{ locked: boolean }>(
      'select locked_until > now() as locked from users where email = $1',
      [email],
    );
    expect(u?.locked).toBe(true);
  });

  it('counts a rate limit once for both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < DIRECTORY_LIMIT + 4; i++) {
      const r = await new HttpClient(i % 2 ? p2.url : p1.url).get('/api/directory/services?q=logement');
      statuses.push(r.status);
    }
    // Per process in memory, each would have allowed DIRECTORY_LIMIT: all 12 would pass.
    expect(statuses.filter((s) => s === 200)).toHaveLength(DIRECTORY_LIMIT);
    expect(statuses.slice(DIRECTORY_LIMIT)).toEqual([429, 429, 429, 429]);
  });

  it('runs a job enqueued on one process exactly once', async () => {
    const email = 'trajectbegeleider@ocmw-kortrijk.example';
    expect((await new HttpClient(p1.url).post('/api/auth/password-reset/request', { email })).status).toBe(
      202,
    );
    // And a batch straight into the queue, for both pollers to race on.
    for (let i = 0; i < 40; i++)
      await q(`insert into jobs (queue, payload) values ($1, $2)`, [
        RESET_REQUEST_QUEUE,
        JSON.stringify({ email: `nobody-${i}@scaleout.example` }),
      ]);
    const deadline = Date.now() + 60_000;
    let jobs: Array<{ status: string; attempts: number }> = [];
    while (Date.now() < deadline) {
      jobs = await q('select status, attempts from jobs where queue = $1', [RESET_REQUEST_QUEUE]);
      if (jobs.length === 41 && jobs.every((j) => j.status === 'done')) break;
      await sleep(500);
    }
    expect(jobs).toHaveLength(41);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    const mails = await q<{ n: number }>(
      `select count(*)::int as n from mail_outbox where template = 'password_reset' and to_address = $1`,
      [email],
    );
    expect(mails[0]?.n).toBe(1);
  });

  it('runs recurring work (reminders, purges) once across both processes', async () => {
    // Each process makes its first recurring pass 5 s after it starts.
    await sleep(Math.max(0, p2ReadyAt + 8_000 - Date.now()));
    const leases = await q<{ name: string; runs: number; hourly: boolean }>(
      `select name, runs, due_at - started_at >= interval '30 minutes' as hourly from app.recurring_leases`,
    );
    const hourly = leases.filter((l) => l.hourly);
    expect(hourly.map((l) => l.name)).toEqual(expect.arrayContaining(['placements.reminders', 'jobs.purge']));
    for (const l of hourly) expect(l, l.name).toMatchObject({ runs: 1 });
    // The second process did try, and found each one already run.
    expect(p2.output()).toContain('recurring task not due or running elsewhere');
    expect(p2.output()).toContain('"task":"placements.reminders"');
  });

  it('loses no acknowledged write when a process is killed mid-burst', async () => {
    const { client } = await HttpClient.login(p1.url, 'referent@cpas-mouscron.example', DEMO_PASSWORD);
    const acked: string[] = [];
    let failed = 0;
    let n = 0;
    let killed = false;
    const worker = async () => {
      // Until the kill cuts it (a refused or broken connection), or a bound that a failing run would hit.
      while (n < 2_000) {
        const i = n++;
        try {
          const r = await client!.post('/api/people', {
            firstName: 'Rafale',
            lastName: `Exemple-${i}`,
            birthDate: '1990-01-01',
          });
          if (r.status === 201) acked.push((r.json() as { person: { id: string } }).person.id);
          else failed++;
        } catch {
          failed++;
          if (killed) return;
        }
        if (!killed && acked.length >= 40) {
          killed = true;
          killGroup(p1.child, 'SIGKILL');
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker(), worker(), worker()]);
    expect(killed).toBe(true);
    expect(failed).toBeGreaterThan(0);
    const reader = client!.on(p2.url);
    for (const id of acked) expect((await reader.get(`/api/people/${id}`)).status, id).toBe(200);
    console.info(
      `scale-out: ${acked.length} writes acknowledged before SIGKILL, ${failed} cut, all read back on the other process`,
    );
  });
});
