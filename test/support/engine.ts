import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import {
  createPglite,
  type Engine,
  openPglite,
  openPostgres,
  pgliteEngine,
} from '../../src/server/platform/db/engine';
import { migrate } from '../../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../../src/server/platform/db/prepare';
import type { DbTemplates } from './templates';

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
  /** Whether the database already holds the demo network (copied from the seeded template). */
  seeded: boolean;
  drop: () => Promise<void>;
}

/** The run's templates (test/support/templates.ts), or null outside Vitest's database projects. */
function templates(kind: 'pglite' | 'pg'): DbTemplates | null {
  try {
    const t = inject('samenTemplates');
    return t?.kind === kind ? t : null;
  } catch {
    return null;
  }
}

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * Creates the file's database, from the template when there is one. PostgreSQL refuses a copy while another
 * backend is still connected to the template ("being accessed by other users", 55006); the connection that
 * built it may take a moment to go away after the template is closed, so the copy is tried again.
 */
async function copyDatabase(name: string, from: string | null) {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(from ? `create database ${name} template ${from}` : `create database ${name}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the server.
 * Within the suite it is a copy of the run's template (migrated, or migrated and seeded when `seeded`).
 */
export async function createTestEngine(
  kind = testEngineKind,
  opts: { seeded?: boolean } = {},
): Promise<TestEngine> {
  const tpl = templates(kind);
  const from = tpl ? (opts.seeded ? tpl.seeded : tpl.migrated) : null;
  if (kind === 'pglite') {
    const engine = from
      ? pgliteEngine(await createPglite(null, new Blob([readFileSync(from)])))
      : await openPglite(null);
    await migrate(engine);
    await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
    return { engine, seeded: !!from && !!opts.seeded, drop: () => engine.close() };
  }
  const name = `samen_t_${randomBytes(6).toString('hex')}`;
  await copyDatabase(name, from);
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  const engine = openPostgres(url.toString(), 4);
  await migrate(engine);
  await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
  return {
    engine,
    seeded: !!from && !!opts.seeded,
    drop: async () => {
      await engine.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** True when this file's engine can run here (PGlite always; the server when reachable or required). */
export const engineAvailable = async () => testEngineKind === 'pglite' || (await pgAvailable());
