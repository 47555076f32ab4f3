import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, engineAvailable, type TestEngine } from '../../../../test/support/engine';
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
