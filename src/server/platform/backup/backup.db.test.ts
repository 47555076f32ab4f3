import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineAvailable, PG_TEST_URL, testEngineKind } from '../../../../test/support/engine';
import { cleanEnv, output, run } from '../../../../test/support/process';
import { seedDemo } from '../../demo/seed';
import { type Engine, openPglite, openPostgres } from '../db/engine';
import { migrate } from '../db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../db/prepare';
import { CHECKSUM_SETTINGS, type TableSum, tableChecksums } from './checksums';
import { type Manifest, sha256File } from './manifest';

/**
 * Issue 16, ADR 0034: `npm run backup` / `npm run restore` (the real scripts, in child processes) round-trip
 * the seeded demo database on this file's engine, and a damaged or altered backup is refused.
 */
const enabled = await engineAvailable();
const pgKind = testEngineKind === 'pg';

describe.skipIf(!enabled)(`backup and restore (${testEngineKind})`, () => {
  const work = mkdtempSync(join(tmpdir(), 'samen-backup-'));
  const databases: string[] = [];
  let source: Place;
  let before: TableSum[];

  /** Where a database lives: a PGlite data folder or a PostgreSQL database, and how the scripts reach it. */
  interface Place {
    env: NodeJS.ProcessEnv;
    open: () => Promise<Engine>;
  }
  const place = async (label: string): Promise<Place> => {
    if (!pgKind) {
      const dataDir = join(work, label);
      return { env: cleanEnv({ DATA_DIR: dataDir }), open: () => openPglite(dataDir) };
    }
    const name = `samen_reliability_${label}_${randomBytes(4).toString('hex')}`;
    databases.push(name);
    await adminQuery(`create database ${name}`);
    const url = new URL(PG_TEST_URL);
    url.pathname = `/${name}`;
    return {
      env: cleanEnv({ DATABASE_URL: url.toString(), DATA_DIR: join(work, label) }),
      open: async () => openPostgres(url.toString(), 2),
    };
  };
  const npm = (script: string, args: string[], p: Place) =>
    run('npm', ['run', '--silent', script, '--', ...args], p.env, 300_000);
  /** Checksums as the tests compute them: a connection of their own, outside the scripts. */
  const sums = async (p: Place) => {
    const engine = await p.open();
    try {
      const q = (text: string) => engine.rawQuery(text, []) as Promise<Array<Record<string, unknown>>>;
      if (engine.kind === 'pglite') for (const s of CHECKSUM_SETTINGS) await q(s);
      else {
        // One pooled connection would not keep the settings: the checksums run in one transaction.
        const client = new pg.Client({ connectionString: String(p.env.DATABASE_URL) });
        await client.connect();
        try {
          await client.query('begin');
          for (const s of CHECKSUM_SETTINGS) await client.query(s.replace(/^set /, 'set local '));
          return await tableChecksums(async (text) => (await client.query(text)).rows);
        } finally {
          await client.end();
        }
      }
      return await tableChecksums(q);
    } finally {
      await engine.close();
    }
  };

  beforeAll(async () => {
    source = await place('source');
    const engine = await source.open();
    await migrate(engine);
    await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
    await seedDemo(engine, { networkSecret: Buffer.alloc(32, 4) });
    await engine.close();
    before = await sums(source);
  }, 600_000);

  afterAll(async () => {
    for (const name of databases) await adminQuery(`drop database if exists ${name} with (force)`);
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('round-trips the whole database into a fresh place with every checksum equal', async () => {
    const out = join(work, 'b1');
    const b = await npm('backup', [`--out=${out}`], source);
    expect(b.code, output(b)).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(m.engine).toBe(pgKind ? 'postgres' : 'pglite');
    // The manifest's figures are the source's, computed independently by this test.
    expect(m.tables).toEqual(before);
    expect(m.totals.tables).toBeGreaterThan(100);
    expect(m.totals.rows).toBeGreaterThan(1000);
    expect(m.payload.sha256).toBe(await sha256File(join(out, m.payload.file)));

    const target = await place('target');
    const r = await npm('restore', [out], target);
    expect(r.code, output(r)).toBe(0);
    expect(r.stdout).toContain('every checksum equal');
    const after = await sums(target);
    expect(after.filter((t) => !t.unlogged)).toEqual(before.filter((t) => !t.unlogged));
    console.info(
      `backup (${testEngineKind}): ${m.totals.tables} tables, ${m.totals.rows} rows, ${m.payload.bytes} bytes, restored with every checksum equal`,
    );

    // A second restore over what is now a non-empty database is refused, and --force replaces it.
    const again = await npm('restore', [out], target);
    expect(again.code, output(again)).toBe(1);
    expect(again.stderr).toMatch(/refuses to replace/);
    const forced = await npm('restore', [out, '--force'], target);
    expect(forced.code, output(forced)).toBe(0);
    expect((await sums(target)).filter((t) => !t.unlogged)).toEqual(before.filter((t) => !t.unlogged));
  }, 900_000);

  it('refuses a payload with a flipped byte before loading anything', async () => {
    const out = join(work, 'b1');
    const bad = join(work, 'flipped');
    rmSync(bad, { recursive: true, force: true });
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    await run('cp', ['-r', out, bad], process.env, 60_000);
    const bytes = readFileSync(join(bad, m.payload.file));
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(join(bad, m.payload.file), bytes);
    const target = await place('flipped');
    const r = await npm('restore', [bad], target);
    expect(r.code, output(r)).toBe(1);
    expect(r.stderr).toMatch(/SHA-256 .* the backup is damaged/);
    if (!pgKind) expect(existsSync(join(work, 'flipped', 'pg'))).toBe(false);
  }, 300_000);

  it('refuses a payload altered with a matching file hash: the table checksums catch it after loading', async () => {
    // The source changes after the first backup; its second dump is put under the first manifest, with the
    // payload's SHA-256 updated as someone editing the file would: only the per-table checksums differ.
    const engine = await source.open();
    try {
      await engine.rawQuery(
        `update schema_migrations set name = name || ' (altered)' where version = '0001'`,
        [],
      );
    } finally {
      await engine.close();
    }
    const out2 = join(work, 'b2');
    const b = await npm('backup', [`--out=${out2}`], source);
    expect(b.code, output(b)).toBe(0);
    const forged = join(work, 'forged');
    await run('cp', ['-r', join(work, 'b1'), forged], process.env, 60_000);
    const m = JSON.parse(readFileSync(join(forged, 'manifest.json'), 'utf8')) as Manifest;
    copyFileSync(join(out2, m.payload.file), join(forged, m.payload.file));
    m.payload.sha256 = await sha256File(join(forged, m.payload.file));
    writeFileSync(join(forged, 'manifest.json'), JSON.stringify(m));
    const target = await place('forged');
    const r = await npm('restore', [forged], target);
    expect(r.code, output(r)).toBe(1);
    expect(r.stderr).toMatch(/does not match the backup's checksums/);
    expect(r.stderr).toContain('public.schema_migrations: checksum');
    // PGlite: the data folder was never put in place.
    if (!pgKind) expect(existsSync(join(work, 'forged', 'pg'))).toBe(false);
  }, 600_000);
});

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: PG_TEST_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
