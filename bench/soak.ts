// `npm run soak`: minutes of mixed load (reads, searches, writes, public directory) at 16 clients against a
// real server process, sampling its memory, handles, file descriptors and database connections every 10 s.
// Fails (exit 1) on any error or non-2xx answer, or when memory, handles or connections grow past a bound.
// Options: --engine=postgres|pglite --minutes=10 --clients=16 --heap-growth-mb=32 --rss-growth-mb=128.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/server/demo/accounts';
import { cleanEnv, freePort, killGroup, ROOT } from '../test/support/process';
import { HttpClient } from '../test/support/server-process';
import { arg } from './harness';
import { summarise } from './stats';

const engineKind = arg('engine', 'postgres') as 'postgres' | 'pglite';
const minutes = Number(arg('minutes', process.env.SOAK_MINUTES ?? '10'));
const clients = Number(arg('clients', '16'));
const heapGrowthMb = Number(arg('heap-growth-mb', '32'));
const rssGrowthMb = Number(arg('rss-growth-mb', '128'));
const TICK_MS = 10_000;
// The first samples are the warm-up (JIT, caches, pools filling): growth is measured from after it.
const WARMUP_MS = Math.min(60_000, (minutes * 60_000) / 5);
const PG_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REFERENT = 'referent@cpas-mouscron.example';
const POOL_SIZE = 10;

interface ProbeLine {
  at: number;
  rss: number;
  heapUsed: number;
  external: number;
  handles: number;
  fds: number;
}
interface Tick {
  at: number;
  latencies: number[];
  bad: Record<string, number>;
  errors: number;
}
const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'samen-soak-'));
  const probeFile = join(work, 'probe.jsonl');
  const dbName = `samen_reliability_soak_${Date.now()}`;
  const dbUrl = new URL(PG_URL);
  dbUrl.pathname = `/${dbName}`;
  const admin = engineKind === 'postgres' ? new pg.Client({ connectionString: PG_URL }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`create database ${dbName}`);
  }
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '--import',
        join(ROOT, 'bench/soak/probe.mjs'),
        'src/server/main.ts',
      ],
      {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: cleanEnv({
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: base,
          WEB_DIR: '/nonexistent',
          DATA_DIR: join(work, 'data'),
          SEED_DEMO: 'true',
          LOG_LEVEL: 'warn',
          DB_POOL_SIZE: String(POOL_SIZE),
          // The soak measures the app, not its throttles: the public directory would answer 429 otherwise.
          DIRECTORY_RATE_LIMIT: '1000000',
          LOGIN_RATE_LIMIT: '1000',
          SOAK_PROBE_FILE: probeFile,
          ...(engineKind === 'postgres' ? { DATABASE_URL: dbUrl.toString() } : {}),
        }),
      },
    );
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr = (stderr + d).slice(-20_000);
    });
    await waitHealthy(base, child, () => stderr);
    const { client } = await HttpClient.login(base, REFERENT, DEMO_PASSWORD);
    if (!client) throw new Error(`cannot sign in as ${REFERENT}`);
    const page = (await client.get('/api/people?page=1&pageSize=25')).json() as {
      items: Array<{ id: string }>;
    };
    const ids = page.items.slice(0, 8).map((p) => p.id);
    if (!ids.length) throw new Error('the demo caseload is empty');

    const json = { 'content-type': 'application/json' };
    const referentRequests = [
      { method: 'GET', path: '/api/people?page=1&pageSize=25' },
      { method: 'GET', path: '/api/people?q=lira' },
      ...ids.slice(0, 3).map((id) => ({ method: 'GET', path: `/api/people/${id}` })),
      { method: 'GET', path: '/api/auth/session' },
      {
        method: 'POST',
        path: '/api/people',
        headers: { ...json, 'x-csrf-token': client.csrf },
        body: JSON.stringify({ firstName: 'Endurance', lastName: 'Exemple', birthDate: '1990-01-01' }),
      },
      { method: 'GET', path: `/api/people/${ids[3] ?? ids[0]}/consents` },
    ];
    const publicRequests = [
      { method: 'GET', path: `/api/directory/services?q=${encodeURIComponent('logement')}` },
      { method: 'GET', path: `/api/directory/services?q=${encodeURIComponent('schulden')}` },
      { method: 'GET', path: '/api/health' },
    ];
    const seconds = Math.round(minutes * 60);
    const publicClients = Math.max(1, Math.round(clients / 4));
    console.log(
      `soak: ${engineKind}, ${minutes} min, ${clients} clients (${clients - publicClients} signed in, ${publicClients} public), server pid ${child.pid}`,
    );

    const ticks: Tick[] = [];
    const connections: Array<{ at: number; n: number }> = [];
    const loads: Array<{ at: number; load1: number }> = [];
    const started = Date.now();
    const loaders = [
      load(base, referentRequests, { cookie: client.cookie }, clients - publicClients, seconds, ticks),
      load(base, publicRequests, {}, publicClients, seconds, ticks),
    ];
    let running = true;
    const sampler = (async () => {
      while (running) {
        await sleep(TICK_MS);
        loads.push({ at: Date.now(), load1: loadavg()[0]! });
        if (admin)
          connections.push({
            at: Date.now(),
            n: Number(
              (
                await admin.query(
                  `select count(*)::int as n from pg_stat_activity where datname = $1 and backend_type = 'client backend'`,
                  [dbName],
                )
              ).rows[0].n,
            ),
          });
        const done = Math.round((Date.now() - started) / 1000);
        const last = readProbe(probeFile).at(-1);
        if (last)
          console.log(
            `  ${done}s rss ${mb(last.rss)} MB heap ${mb(last.heapUsed)} MB handles ${last.handles} fds ${last.fds}` +
              (connections.length ? ` db conns ${connections.at(-1)!.n}` : '') +
              ` load ${loadavg()[0]!.toFixed(1)}`,
          );
      }
    })();
    const finals = await Promise.all(loaders);
    const loadEnd = Date.now();
    running = false;
    await sampler;
    // One more probe sample after the load has stopped and the last requests have drained.
    await sleep(TICK_MS + 1_000);
    const report = analyse(readProbe(probeFile), ticks, connections, loads, finals, started, loadEnd);
    report.engine = engineKind;
    report.minutes = minutes;
    report.clients = clients;
    const out = join(ROOT, 'bench/results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `soak-${engineKind}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(JSON.stringify(report.summary, null, 2));
    console.log(`series in ${file}`);
    if (report.failures.length) {
      console.error(`soak FAILED:\n- ${report.failures.join('\n- ')}`);
      process.exitCode = 1;
    } else console.log('soak passed');
  } finally {
    if (child) {
      killGroup(child, 'SIGTERM');
      await sleep(2_000);
      killGroup(child, 'SIGKILL');
    }
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    rmSync(work, { recursive: true, force: true });
  }
}

