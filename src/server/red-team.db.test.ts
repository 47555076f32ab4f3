import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineAvailable, PG_TEST_URL, testEngineKind } from '../../test/support/engine';
import { output, run } from '../../test/support/process';
import { type ServerProcess, startServer } from '../../test/support/server-process';

/**
 * Issue 16: `scripts/red-team.mjs` replays the earlier findings' attacks against a real server process
 * seeded with the demo network; every one must be held. Against a server that gives in to all of them, the
 * same script must report each one broken and exit 1 (so a pass here means something).
 */
const enabled = await engineAvailable();
const LOGIN_LIMIT = 40;

interface Report {
  broken: number;
  errors: number;
  results: Array<{ attack: string; outcome: string; detail: string }>;
}
const redTeam = (url: string) =>
  run(
    process.execPath,
    ['scripts/red-team.mjs', url, `--login-limit=${LOGIN_LIMIT}`, '--json'],
    process.env,
    300_000,
  );

describe.skipIf(!enabled)(`red team (${testEngineKind})`, () => {
  const work = mkdtempSync(join(tmpdir(), 'samen-redteam-'));
  const dbName = `samen_reliability_redteam_${randomBytes(4).toString('hex')}`;
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${dbName}`;
  const pgKind = testEngineKind === 'pg';
  let server: ServerProcess | undefined;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: PG_TEST_URL });
    await c.connect();
    await c.query(text);
    await c.end();
  };

  beforeAll(async () => {
    if (pgKind) await admin(`create database ${dbName}`);
    server = await startServer({
      DATA_DIR: join(work, 'data'),
      SEED_DEMO: 'true',
      LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
      LOG_LEVEL: 'warn',
      ...(pgKind ? { DATABASE_URL: url.toString(), DB_POOL_SIZE: '4' } : {}),
    });
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    if (pgKind) await admin(`drop database if exists ${dbName} with (force)`);
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('holds every attack of the earlier findings', async () => {
    const r = await redTeam(server!.url);
    expect(r.code, output(r)).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.broken).toBe(0);
    expect(report.errors).toBe(0);
    const held = report.results.filter((x) => x.outcome === 'held').map((x) => x.attack);
    expect(held).toEqual([
      'outbox-takeover',
      'proxy-audit-address',
      'control-bytes',
      'enumeration',
      'csrf',
      'session-fixation',
      'proxy-rate-limit',
    ]);
    console.info(
      `red team (${testEngineKind}): ${report.results.map((x) => `${x.attack} ${x.outcome}: ${x.detail}`).join(' | ')}`,
    );
  }, 600_000);

  it('reports every attack broken, and exits 1, against a server that gives in to all of them', async () => {
    const stub = await yieldingServer();
    try {
      const address = stub.address() as { port: number };
      const r = await redTeam(`http://127.0.0.1:${address.port}`);
      expect(r.code, output(r)).toBe(1);
      const report = JSON.parse(r.stdout) as Report;
      const broken = report.results.filter((x) => x.outcome === 'BROKEN').map((x) => x.attack);
      expect(broken).toEqual([
        'outbox-takeover',
        'proxy-audit-address',
        'control-bytes',
        'enumeration',
        'csrf',
        'session-fixation',
        'proxy-rate-limit',
      ]);
    } finally {
      await new Promise((r) => stub.close(r));
    }
  }, 120_000);
});

/**
 * A deliberately weak server: keeps a planted session cookie, accepts any write without a CSRF token, lists
 * reset mails with their live links, records the forwarded address, never rate limits, tells accounts apart.
 */
function yieldingServer(): Promise<Server> {
  let forwarded = '';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const planted = /samen_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const json = (status: number, value: unknown, cookie?: string) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          ...(cookie ? { 'set-cookie': `samen_session=${cookie}; Path=/` } : {}),
        });
        res.end(JSON.stringify(value));
      };
      if (req.headers['x-forwarded-for']) forwarded = String(req.headers['x-forwarded-for']);
      if (path === '/api/auth/login') {
        if (body.includes('nobody-')) return json(401, { error: { code: 'unknown_account' } });
        return json(200, { ok: true }, planted ?? 'same-token-for-everyone-aaaaaaaaaaaa');
      }
      if (path === '/api/auth/session') return json(200, { csrfToken: 'csrf' });
      if (path === '/api/auth/password-reset/request')
        return json(
          body.includes('nobody-') ? 404 : 202,
          body.includes('nobody-') ? { error: 'unknown' } : {},
        );
      if (path === '/api/admin/members') {
        const email = JSON.parse(body).email as string;
        json(201, {});
        mails.push({ id: String(mails.length + 1), to: email });
        return;
      }
      if (path === '/api/admin/outbox') return json(200, { items: mails });
      if (path.startsWith('/api/admin/outbox/'))
        return json(200, {
          body: 'Open https://samen.example/reset-password#token=abcdefghijklmnopqrstuvwxyz',
        });
      if (path === '/api/admin/audit') return json(200, { items: [{ detail: { ip: forwarded } }] });
      return json(req.method === 'POST' ? 201 : 200, {});
    });
  });
  const mails = [{ id: '0', to: 'referent@cpas-mouscron.example' }];
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
