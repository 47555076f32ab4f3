import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../src/server/demo/seed';
import { createPglite, type Engine, openPostgres, pgliteEngine } from '../../src/server/platform/db/engine';
import { migrate } from '../../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../../src/server/platform/db/prepare';

/**
 * Global setup of the database projects: the migrations and the demo seed run once per engine and run,
 * not once per test file (they took 20–30 s per file on a busy 2-core machine, half of the suite's time).
 * Each file then starts from a copy: a PostgreSQL database created from a template, or a PGlite
 * instance loaded from a data-folder tarball. Built fresh every run, so the demo's dates are today's.
 */
export interface DbTemplates {
  kind: 'pglite' | 'pg';
  /** PostgreSQL: template database names; PGlite: tarball paths. */
  migrated: string;
  seeded: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    samenTemplates: DbTemplates | null;
  }
}

/** The secrets createTestApp gives every app: the seeded template's keys are wrapped with them. */
export const TEST_SECRETS = { secretKey: Buffer.alloc(32, 7), networkSecret: Buffer.alloc(32, 9) };
const PG_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function prepare(engine: Engine, seed: boolean) {
  await migrate(engine);
  await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
  if (seed) await seedDemo(engine, TEST_SECRETS);
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function pgTemplates(): Promise<{ templates: DbTemplates; cleanup: () => Promise<void> } | null> {
  try {
    await admin(async () => undefined);
  } catch {
    // engineAvailable() decides in each file: skip locally, fail on CI.
    return null;
  }
  const stem = `samen_tpl_${randomBytes(4).toString('hex')}`;
  const names = { migrated: `${stem}_m`, seeded: `${stem}_s` };
  for (const [which, name] of Object.entries(names)) {
    await admin((c) => c.query(`create database ${name}`));
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const engine = openPostgres(url.toString(), 2);
    try {
      await prepare(engine, which === 'seeded');
    } finally {
      await engine.close();
    }
    // Nobody may connect to a template while copies are made from it.
    await admin((c) => c.query(`alter database ${name} with is_template true allow_connections false`));
  }
  const cleanup = () =>
    admin(async (c) => {
      for (const name of Object.values(names)) {
        await c.query(`alter database ${name} with is_template false`);
        await c.query(`drop database if exists ${name} with (force)`);
      }
    });
  return { templates: { kind: 'pg', ...names }, cleanup };
}

async function pgliteTemplates(): Promise<{ templates: DbTemplates; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'samen-tpl-'));
  const paths = { migrated: join(dir, 'migrated.tar'), seeded: join(dir, 'seeded.tar') };
  for (const [which, path] of Object.entries(paths)) {
    const pglite = await createPglite(null);
    try {
      await prepare(pgliteEngine(pglite), which === 'seeded');
      writeFileSync(path, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    } finally {
      await pglite.close();
    }
  }
  return {
    templates: { kind: 'pglite', ...paths },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.SAMEN_TEST_DB === 'pg' ? 'pg' : 'pglite';
  const built = kind === 'pg' ? await pgTemplates() : await pgliteTemplates();
  project.provide('samenTemplates', built?.templates ?? null);
  return async () => built?.cleanup();
}
