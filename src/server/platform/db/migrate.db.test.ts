import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestEngine,
  engineAvailable,
  PG_TEST_URL,
  type TestEngine,
  testEngineKind,
} from '../../../../test/support/engine';
import { openPostgres } from './engine';
import { type MigrationFile, migrate, readMigrations, schemaVersion } from './migrate';

const available = await engineAvailable();

describe.skipIf(!available)('migrations', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await createTestEngine();
  });
  afterAll(async () => t?.drop());

  it('are applied once: a second run applies nothing and reports the latest version', async () => {
    const again = await migrate(t.engine);
    expect(again.applied).toEqual([]);
    expect(await schemaVersion(t.engine)).toBe(readMigrations().at(-1)!.version);
  });

  it('refuse to start when a landed migration was edited', async () => {
    const files = readMigrations();
    const edited: MigrationFile[] = files.map((f, i) => (i === 0 ? { ...f, checksum: 'edited' } : f));
    await expect(migrate(t.engine, edited)).rejects.toThrow(/append-only/);
  });

  it('refuse to start when a landed migration disappeared', async () => {
    await expect(migrate(t.engine, readMigrations().slice(1))).rejects.toThrow(/missing/);
  });

  it('roll back a failing migration entirely', async () => {
    const bad: MigrationFile = {
      version: '9999',
      name: '9999_bad.sql',
      checksum: 'x',
      script: 'create table half_done (id int); select 1/0;',
    };
    await expect(migrate(t.engine, [...readMigrations(), bad])).rejects.toThrow(/9999_bad/);
    const r = await t.engine.rawQuery(`select to_regclass('half_done') as t`, []);
    expect(r).toEqual([{ t: null }]);
  });
});

// Issue 7, item 2: in production the owner's pool (DATABASE_MIGRATION_URL) has one connection; migrate()
// used to hold it for the advisory lock and wait forever for a second one.
describe.skipIf(!available || testEngineKind !== 'pg')('migrations on a pool of one connection', () => {
  const name = `samen_t_pool1_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: PG_TEST_URL });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  beforeAll(() => admin(`create database ${name}`));
  afterAll(() => admin(`drop database if exists ${name} with (force)`));

  it('apply every migration without waiting for a second connection, and release the lock', async () => {
    const url = new URL(PG_TEST_URL);
    url.pathname = `/${name}`;
    const engine = openPostgres(url.toString(), 1);
    const deadline = (ms: number) =>
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`migrate() on a pool of one still waiting after ${ms / 1000} s`)),
          ms,
        ).unref(),
      );
    try {
      const first = await Promise.race([migrate(engine), deadline(45_000)]);
      expect(first.applied).toEqual(readMigrations().map((f) => f.name));
      // The lock is released and the connection reusable: a second run on the same pool finds nothing to do.
      const again = await Promise.race([migrate(engine), deadline(10_000)]);
      expect(again.applied).toEqual([]);
      expect(await schemaVersion(engine)).toBe(readMigrations().at(-1)!.version);
      const locks = await engine.rawQuery(
        `select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
        [],
      );
      expect(locks).toEqual([{ n: 0 }]);
    } finally {
      await engine.close();
    }
  });
});