async function waitHealthy(base: string, child: ChildProcess, out: () => string) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited before it was ready:\n${out()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`server not ready:\n${out()}`);
}

function load(
  baseUrl: string,
  requests: unknown[],
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  ticks: Tick[],
): Promise<{ requests?: number; timeouts?: number; error?: string }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(join(import.meta.dirname, 'soak/load-worker.mjs'), {
      workerData: { baseUrl, requests, headers, connections, seconds, tickMs: TICK_MS },
    });
    w.on('message', (m) => {
      if (m.tick) ticks.push({ at: Date.now(), latencies: m.latencies, bad: m.bad, errors: m.errors });
      if (m.done) {
        resolve(m);
        void w.terminate();
      }
    });
    w.once('error', reject);
  });
}

const readProbe = (file: string): ProbeLine[] => {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ProbeLine);
  } catch {
    return [];
  }
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function analyse(
  probe: ProbeLine[],
  ticks: Tick[],
  connections: Array<{ at: number; n: number }>,
  loads: Array<{ at: number; load1: number }>,
  finals: Array<{ requests?: number; timeouts?: number; error?: string }>,
  started: number,
  loadEnd: number,
) {
  const failures: string[] = [];
  const all = ticks.flatMap((t) => t.latencies);
  const bad: Record<string, number> = {};
  for (const t of ticks) for (const [s, n] of Object.entries(t.bad)) bad[s] = (bad[s] ?? 0) + n;
  const transport = ticks.reduce((n, t) => n + t.errors, 0);
  const timeouts = finals.reduce((n, f) => n + (f.timeouts ?? 0), 0);
  const nonOk = Object.values(bad).reduce((a, b) => a + b, 0);
  for (const f of finals) if (f.error) failures.push(`load generator: ${f.error}`);
  if (nonOk + transport + timeouts > 0)
    failures.push(
      `${nonOk} non-2xx answers ${JSON.stringify(bad)}, ${transport} transport errors, ${timeouts} timeouts`,
    );
  // Growth under load: from the first sample after the warm-up to the last ones before the load stopped.
  const loaded = probe.filter((p) => p.at >= started + WARMUP_MS && p.at <= loadEnd);
  const first = loaded[0];
  // The end is the median of the last three samples: one sample can land in the middle of a burst.
  const tail = loaded.slice(-3);
  const end = (f: (p: ProbeLine) => number) => median(tail.map(f));
  const growth = first
    ? {
        rssMb: mb(end((p) => p.rss) - first.rss),
        heapMb: mb(end((p) => p.heapUsed) - first.heapUsed),
        handles: end((p) => p.handles) - first.handles,
        fds: end((p) => p.fds) - first.fds,
      }
    : null;
  // Leaks: once the load has stopped and drained, handles and descriptors are back to the idle level.
  const idleBefore = probe.filter((p) => p.at < started).at(-1);
  const idleAfter = probe.filter((p) => p.at > loadEnd).at(-1);
  const leaked =
    idleBefore && idleAfter
      ? { handles: idleAfter.handles - idleBefore.handles, fds: idleAfter.fds - idleBefore.fds }
      : null;
  if (!growth || loaded.length < 3) failures.push(`too few samples after the warm-up (${loaded.length})`);
  else {
    if (growth.heapMb > heapGrowthMb) failures.push(`heap grew ${growth.heapMb} MB (bound ${heapGrowthMb})`);
    if (growth.rssMb > rssGrowthMb) failures.push(`RSS grew ${growth.rssMb} MB (bound ${rssGrowthMb})`);
    // A leaked socket or file shows as a steady climb; a few either way are requests in flight.
    if (growth.handles > clients) failures.push(`live handles grew by ${growth.handles} under load`);
    if (growth.fds > clients) failures.push(`open file descriptors grew by ${growth.fds} under load`);
  }
  if (!leaked) failures.push('no idle sample before or after the load');
  else {
    if (leaked.handles > 4)
      failures.push(`${leaked.handles} more live handles idle after the load than before`);
    // PGlite runs PostgreSQL in the process: its files stay open in PostgreSQL's own descriptor cache (up to
    // max_files_per_process) as the load touches more relations, which is no leak.
    const fdSlack = engineKind === 'pglite' ? 128 : 4;
    if (leaked.fds > fdSlack)
      failures.push(`${leaked.fds} more file descriptors idle after the load than before (bound ${fdSlack})`);
  }
  const maxConn = Math.max(0, ...connections.map((c) => c.n));
  // The app's pool, plus the migration owner's connection and one for the job runner's listener.
  if (maxConn > POOL_SIZE + 2) failures.push(`${maxConn} database connections (pool ${POOL_SIZE})`);
  const stats = summarise(all, 1, nonOk);
  const series = probe.map((p) => ({
    s: Math.round((p.at - started) / 1000),
    rssMb: mb(p.rss),
    heapMb: mb(p.heapUsed),
    externalMb: mb(p.external),
    handles: p.handles,
    fds: p.fds,
    dbConnections: connections.find((c) => Math.abs(c.at - p.at) < TICK_MS / 2)?.n ?? null,
  }));
  const perTick = ticks.map((t) => ({
    s: Math.round((t.at - started) / 1000),
    ...summarise(t.latencies, TICK_MS / 1000, 0),
  }));
  return {
    engine: '' as string,
    minutes: 0,
    clients: 0,
    failures,
    summary: {
      requests: all.length,
      rps: Math.round((all.length / (minutes * 60)) * 10) / 10,
      p50: stats.p50,
      p95: stats.p95,
      p99: stats.p99,
      maxMs: all.reduce((a, b) => Math.max(a, b), 0),
      nonOk: bad,
      transportErrors: transport,
      timeouts,
      growthAfterWarmup: growth,
      idle: { before: idleBefore ?? null, after: idleAfter ?? null, leaked },
      rssMb: { first: first ? mb(first.rss) : null, max: mb(Math.max(0, ...loaded.map((p) => p.rss))) },
      heapMb: {
        first: first ? mb(first.heapUsed) : null,
        max: mb(Math.max(0, ...loaded.map((p) => p.heapUsed))),
      },
      maxDbConnections: connections.length ? maxConn : null,
      load1: { median: median(loads.map((l) => l.load1)), max: Math.max(0, ...loads.map((l) => l.load1)) },
      failures,
    },
    series,
    perTick,
  };
}

await main();
