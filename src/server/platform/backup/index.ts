// Backup and restore of the whole database, both engines (ADR 0034): `npm run backup` / `npm run restore`.
import { mkdirSync, readdirSync } from 'node:fs';
import type { Config } from '../config';
import { BackupError, type Manifest, readManifest } from './manifest';
import { backupPglite, restorePglite } from './pglite';
import { backupPostgres, restorePostgres } from './postgres';

export { BackupError, type Manifest } from './manifest';

/** The owner's connection on PostgreSQL (migrations' URL when set), or null for the embedded database. */
const ownerUrl = (config: Config) => config.migrationUrl ?? config.databaseUrl;

export async function backup(config: Config, outDir: string): Promise<Manifest> {
  mkdirSync(outDir, { recursive: true });
  if (readdirSync(outDir).length)
    throw new BackupError(`${outDir} is not empty: a backup goes into a new folder`);
  const url = ownerUrl(config);
  return url ? backupPostgres(url, outDir) : backupPglite(config.dataDir, outDir);
}

export async function restore(
  config: Config,
  backupDir: string,
  force: boolean,
): Promise<{ manifest: Manifest; replaced: string | null }> {
  const manifest = readManifest(backupDir);
  const url = ownerUrl(config);
  const engine = url ? 'postgres' : 'pglite';
  if (manifest.engine !== engine)
    throw new BackupError(
      `${backupDir} is a ${manifest.engine} backup and the configuration names a ${engine} database ` +
        '(DATABASE_URL set: PostgreSQL; unset: the embedded database in DATA_DIR)',
    );
  if (url) {
    await restorePostgres(backupDir, manifest, url, force);
    return { manifest, replaced: null };
  }
  return { manifest, ...(await restorePglite(backupDir, manifest, config.dataDir, force)) };
}
