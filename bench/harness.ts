// What every HTTP benchmark needs: a throw-away database on either engine, the app listening on a free
// port with rate limits out of the way, a signed-in cookie, and a load generator in a worker thread.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { systemClock } from '../src/common/kernel/clock';
import { buildApp } from '../src/server/app';
import { DEMO_PASSWORD } from '../src/server/demo/accounts';
import { SERVER_MODULES } from '../src/server/modules';
import { loadConfig } from '../src/server/platform/config';
import { type Engine, openPglite, openPostgres } from '../src/server/platform/db/engine';
import { bindEngine } from '../src/server/platform/db/prepare';
import type { Deps } from '../src/server/platform/deps';
import { createJobRunner } from '../src/server/platform/jobs';
import { createMailer } from '../src/server/platform/mail';
import { type Stats, summarise } from './stats';

export const BENCH_SECRETS = { secretKey: Buffer.alloc(32, 3), networkSecret: Buffer.alloc(32, 4) };
const PG_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const arg = (name: string, def: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;

export function loadOverHttp(
  baseUrl: string,
  paths: string[],
  cookie: string | null,
  concurrency: number,
  seconds: number,
): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const w = new Worker(join(import.meta.dirname, 'load-worker.mjs'), {
      workerData: { baseUrl, paths, cookie, concurrency, seconds },
    });
    w.once('message', (m) => resolve(summarise(m.latencies, m.seconds, m.errors)));
    w.once('error', reject);
  });
}

/** A fresh database: in-memory PGlite, or a new PostgreSQL database (`name`, recreated) dropped afterwards. */
export async function openBenchEngine(
  kind: 'pglite' | 'postgres',
  log?: (e: LogEvent) => void,
  name = `samen_bench_${Date.now()}`,
) {
  if (kind === 'pglite') {
    const engine = await openPglite(null, { log });
    return { engine, drop: () => engine.close() };
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const engine = openPostgres(url.toString(), 10, { log });
  return {
    engine,
    drop: async () => {
      await engine.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The app on a free port; `login` returns the session cookie of a demo account. `env` overrides settings. */
export async function startBenchApp(engine: Engine, env: Record<string, string> = {}) {
  const config = loadConfig({
    LOGIN_RATE_LIMIT: '100000',
    DIRECTORY_RATE_LIMIT: '1000000',
    WEB_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const log = pino({ level: 'silent' });
  await bindEngine(engine, engine, config);
  const deps: Deps = {
    config,
    engine,
    db: engine.db,
    secrets: BENCH_SECRETS,
    mailer: createMailer(config, log, BENCH_SECRETS.secretKey, () => {}),
    jobs: createJobRunner(engine.db, log),
    log,
    clock: systemClock,
    modules: SERVER_MODULES,
  };
  const app = await buildApp(deps);
  await app.listen({ port: Number(env.PORT ?? 0), host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = async (email: string) => {
    const r = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    return r.headers.get('set-cookie')?.split(';')[0] ?? null;
  };
  return { baseUrl, login, close: () => app.close() };
}
