import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Logger, pino } from 'pino';
import { type Clock, systemClock } from '../../src/common/kernel/clock';
import { buildApp } from '../../src/server/app';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts';
import { seedDemo } from '../../src/server/demo/seed';
import { registerModuleJobs, SERVER_MODULES } from '../../src/server/modules';
import { loadConfig } from '../../src/server/platform/config';
import type { Session } from '../../src/server/platform/db/engine';
import { bindEngine } from '../../src/server/platform/db/prepare';
import type { Deps } from '../../src/server/platform/deps';
import { createJobRunner } from '../../src/server/platform/jobs';
import { createMailer, type OutgoingMail } from '../../src/server/platform/mail';
import { registerPlatformJobs } from '../../src/server/platform/platform-jobs';
import { createTestEngine, type TestEngine } from './engine';
import { TEST_SECRETS } from './templates';

export interface Client {
  cookie: string;
  csrf: string;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  del: (url: string) => Promise<LightMyRequestResponse>;
  /**
   * GETs a file export: a stored export answers 303 to `/api/exports/:id`, which this follows (ADR 0033);
   * a refusal is returned as it came.
   */
  download: (url: string) => Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  /** Mails delivered so far (the only place single-use links appear in clear); see deliverMail(). */
  mails: OutgoingMail[];
  /** Delivers the queued mails (as the delivery job would) and returns those delivered by this call. */
  deliverMail: () => Promise<OutgoingMail[]>;
  deps: Deps;
  db: TestEngine;
  /** Signs in (demo password by default) and returns a client carrying the cookie and CSRF token. */
  login: (email: string, password?: string) => Promise<Client>;
  anonymous: Client;
  close: () => Promise<void>;
}

/** The schema owner's session on the test database, as the start-up re-encryption and the CLIs use one. */
export const ownerSession = (t: TestApp): Session => ({
  execScript: (script: string) => t.db.engine.execScript(script),
  query: async <R>(text: string, params: readonly unknown[] = []) =>
    (await t.db.engine.rawQuery(text, params)) as R[],
});

/** The real application on a fresh database seeded with the demo network, driven by inject(). */
export async function createTestApp(
  opts: {
    seed?: boolean;
    env?: Record<string, string>;
    /** The process logger; a silent one by default. */
    log?: Logger;
    /** A fixed day for rules and reminders (the system clock by default). */
    clock?: Clock;
  } = {},
): Promise<TestApp> {
  const db = await createTestEngine(undefined, { seeded: opts.seed !== false });
  const config = loadConfig({
    DATA_DIR: `/tmp/samen-test-${process.pid}`,
    WEB_DIR: '/nonexistent',
    LOGIN_RATE_LIMIT: '100000',
    DIRECTORY_RATE_LIMIT: '1000000',
    ...opts.env,
  });
  const log = opts.log ?? pino({ level: 'silent' });
  const secrets = TEST_SECRETS;
  const mails: OutgoingMail[] = [];
  // The test engine is the owner too: the lock-out settings follow this app's configuration.
  await bindEngine(db.engine, db.engine, { ...config, production: false });
  const deps: Deps = {
    config,
    engine: db.engine,
    db: db.engine.db,
    secrets,
    mailer: createMailer(config, log, secrets.secretKey, (m) => void mails.push(m)),
    jobs: createJobRunner(db.engine.db, log),
    log,
    clock: opts.clock ?? systemClock,
    modules: SERVER_MODULES,
  };
  registerPlatformJobs(deps);
  registerModuleJobs(deps);
  if (opts.seed !== false && !db.seeded) await seedDemo(db.engine, deps.secrets);
  const app = await buildApp(deps);
  await app.ready();

  const client = (cookie: string, csrf: string): Client => {
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}), 'x-samen-language': 'en' },
        ...(body !== undefined
          ? { payload: body as object }
          : method === 'GET' || method === 'DELETE'
            ? {}
            : { payload: {} }),
      });
    return {
      cookie,
      csrf,
      get: (u) => send('GET', u),
      post: (u, b) => send('POST', u, b),
      patch: (u, b) => send('PATCH', u, b),
      put: (u, b) => send('PUT', u, b),
      del: (u) => send('DELETE', u),
      download: async (u) => {
        const made = await send('GET', u);
        const to = String(made.headers.location ?? '');
        if (made.statusCode !== 303 || !/^\/api\/exports\/[0-9a-f-]{36}$/.test(to)) return made;
        return send('GET', to);
      },
    };
  };

  const login = async (email: string, password = DEMO_PASSWORD) => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (r.statusCode !== 200) throw new Error(`login ${email} failed: ${r.statusCode} ${r.body}`);
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    const s = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    return client(cookie, s.json().csrfToken);
  };

  const deliverMail = async () => {
    const before = mails.length;
    // Jobs that write mail first (reset requests), then the delivery itself.
    while ((await deps.jobs.runDue(50)) > 0);
    while ((await deps.mailer.deliverQueued(deps.db, 50)) > 0);
    return mails.slice(before);
  };

  return {
    app,
    mails,
    deliverMail,
    deps,
    db,
    login,
    anonymous: client('', ''),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
