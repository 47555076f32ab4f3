import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestEngine,
  engineAvailable,
  PG_TEST_URL,
  type TestEngine,
  testEngineKind,
} from '../../../../test/support/engine';
import { switchContext, type Tx, transactionDay, withContext } from './context';
import { openPostgres } from './engine';
import { migrate } from './migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from './prepare';

const available = await engineAvailable();

const sqlDay = async (trx: Tx) =>
  (await sql<{ d: string }>`select app.today()::text as d`.execute(trx)).rows[0]!.d;

/**
 * Issue 7, item 9: what holds against a connection that runs arbitrary SQL as the application's role.
 * Every attack below worked before migration 0008.
 */
describe.skipIf(!available)('the request context cannot be forged from SQL', () => {
  let t: TestEngine;
  let orgA: string;
  let orgB: string;
  let userA: string;

  beforeAll(async () => {
    t = await createTestEngine();
    await withContext(t.engine.db, { platformAdmin: true, scope: 'system' }, async (trx) => {
      const mk = (name: string) =>
        trx
          .insertInto('organisations')
          .values({ kind: 'cpas', country: 'BE', region: 'BE-WAL', name_fr: name, name_nl: name })
          .returning('id')
          .executeTakeFirstOrThrow();
      orgA = (await mk('Org A')).id;
      orgB = (await mk('Org B')).id;
      userA = (
        await trx
          .insertInto('users')
          .values({ email: 'a@ctx.example', display_name: 'A' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await trx
        .insertInto('memberships')
        .values({ org_id: orgA, user_id: userA, roles: ['referent'] })
        .execute();
    });
    await withContext(t.engine.db, { userId: userA, orgId: orgB }, (trx) =>
      trx
        .insertInto('persons')
        .values({
          org_id: orgB,
          first_name: 'Zoé',
          last_name: 'Fictive',
          birth_date: '1990-01-01',
          participant_code: 'AAAA-BBBB-CCCC-DDDD',
        })
        .execute(),
    );
  });
  afterAll(async () => t?.drop());

  /** Raw SQL statements in one transaction as the application role, with no signed context. */
  const asAppRole = (...statements: string[]) =>
    t.engine.db.transaction().execute(async (trx) => {
      await sql`set local role samen_app`.execute(trx);
      let rows: Array<Record<string, unknown>> = [];
      for (const q of statements)
        rows = (await sql.raw(q).execute(trx)).rows as Array<Record<string, unknown>>;
      return rows;
    });

  it('ignores organisation and platform-admin settings written with set_config', async () => {
    const rows = await asAppRole(
      `select set_config('app.org_id', '${orgB}', true), set_config('app.platform_admin', 'on', true),
        set_config('app.user_id', '${userA}', true)`,
      'select id from persons',
    );
    expect(rows).toEqual([]);
    const orgs = await asAppRole(
      `select set_config('app.scope', 'system', true)`,
      'select id from organisations',
    );
    expect(orgs).toEqual([]);
  });

  it('refuses a context the application did not sign, or signed too long ago', async () => {
    const forged = JSON.stringify({
      user: userA,
      org: orgB,
      admin: true,
      scope: '',
      req: '',
      iat: Date.now() / 1000,
    });
    await expect(
      asAppRole(`select app.begin_request('${forged}', '\\x${'00'.repeat(32)}'::bytea)`),
    ).rejects.toMatchObject({ code: '42501' });
    // A genuine signature replayed after its five minutes.
    const key = (await t.engine.rawQuery('select key from app.context_key', [])) as Array<{
      key: Uint8Array;
    }>;
    const { signContext } = await import('./context');
    const signed = signContext(Buffer.from(key[0]!.key), { orgId: orgB });
    const stale = signed.text.replace(/"iat":[0-9.]+/, `"iat":${Date.now() / 1000 - 600}`);
    const restamped = signContext(Buffer.from(key[0]!.key), { orgId: orgB });
    await expect(
      asAppRole(`select app.begin_request('${stale}', '\\x${restamped.mac.toString('hex')}'::bytea)`),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('binds a context to its transaction: the next one on the same connection starts empty', async () => {
    // PGlite has one connection; on PostgreSQL a pool of one makes the point.
    const db = t.engine.db;
    await withContext(db, { userId: userA, orgId: orgB }, (trx) =>
      trx.selectFrom('persons').select('id').execute(),
    );
    const after = await asAppRole('select app.current_org_id() as org, app.current_user_id() as u');
    expect(after).toEqual([{ org: null, u: null }]);
  });

  it('gives SQL the day of the application’s clock, the Brussels day without one', async () => {
    const fixed = await withContext(t.engine.db, { orgId: orgA, today: '2030-02-28' }, (trx) =>
      sql<{ d: string }>`select app.today()::text as d`.execute(trx),
    );
    expect(fixed.rows[0]!.d).toBe('2030-02-28');
    const now = await withContext(t.engine.db, { orgId: orgA }, (trx) =>
      sql<{ d: string }>`select app.today()::text as d`.execute(trx),
    );
    expect(now.rows[0]!.d).toBe(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' }));
  });

  it('knows the transaction’s day without asking, the same day SQL reads, after a switch too', async () => {
    const seen = await withContext(t.engine.db, { orgId: orgA, today: '2031-07-14' }, async (trx) => {
      const first = { js: await transactionDay(trx), sql: await sqlDay(trx) };
      await switchContext(trx, { orgId: orgA, today: '2031-07-15' });
      return [first, { js: await transactionDay(trx), sql: await sqlDay(trx) }];
    });
    expect(seen).toEqual([
      { js: '2031-07-14', sql: '2031-07-14' },
      { js: '2031-07-15', sql: '2031-07-15' },
    ]);
    // A transaction opened without a context asks the database.
    const bare = await t.engine.db.transaction().execute((trx) => transactionDay(trx));
    expect(bare).toBe(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' }));
  });

  it('keeps the context key, the context table and the settings out of the application role', async () => {
    for (const q of [
      'select key from app.context_key',
      'select * from app.request_context',
      'select * from app.settings',
      'select app.configure(1000, 1)',
    ])
      await expect(asAppRole(q), q).rejects.toMatchObject({ code: '42501' });
  });

  it('writes audit entries only into the chain of the verified organisation', async () => {
    await expect(
      withContext(t.engine.db, { userId: userA, orgId: orgA }, (trx) =>
        sql`select audit.append('read', 'persons', null, ${orgB}::uuid)`.execute(trx),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await withContext(t.engine.db, { userId: userA, orgId: orgA }, (trx) =>
      sql`select audit.record('export', 'report', 'x', '{}'::jsonb)`.execute(trx),
    );
    const entries = (await t.engine.rawQuery(
      `select org_id from audit.log where entity = 'report' and entity_id = 'x'`,
      [],
    )) as Array<{ org_id: string }>;
    expect(entries).toEqual([{ org_id: orgA }]);
    await expect(asAppRole(`select audit.record('export', 'report', 'y', null)`)).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('hands out no password hash and lets no caller choose the lock-out', async () => {
    for (const q of [
      `select * from app.login_lookup('a@ctx.example')`,
      `select app.login_failed('${userA}', 1, 525600)`,
    ])
      await expect(asAppRole(q), q).rejects.toMatchObject({ code: '42501' });
    // Outside a sign-in (scope system, signed by the application) not even the salt.
    await expect(asAppRole(`select app.login_salt('a@ctx.example')`)).rejects.toMatchObject({
      code: '42501',
    });
    const salt = await withContext(t.engine.db, { scope: 'system' }, (trx) =>
      sql<{ s: string }>`select app.login_salt('nobody@ctx.example') as s`.execute(trx),
    );
    // Unknown addresses get a salt too, shaped like a real one.
    expect(salt.rows[0]!.s).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}$/);
  });
});

/** On a PostgreSQL server: the login role of the README, and one application role per database. */
describe.skipIf(!available || testEngineKind !== 'pg')('on a PostgreSQL server', () => {
  const suffix = randomBytes(4).toString('hex');
  const dbName = `samen_ctx_${suffix}`;
  const appRole = `samen_app_${suffix}`;
  const login = `samen_web_${suffix}`;
  const admin = () => new pg.Client({ connectionString: PG_TEST_URL });
  const url = (user?: string) => {
    const u = new URL(PG_TEST_URL);
    u.pathname = `/${dbName}`;
    if (user) u.username = user;
    return u.toString();
  };

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`create database ${dbName}`);
    await c.end();
    const owner = openPostgres(url(), 2);
    await migrate(owner, undefined, { appRole });
    await owner.close();
    const c2 = admin();
    await c2.connect();
    await c2.query(`create role ${login} login; grant ${appRole} to ${login}`);
    await c2.end();
  });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.query(`drop role if exists ${login}`);
    await c.query(`drop owned by ${appRole} cascade`).catch(() => {});
    await c.query(`drop role if exists ${appRole}`);
    await c.end();
  });

  it('names the application role per database: policies and grants use the configured one', async () => {
    const c = new pg.Client({ connectionString: url() });
    await c.connect();
    const r = await c.query<{ n: number }>(
      `select count(*)::int as n from pg_policies where 'samen_app' = any (roles)`,
    );
    const mine = await c.query<{ n: number }>(
      `select count(*)::int as n from pg_policies where $1 = any (roles)`,
      [appRole],
    );
    await c.end();
    expect(r.rows[0]!.n).toBe(0);
    expect(mine.rows[0]!.n).toBeGreaterThan(20);
  });

  it("the README's login role reads nothing without a signed context, not even the key", async () => {
    const c = new pg.Client({ connectionString: url(login) });
    await c.connect();
    try {
      await expect(c.query('select key from app.context_key')).rejects.toMatchObject({ code: '42501' });
      // Without SET ROLE (it inherits the application role) and with forged settings: no rows.
      await c.query('begin');
      await c.query(
        `select set_config('app.platform_admin', 'on', true), set_config('app.scope', 'system', true)`,
      );
      expect((await c.query('select id from organisations')).rows).toEqual([]);
      expect((await c.query('select id from users')).rows).toEqual([]);
      await c.query('rollback');
    } finally {
      await c.end();
    }
  });

  it('works for the login role once the owner has read the key (the app start)', async () => {
    const owner = openPostgres(url(), 1);
    const app = openPostgres(url(login), 1);
    try {
      await bindEngine(app, owner, { ...DEFAULT_DB_SETTINGS, databaseAppRole: appRole, production: true });
      const who = await withContext(app.db, { scope: 'system' }, (trx) =>
        sql<{ r: string }>`select current_user as r`.execute(trx),
      );
      expect(who.rows[0]!.r).toBe(appRole);
    } finally {
      await app.close();
      await owner.close();
    }
  });
});
