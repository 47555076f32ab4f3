import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_TEST_URL, pgAvailable, testEngineKind } from '../../../test/support/engine';
import { cleanEnv, freePort, npmRun, output, run } from '../../../test/support/process';

// Issue 7, item 2: a start on PostgreSQL that cannot work must say why in one line and exit non-zero,
// never hang (the owner pool of DATABASE_MIGRATION_URL has one connection) nor exit without a word.
// These run the real entry points as child processes, against the CI's PostgreSQL server only.
const available = testEngineKind === 'pg' && (await pgAvailable());

/** A child that has not finished by then is hanging: the test fails rather than waiting forever. */
const DEADLINE_MS = 60_000;
/** Each test starts one to three child processes (a few seconds each on a busy 2-core machine). */
const TEST_TIMEOUT_MS = 240_000;

describe.skipIf(!available)('start-up failures name their cause (PostgreSQL)', () => {
  const suffix = randomBytes(5).toString('hex');
  const database = `samen_t_norights_${suffix}`;
  const role = `samen_t_norights_${suffix}`;
  let url: string;

  const admin = async (statements: string[]) => {
    const c = new pg.Client({ connectionString: PG_TEST_URL });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    // A database the role may connect to but not change: since PostgreSQL 15 only the database owner
    // may create in the public schema, and the database belongs to the superuser here.
    await admin([
      `create role ${role} login nosuperuser nocreatedb nocreaterole`,
      `create database ${database}`,
    ]);
    const u = new URL(PG_TEST_URL);
    u.username = role;
    u.password = '';
    u.pathname = `/${database}`;
    url = u.toString();
  });

  afterAll(async () => {
    await admin([`drop database if exists ${database} with (force)`, `drop role if exists ${role}`]);
  });

  /** stderr holds exactly one line, and it is this one. */
  const oneLine = (stderr: string) => {
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    return lines[0]!;
  };

  it(
    'npm run migrate with DATABASE_MIGRATION_URL (an owner pool of one connection) fails at once, naming the missing right',
    async () => {
      const r = await npmRun(
        'migrate',
        cleanEnv({ DATABASE_URL: url, DATABASE_MIGRATION_URL: url }),
        DEADLINE_MS,
      );
      expect(r.timedOut, `npm run migrate hung for ${DEADLINE_MS / 1000} s\n${output(r)}`).toBe(false);
      expect(r.code, output(r)).toBe(2);
      expect(oneLine(r.stderr)).toBe(
        'npm run migrate failed: applying migrations: cannot create schema_migrations: permission denied for schema public' +
          ' — DATABASE_MIGRATION_URL must connect as the owner of the database (README, "Production on PostgreSQL")',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the server started with NODE_ENV=production exits 1 with one line, with or without DATABASE_MIGRATION_URL',
    async () => {
      const base = {
        NODE_ENV: 'production',
        SAMEN_SECRET_KEY: randomBytes(32).toString('base64'),
        SAMEN_NETWORK_SECRET: randomBytes(32).toString('base64'),
        SEED_DEMO: 'false',
        WEB_DIR: '/nonexistent',
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
      };
      const withOwnerUrl = await run(
        process.execPath,
        ['scripts/start.mjs'],
        cleanEnv({ ...base, DATABASE_URL: url, DATABASE_MIGRATION_URL: url }),
        DEADLINE_MS,
      );
      expect(withOwnerUrl.timedOut, `the server hung\n${output(withOwnerUrl)}`).toBe(false);
      expect(withOwnerUrl.code, output(withOwnerUrl)).toBe(1);
      expect(oneLine(withOwnerUrl.stderr)).toMatch(
        /^samen cannot start: applying migrations: cannot create schema_migrations: permission denied for schema public — DATABASE_MIGRATION_URL must connect as the owner of the database/,
      );

      const alone = await run(
        process.execPath,
        ['scripts/start.mjs'],
        cleanEnv({ ...base, DATABASE_URL: url }),
        DEADLINE_MS,
      );
      expect(alone.code, output(alone)).toBe(1);
      expect(oneLine(alone.stderr)).toMatch(
        /^samen cannot start: applying migrations: cannot create schema_migrations: permission denied for schema public — DATABASE_URL must connect as the owner of the database, or DATABASE_MIGRATION_URL must be set to the owner/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'npm run seed:demo names the cause too',
    async () => {
      const r = await npmRun('seed:demo', cleanEnv({ DATABASE_URL: url }), DEADLINE_MS);
      expect(r.code, output(r)).toBe(2);
      expect(oneLine(r.stderr)).toMatch(
        /^npm run seed:demo failed: applying migrations: cannot create schema_migrations: permission denied for schema public/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an unknown role, a missing database and a closed port each say so and name the variable',
    async () => {
      const wrong = (edit: (u: URL) => void) => {
        const u = new URL(url);
        edit(u);
        return u.toString();
      };
      const cases: Array<[string, RegExp]> = [
        [
          wrong((u) => {
            u.username = `${role}_missing`;
          }),
          /role "[a-z0-9_]+_missing" does not exist \(SQLSTATE 28000\) — check the user and password in DATABASE_MIGRATION_URL$/,
        ],
        [
          wrong((u) => {
            u.pathname = `/${database}_missing`;
          }),
          /database "[a-z0-9_]+_missing" does not exist \(SQLSTATE 3D000\) — create the database, or correct its name in DATABASE_MIGRATION_URL$/,
        ],
        [
          wrong((u) => {
            u.hostname = '127.0.0.1';
            u.port = '1';
          }),
          /cannot reach the PostgreSQL server at 127\.0\.0\.1:1 \(connection refused\) — check the host and port in DATABASE_MIGRATION_URL/,
        ],
      ];
      for (const [migrationUrl, expected] of cases) {
        const r = await npmRun(
          'migrate',
          cleanEnv({ DATABASE_URL: url, DATABASE_MIGRATION_URL: migrationUrl }),
          DEADLINE_MS,
        );
        expect(r.code, output(r)).toBe(2);
        expect(oneLine(r.stderr)).toMatch(/^npm run migrate failed: applying migrations: /);
        expect(r.stderr.trim()).toMatch(expected);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a wrong variable is named before anything connects',
    async () => {
      const r = await npmRun('migrate', cleanEnv({ DATABASE_URL: url, PORT: 'eighty' }), DEADLINE_MS);
      expect(r.code, output(r)).toBe(2);
      expect(oneLine(r.stderr)).toBe(
        'npm run migrate failed: reading the configuration: invalid configuration: PORT="eighty" must be a whole number between 1 and 65535',
      );
    },
    TEST_TIMEOUT_MS,
  );
});
