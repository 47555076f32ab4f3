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

/** A migration step that failed; the message names the step, `cause` keeps the database's error. */
export class MigrationError extends Error {}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs one step of the migration, turning a database error into a MigrationError naming the step. */
async function step<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof MigrationError) throw e;
    throw new MigrationError(`${what}: ${reason(e)}`, { cause: e });
  }
}

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
  opts: { appRole?: string } = {},
): Promise<{ applied: string[]; version: string }> {
  // The application role is cluster-wide in PostgreSQL: each database on a shared server names its own
  // (DATABASE_APP_ROLE), written into the scripts here; the checksums stay those of the files.
  const role = opts.appRole ?? 'samen_app';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new MigrationError(`invalid application role name ${role}`);
  const forRole = (script: string) =>
    role === 'samen_app' ? script : script.replace(/\bsamen_app\b/g, role);
  // Everything runs on the session holding the lock (one connection, whatever the pool size).
  return engine.exclusive('samen.migrate', async (session) => {
    await step('cannot create schema_migrations', () =>
      session.execScript(`create table if not exists schema_migrations (
      version text primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`),
    );
    const done = await step('cannot read schema_migrations', () =>
      session.query<{ version: string; name: string; checksum: string }>(
        'select version, name, checksum from schema_migrations',
      ),
    );
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
      await step(`Migration ${f.name} failed`, () =>
        session.execScript(`${forRole(f.script)}\n;\n${record}`),
      );
      applied.push(f.name);
    }
    await step(`cannot grant ${role} read access to schema_migrations`, () =>
      session.execScript(`grant select on schema_migrations to ${role}`),
    );
    return { applied, version: files.at(-1)?.version ?? '0000' };
  });
}

export async function schemaVersion(engine: Engine): Promise<string> {
  const r = await sql<{ v: string | null }>`select max(version) as v from schema_migrations`.execute(
    engine.db,
  );
  return r.rows[0]?.v ?? '0000';
}
