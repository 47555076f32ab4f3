// `npm run restore -- <backup folder> [--force]`: loads a backup made by `npm run backup` into the configured
// database, then checks every table's row count and checksum against the manifest (ADR 0034). Refuses a
// database that is not empty unless --force. Exit 1 on any failure or mismatch.
import { resolve } from 'node:path';
import { BackupError, restore } from '../platform/backup';
import { ConfigError, loadConfig } from '../platform/config';
import { DataDirLockedError } from '../platform/db/datadir-lock';

const force = process.argv.includes('--force');
const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));

try {
  if (!dir) throw new BackupError('name the backup folder: npm run restore -- <folder> [--force]');
  const config = loadConfig();
  const t0 = performance.now();
  const { manifest: m, replaced } = await restore(config, resolve(dir), force);
  console.log(
    `restored ${resolve(dir)}: ${m.engine}, schema ${m.schemaVersion}, ${m.totals.tables} tables, ` +
      `${m.totals.rows} rows, every checksum equal, ${Math.round(performance.now() - t0)} ms` +
      (replaced ? `; the previous database was moved to ${replaced}` : ''),
  );
} catch (e) {
  if (e instanceof BackupError || e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(`npm run restore failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
