import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Engine, openPglite, openPostgres } from '../../src/server/platform/db/engine';
import { migrate } from '../../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../../src/server/platform/db/prepare';

export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const testEngineKind = (process.env.SAMEN_TEST_DB ?? 'pglite') as 'pglite' | 'pg';

/**
 * Whether the PostgreSQL server suite can run. On CI (or with REQUIRE_PG=1) an unreachable server is
 * an error, never a silent skip.
 */
export async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (e) {
    if (process.env.CI || process.env.REQUIRE_PG)
      throw new Error(`PostgreSQL test server unreachable at ${PG_TEST_URL}: ${e}`);
    return false;
  }
}

export interface TestEngine {
  engine: Engine;
  drop: () => Promise<void>;
}

/** A fresh, migrated database for one test file: in-memory PGlite, or a new database on the server. */
export async function createTestEngine(kind = testEngineKind): Promise<TestEngine> {
  if (kind === 'pglite') {
    const engine = await openPglite(null);
    await migrate(engine);
    await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
    return { engine, drop: () => engine.close() };
  }
  const name = `samen_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  const engine = openPostgres(url.toString(), 4);
  await migrate(engine);
  await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
  return {
    engine,
    drop: async () => {
      await engine.close();
      const c = new pg.Client({ connectionString: PG_TEST_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** True when this file's engine can run here (PGlite always; the server when reachable or required). */
export const engineAvailable = async () => testEngineKind === 'pglite' || (await pgAvailable());
