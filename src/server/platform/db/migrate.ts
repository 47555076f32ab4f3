import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Engine } from './engine';

export const MIGRATIONS_DIR = join(import.meta.dirname, '../../../../migrations');

export interface MigrationFile {
  version: string;
  name: string;
  checksum: string;
  script: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const script = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file,
        checksum: createHash('sha256').update(script).digest('hex'),
        script,
      };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction. Landed migrations are append-only:
 * a changed file is refused rather than silently diverging from what the database holds.
 */
export async function migrate(
  engine: Engine,
  files = readMigrations(),
): Promise<{ applied: string[]; version: string }> {
  return engine.exclusive('samen.migrate', async () => {
    await engine.execScript(`create table if not exists schema_migrations (
      version text primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
    const done = await engine.db
      .selectFrom('schema_migrations')
      .select(['version', 'name', 'checksum'])
      .execute();
    const byVersion = new Map(done.map((m) => [m.version, m]));
    for (const m of done) {
      const file = files.find((f) => f.version === m.version);
      if (!file)
        throw new MigrationError(
          `Migration ${m.name} is applied in the database but missing from migrations/.`,
        );
      if (file.checksum !== m.checksum)
        throw new MigrationError(
          `Migration ${file.name} changed after it was applied. Migrations are append-only: add a new one instead.`,
        );
    }
    const applied: string[] = [];
    for (const f of files) {
      if (byVersion.has(f.version)) continue;
      const record = `insert into schema_migrations (version, name, checksum) values ('${f.version}', '${f.name}', '${f.checksum}');`;
      try {
        await engine.execScript(`${f.script}\n;\n${record}`);
      } catch (e) {
        throw new MigrationError(`Migration ${f.name} failed: ${(e as Error).message}`);
      }
      applied.push(f.name);
    }
    await engine.execScript('grant select on schema_migrations to samen_app');
    return { applied, version: files.at(-1)?.version ?? '0000' };
  });
}

export async function schemaVersion(engine: Engine): Promise<string> {
  const r = await sql<{ v: string | null }>`select max(version) as v from schema_migrations`.execute(
    engine.db,
  );
  return r.rows[0]?.v ?? '0000';
}
