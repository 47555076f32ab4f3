// Backup and restore on PostgreSQL: pg_dump custom format taken in the same snapshot as the checksums
// (exported from the owner's repeatable-read transaction), pg_restore in one transaction (ADR 0034).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { CHECKSUM_SETTINGS, compareChecksums, type TableSum, tableChecksums } from './checksums';
import { BackupError, type Manifest, recordBackup, verifyPayload } from './manifest';

const PAYLOAD = 'database.dump';

/** The tools get the URL without its password (visible in a process list) and the password by environment. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function tool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-8000);
    });
    child.on('error', (e) =>
      reject(new BackupError(`${command} cannot run (${e.message}): install the PostgreSQL client tools`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}):\n${err.trim()}`)),
    );
  });
}

async function ownerSnapshot<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'samen-backup' });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    for (const s of CHECKSUM_SETTINGS) await client.query(s.replace(/^set /, 'set local '));
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    if ((e as { code?: string }).code === '42501')
      throw new BackupError(
        `${(e as Error).message}: backup and restore must connect as a superuser or a role with BYPASSRLS ` +
          '(row-level security would hide rows from the checksums and the dump)',
      );
    throw e;
  } finally {
    await client.end();
  }
}

const checksumsWith = (client: pg.Client): Promise<TableSum[]> =>
  tableChecksums(async (text) => (await client.query(text)).rows);

export async function backupPostgres(url: string, outDir: string): Promise<Manifest> {
  const path = join(outDir, PAYLOAD);
  const { tables, version } = await ownerSnapshot(url, async (client) => {
    const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const tables = await checksumsWith(client);
    const version = (
      await client.query<{ v: string | null }>('select max(version) as v from schema_migrations')
    ).rows[0]?.v;
    // pg_dump sees exactly what the checksums saw: the snapshot stays valid while this transaction is open.
    const { dbname, env } = connection(url);
    await tool(
      'pg_dump',
      ['--format=custom', `--snapshot=${snapshot}`, `--file=${path}`, `--dbname=${dbname}`],
      env,
    );
    return { tables, version: version ?? null };
  });
  return recordBackup(outDir, 'postgres', PAYLOAD, version, tables);
}

/** Relations outside the system schemas: a database with any is not empty. */
async function relationCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
          and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`,
    );
    return r.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * pg_restore in one transaction (a failing statement leaves the database as it was), then the checksums
 * recomputed and compared. The ownership in the dump is kept, so the owner role and the application role
 * must exist in the target cluster. With force, the dump's objects are dropped first (--clean).
 */
export async function restorePostgres(
  backupDir: string,
  manifest: Manifest,
  url: string,
  force: boolean,
): Promise<void> {
  const payload = await verifyPayload(backupDir, manifest);
  const existing = await relationCount(url);
  if (existing > 0 && !force)
    throw new BackupError(
      `the target database already holds ${existing} relations: restore refuses to replace them without --force`,
    );
  const { dbname, env } = connection(url);
  await tool(
    'pg_restore',
    [
      '--exit-on-error',
      '--single-transaction',
      ...(existing > 0 ? ['--clean', '--if-exists'] : []),
      `--dbname=${dbname}`,
      payload,
    ],
    env,
  );
  const problems = compareChecksums(manifest.tables, await ownerSnapshot(url, checksumsWith));
  if (problems.length)
    throw new BackupError(
      `the restored database does not match the backup's checksums: do not start samen on it\n  ${problems.join('\n  ')}`,
    );
}
