import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineAvailable, PG_TEST_URL, testEngineKind } from '../../../test/support/engine';
import { killGroup } from '../../../test/support/process';
import { HttpClient, type ServerProcess, startServer } from '../../../test/support/server-process';
import { DEMO_PASSWORD } from '../demo/accounts';
import { verifyAuditChains } from './audit-verify';
import { type Engine, openPglite, openPostgres } from './db/engine';

/**
 * Issue 16: `kill -9` of a real server process in the middle of an observatory import and of a burst of
 * person-record writes, then a restart on the same database (embedded PGlite on disk, or PostgreSQL). Every
 * acknowledged write must be there, every import whole or absent, and every audit chain intact.
 */
const enabled = await engineAvailable();
// Two kills per engine and run (middle and near the end of the import); CRASH_TRIALS=10 for a deeper run.
const TRIALS = Number(process.env.CRASH_TRIALS ?? 2);
const REFERENT = 'referent@cpas-mouscron.example';
const ANALYST = 'analist@west-vlaanderen.example';
const CODES = ['BE-34022', 'BE-34027', 'BE-57096'];
const ELEMENTS = ['DEMO_POP', 'DEMO_FAM', 'DEMO_FAM_MONO', 'DEMO_MIN_INC', 'DEMO_POP_18_64'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A long-format file of 5 elements × 3 municipalities × 600 months: 18,000 values in one transaction. */
function importFile(trial: number): { csv: string; values: number } {
  const lines = ['geo_code,period,element,value'];
  for (const element of ELEMENTS)
    for (let y = 1980; y < 2030; y++)
      for (let m = 1; m <= 12; m++)
        for (const c of CODES)
          lines.push(`${c},${y}-${String(m).padStart(2, '0')},${element},${y + m + trial}`);
  return { csv: lines.join('\n'), values: lines.length - 1 };
}

interface Trial {
  vintage: string;
  values: number;
  /** The import's answer arrived (200) before the kill. */
  importAcked: boolean;
  /** Milliseconds after the import request was sent that the process was killed. */
  killedAfterMs: number;
  acked: string[];
  cut: number;
  /** PostgreSQL: the import had written and not committed when the kill came. */
  insideTx?: boolean;
  outcome?: string;
}

describe.skipIf(!enabled)(`crash trials: kill -9 mid-import and mid-burst (${testEngineKind})`, () => {
  const work = mkdtempSync(join(tmpdir(), 'samen-crash-'));
  const dbName = `samen_reliability_crash_${randomBytes(4).toString('hex')}`;
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${dbName}`;
  const pgKind = testEngineKind === 'pg';
  let server: ServerProcess | undefined;
  const trials: Trial[] = [];
  let importMs = 0;

  const start = (seed: boolean) =>
    startServer({
      DATA_DIR: join(work, 'data'),
      SAMEN_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
      SAMEN_NETWORK_SECRET: Buffer.alloc(32, 5).toString('base64'),
      SEED_DEMO: String(seed),
      LOGIN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
      ...(pgKind ? { DATABASE_URL: url.toString(), DB_POOL_SIZE: '4' } : {}),
    });
  /** The database as its owner, with no server running on it (PGlite allows one process per folder). */
  const owner = async (): Promise<Engine> =>
    pgKind ? openPostgres(url.toString(), 1) : openPglite(join(work, 'data'));
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: PG_TEST_URL });
    await c.connect();
    await c.query(text);
    await c.end();
  };

  beforeAll(async () => {
    if (pgKind) await admin(`create database ${dbName}`);
    server = await start(true);
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    if (pgKind) await admin(`drop database if exists ${dbName} with (force)`);
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  /** Sends one import; resolves true when it was answered 200, false when the connection was cut. */
  const sendImport = (
    s: ServerProcess,
    analyst: HttpClient,
    trial: Trial,
    csv: string,
    cut: () => boolean,
  ) => {
    const form = new FormData();
    form.set(
      'settings',
      JSON.stringify({
        format: 'long',
        vintage: trial.vintage,
        geoVintage: null,
        skipUnknown: false,
        mapping: null,
      }),
    );
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'crash.csv');
    return fetch(`${s.url}/api/observatory/imports`, {
      method: 'POST',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf, 'x-samen-language': 'en' },
      body: form,
    }).then(
      async (r) => {
        const body = await r.text();
        if (r.status === 200) return true;
        if (!cut()) throw new Error(`import answered ${r.status}: ${body.slice(0, 500)}`);
        return false;
      },
      () => false,
    );
  };
  /**
   * On PostgreSQL: whether a transaction other than ours holds the row lock of an insert into obs_imports,
   * i.e. the import has written and not yet committed: a kill then lands inside its transaction.
   */
  const importWriting = async (c: pg.Client) =>
    (
      await c.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_class r on r.oid = l.relation
          where r.relname = 'obs_imports' and l.mode = 'RowExclusiveLock' and l.pid <> pg_backend_pid()`,
      )
    ).rows[0]!.n > 0;

  it(`keeps every acknowledged write and no half import over ${TRIALS} kills`, async () => {
    // An uncut import first: its duration places the kills (a fraction of it after sending) and it must stay.
    {
      const { client: analyst } = await HttpClient.login(server!.url, ANALYST, DEMO_PASSWORD);
      const { csv, values } = importFile(99);
      const calibration: Trial = {
        vintage: `Crash calibration ${randomBytes(3).toString('hex')}`,
        values,
        importAcked: false,
        killedAfterMs: 0,
        acked: [],
        cut: 0,
      };
      const t0 = Date.now();
      calibration.importAcked = await sendImport(server!, analyst!, calibration, csv, () => false);
      importMs = Date.now() - t0;
      expect(calibration.importAcked).toBe(true);
      trials.push(calibration);
    }
    const watcher = pgKind ? new pg.Client({ connectionString: url.toString() }) : null;
    await watcher?.connect();
    for (let i = 0; i < TRIALS; i++) {
      const s = server!;
      const { client: referent } = await HttpClient.login(s.url, REFERENT, DEMO_PASSWORD);
      const { client: analyst } = await HttpClient.login(s.url, ANALYST, DEMO_PASSWORD);
      expect(referent && analyst).toBeTruthy();
      const { csv, values } = importFile(i);
      const trial: Trial = {
        vintage: `Crash ${i} ${randomBytes(3).toString('hex')}`,
        values,
        importAcked: false,
        killedAfterMs: 0,
        acked: [],
        cut: 0,
      };
      trials.push(trial);
      let killed = false;
      const burst = async (w: number) => {
        for (let n = 0; n < 2_000 && !killed; n++) {
          try {
            const r = await referent!.post('/api/people', {
              firstName: 'Coupure',
              lastName: `Essai-${i}-${w}-${n}`,
              birthDate: '1988-04-02',
            });
            if (r.status === 201) trial.acked.push((r.json() as { person: { id: string } }).person.id);
            else trial.cut++;
          } catch {
            trial.cut++;
          }
        }
      };
      const writers = Promise.all([0, 1, 2, 3].map(burst));
      // Some writes acknowledged before the import starts, so that every trial has some to look for.
      while (trial.acked.length < 5) await sleep(50);
      const sentAt = Date.now();
      const importing = sendImport(s, analyst!, trial, csv, () => killed).then((ok) => {
        trial.importAcked = ok;
      });
      // Kill at a different point of the import each trial, from its middle to just before its end.
      const fraction = TRIALS > 1 ? 0.5 + (0.45 * i) / (TRIALS - 1) : 0.8;
      await sleep(Math.max(0, fraction * importMs - (Date.now() - sentAt)));
      if (watcher) {
        // PostgreSQL: from there, wait (up to the import's own duration) until it has written, then kill.
        const until = Date.now() + importMs;
        for (;;) {
          trial.insideTx = await importWriting(watcher);
          if (trial.insideTx || trial.importAcked || Date.now() > until) break;
          await sleep(5);
        }
      }
      killed = true;
      trial.killedAfterMs = Date.now() - sentAt;
      killGroup(s.child, 'SIGKILL');
      await Promise.all([importing, writers]);
      await s.stop();
      // The restart recovers the database (PGlite from its own WAL on disk) and must answer again.
      server = await start(false);
    }
    await watcher?.end();
    await server!.stop();
    server = undefined;

    const engine = await owner();
    try {
      const q = async <R>(text: string, params: unknown[] = []) =>
        (await engine.rawQuery(text, params)) as R[];
      for (const t of trials) {
        const found = await q<{ n: number }>(
          'select count(*)::int as n from persons where id = any($1::uuid[])',
          [t.acked],
        );
        expect(found[0]?.n, `acknowledged persons of ${t.vintage}`).toBe(t.acked.length);
        const imports = await q<{ id: string; value_count: number }>(
          'select id, value_count from obs_imports where vintage = $1',
          [t.vintage],
        );
        const stored = await q<{ n: number }>(
          'select count(*)::int as n from obs_values where vintage = $1',
          [t.vintage],
        );
        if (t.importAcked) expect(imports, t.vintage).toHaveLength(1);
        // Whole or absent: an import row always with all its values, values never without their import.
        if (imports.length) {
          expect(imports[0]?.value_count).toBe(t.values);
          expect(stored[0]?.n).toBe(t.values);
        } else expect(stored[0]?.n).toBe(0);
        t.outcome = imports.length ? 'whole' : 'absent';
      }
      // On PostgreSQL at least one kill must have landed after the import wrote and before it committed.
      if (pgKind) expect(trials.some((t) => t.insideTx)).toBe(true);
      const chains = await verifyAuditChains(engine.rawQuery);
      expect(chains.length).toBeGreaterThan(0);
      expect(chains.filter((c) => !c.ok).map((c) => c.chain)).toEqual([]);
      console.info(
        `crash trials (${testEngineKind}): ${TRIALS} kill -9, import alone ${importMs} ms, ${trials
          .map(
            (t) =>
              `[${t.killedAfterMs ? `kill ${t.killedAfterMs} ms into the import` : 'uncut'}${t.insideTx ? ' (inside its transaction)' : ''}: import ${t.outcome}${t.importAcked ? ' (acked)' : ''}, ${t.acked.length} writes acked all found, ${t.cut} cut]`,
          )
          .join(' ')}; ${chains.length} audit chains intact`,
      );
    } finally {
      await engine.close();
    }
  }, 1_800_000);
});
