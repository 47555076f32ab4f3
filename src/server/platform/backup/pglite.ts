// Backup and restore of the embedded database: PGlite's own data-folder tarball (dumpDataDir / loadDataDir),
// taken with the folder locked, so no server may run on it meanwhile (ADR 0034).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../db/datadir-lock';
import { createPglite } from '../db/engine';
import { CHECKSUM_SETTINGS, compareChecksums, type TableSum, tableChecksums } from './checksums';
import { BackupError, type Manifest, recordBackup, verifyPayload } from './manifest';

const PAYLOAD = 'pglite-data.tar.gz';

async function checksumsOf(pglite: PGlite): Promise<TableSum[]> {
  for (const s of CHECKSUM_SETTINGS) await pglite.exec(s);
  return tableChecksums(async (text) => (await pglite.query<Record<string, unknown>>(text)).rows);
}

const schemaVersion = async (pglite: PGlite) =>
  (await pglite.query<{ v: string | null }>('select max(version) as v from schema_migrations')).rows[0]?.v ??
  null;

export async function backupPglite(dataDir: string, outDir: string): Promise<Manifest> {
  if (!existsSync(join(dataDir, 'pg'))) throw new BackupError(`${dataDir} holds no database (no pg folder)`);
  const release = lockDataDir(dataDir);
  try {
    const pglite = await createPglite(dataDir);
    try {
      const tables = await checksumsOf(pglite);
      const version = await schemaVersion(pglite);
      const blob = await pglite.dumpDataDir('gzip');
      const path = join(outDir, PAYLOAD);
      writeFileSync(path, Buffer.from(await blob.arrayBuffer()));
      return await recordBackup(outDir, 'pglite', PAYLOAD, version, tables);
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

const nonEmpty = (dir: string) =>
  existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length > 0;

/**
 * Loads the tarball into a folder beside the data folder, checks every table against the manifest, and only
 * then moves it into place: a damaged or mismatching backup leaves the data folder as it was. With force,
 * a database already there is moved aside (`pg.replaced-<time>`), never deleted.
 */
export async function restorePglite(
  backupDir: string,
  manifest: Manifest,
  dataDir: string,
  force: boolean,
): Promise<{ replaced: string | null }> {
  const payload = await verifyPayload(backupDir, manifest);
  const target = join(dataDir, 'pg');
  if (nonEmpty(target) && !force)
    throw new BackupError(
      `${target} already holds a database: restore refuses to replace it without --force`,
    );
  const release = lockDataDir(dataDir);
  const staging = join(dataDir, 'restoring');
  try {
    rmSync(staging, { recursive: true, force: true });
    const pglite = await createPglite(staging, new Blob([readFileSync(payload)]));
    try {
      const problems = compareChecksums(manifest.tables, await checksumsOf(pglite));
      if (problems.length)
        throw new BackupError(
          `the restored database does not match the backup's checksums; nothing was replaced:\n  ${problems.join('\n  ')}`,
        );
    } finally {
      await pglite.close();
    }
    let replaced: string | null = null;
    if (existsSync(target)) {
      replaced = join(dataDir, `pg.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      renameSync(target, replaced);
    }
    renameSync(join(staging, 'pg'), target);
    return { replaced };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
}
