// `npm run check:pgbouncer`: runs samen behind PgBouncer in transaction mode and shows that sign-in, a write,
// a job and a list work while each request's transactions land on whichever server connection is free
// (docs/operations.md). Needs a PostgreSQL server (PG_URL, default postgres://postgres@127.0.0.1:5432/test,
// a role that may create databases) and the pgbouncer binary (e.g. `apt-get install -y pgbouncer`);
// without pgbouncer it says so and exits 0. Exit 1 when a check fails. Everything it starts it stops.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const root = join(import.meta.dirname, '..');
const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DEMO_PASSWORD = 'Demo-Samen-Grens-2026';
// Fewer server connections than the app's pool: every connection serves many clients' transactions.
const SERVER_CONNECTIONS = 3;
const APP_POOL = 12;

const binary = ['pgbouncer', '/usr/sbin/pgbouncer'].find((b) => spawnSync(b, ['--version']).status === 0);
if (!binary) {
  console.log('pgbouncer-check: SKIPPED — pgbouncer is not installed (apt-get install -y pgbouncer)');
  process.exit(0);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const results = [];
const check = (what, ok, detail = '') => {
  results.push({ what, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
};

const name = `samen_pgbouncer_${randomBytes(5).toString('hex')}`;
const pgUrl = new URL(PG_URL);
const direct = new URL(PG_URL);
direct.pathname = `/${name}`;
const dir = mkdtempSync(join(tmpdir(), 'samen-pgbouncer-'));
chmodSync(dir, 0o777);
const started = [];
let admin;

async function main() {
  admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const user = decodeURIComponent(pgUrl.username || 'postgres');

  // PgBouncer in transaction mode: a server connection belongs to a client for one transaction only.
  const bouncerPort = await freePort();
  writeFileSync(join(dir, 'userlist.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    `[databases]
${name} = host=${pgUrl.hostname} port=${pgUrl.port || 5432} dbname=${name}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${bouncerPort}
unix_socket_dir =
auth_type = trust
auth_file = ${join(dir, 'userlist.txt')}
admin_users = ${user}
pool_mode = transaction
default_pool_size = ${SERVER_CONNECTIONS}
max_client_conn = 200
log_connections = 0
log_disconnections = 0
logfile = ${join(dir, 'pgbouncer.log')}
pidfile = ${join(dir, 'pgbouncer.pid')}
`,
  );
  // PgBouncer refuses to run as root: it then switches to the postgres user.
  const asRoot = process.getuid?.() === 0 ? ['-u', 'postgres'] : [];
  const bouncer = spawn(binary, [...asRoot, join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  started.push(bouncer);
  const viaBouncer = new URL(direct);
  viaBouncer.port = String(bouncerPort);
  for (let i = 0; i < 50; i++) {
    const c = new pg.Client({ connectionString: viaBouncer.toString() });
    try {
      await c.connect();
      await c.end();
      break;
    } catch {
      await sleep(200);
    }
  }

  // The app through PgBouncer; migrations straight to the server (they hold a session advisory lock).
  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: viaBouncer.toString(),
      DATABASE_MIGRATION_URL: direct.toString(),
      DB_POOL_SIZE: String(APP_POOL),
      PORT: String(appPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      DATA_DIR: join(dir, 'data'),
      WEB_DIR: '/nonexistent',
      SAMEN_SECRET_KEY: randomBytes(32).toString('base64'),
      SAMEN_NETWORK_SECRET: randomBytes(32).toString('base64'),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  started.push(server);
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('the server did not answer /api/health within 240 s');
    await sleep(500);
  }
  check('start: migrations (direct), demo seed and start-up through PgBouncer', true);

  const login = async (email) => {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    await r.text();
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    const s = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
    const session = await s.json();
    const call = async (method, path, body) => {
      const res = await fetch(base + path, {
        method,
        headers: {
          cookie,
          'x-csrf-token': session.csrfToken,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    return { status: r.status, session: s.status, call };
  };

  const mouscron = await login('referent@cpas-mouscron.example');
  const kortrijk = await login('trajectbegeleider@ocmw-kortrijk.example');
  check(
    'sign-in and session',
    mouscron.status === 200 && mouscron.session === 200 && kortrijk.status === 200,
  );

  const marker = `Exemple-Pgb-${randomBytes(3).toString('hex')}`;
  const created = await mouscron.call('POST', '/api/people', {
    firstName: 'Noor',
    lastName: marker,
    birthDate: '1988-04-12',
  });
  check('a write (new person record)', created.status === 201, `HTTP ${created.status}`);

  // Two organisations' lists interleaved over few server connections: each sees its own rows only.
  const lists = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? kortrijk : mouscron).call('GET', `/api/people?q=${encodeURIComponent(marker)}`).then((r) => ({
        own: i % 2 === 0,
        status: r.status,
        found: JSON.stringify(r.body).includes(marker),
      })),
    ),
  );
  check(
    'a list, 40 concurrent reads of two organisations over 3 server connections',
    lists.every((l) => l.status === 200 && l.found === l.own),
    `${lists.filter((l) => l.status === 200).length}/40 answered, ${lists.filter((l) => l.found !== l.own).length} saw the wrong rows`,
  );

  const reset = await fetch(`${base}/api/auth/password-reset/request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordination@udccas-nord.example' }),
  });
  const owner = new pg.Client({ connectionString: direct.toString() });
  await owner.connect();
  let job;
  for (let i = 0; i < 60 && job?.status !== 'done'; i++) {
    await sleep(500);
    job = (await owner.query(`select status, attempts from jobs where queue = 'auth.reset_request'`)).rows[0];
  }
  const mails = (
    await owner.query(
      `select count(*)::int as n from mail_outbox where template = 'password_reset' and to_address = $1`,
      ['coordination@udccas-nord.example'],
    )
  ).rows[0].n;
  await owner.end();
  check(
    'a job (password-reset request queued, run by the worker, mail written)',
    reset.status === 202 && job?.status === 'done' && job.attempts === 1 && mails === 1,
    `job ${job?.status ?? 'missing'}, ${mails} mail`,
  );

  const console_ = new pg.Client({
    connectionString: `postgres://${user}@127.0.0.1:${bouncerPort}/pgbouncer`,
  });
  await console_.connect();
  const stats = (await console_.query('show stats')).rows.find((r) => r.database === name);
  const pools = (await console_.query('show pools')).rows.find((r) => r.database === name);
  await console_.end();
  console.log(
    `pgbouncer: ${stats?.total_xact_count} transactions, ${stats?.total_query_count} queries on at most ` +
      `${SERVER_CONNECTIONS} server connections; app pool ${APP_POOL}; pools now ${JSON.stringify(pools)}`,
  );
  const log = readFileSync(join(dir, 'pgbouncer.log'), 'utf8');
  const errors = log.split('\n').filter((l) => /ERROR|FATAL|WARNING/.test(l));
  check('no error in the PgBouncer log', errors.length === 0, errors.slice(0, 3).join(' | '));
}

async function cleanup() {
  for (const p of started.reverse())
    if (p.exitCode === null && p.signalCode === null) {
      p.kill('SIGTERM');
      await Promise.race([new Promise((r) => p.once('exit', r)), sleep(15_000)]);
      if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    }
  if (admin) {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
  }
  rmSync(dir, { recursive: true, force: true });
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`pgbouncer-check: ${e instanceof Error ? e.message : e}`);
} finally {
  await cleanup();
}
failed ||= results.some((r) => !r.ok);
console.log(
  `pgbouncer-check: ${failed ? 'FAILED' : 'PASSED'} (${results.filter((r) => r.ok).length}/${results.length})`,
);
process.exit(failed ? 1 : 0);
