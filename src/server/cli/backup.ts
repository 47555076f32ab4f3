// `npm run backup [-- --out=<folder>]`: the whole database (embedded or PostgreSQL) into a new folder with a
// manifest of per-table row counts and checksums (ADR 0034, docs/operations.md). Exit 1 on failure.
import { resolve } from 'node:path';
import { BackupError, backup } from '../platform/backup';
import { ConfigError, loadConfig } from '../platform/config';
import { DataDirLockedError } from '../platform/db/datadir-lock';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

try {
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = resolve(arg('out') ?? `backups/samen-${config.databaseUrl ? 'postgres' : 'pglite'}-${stamp}`);
  const t0 = performance.now();
  const m = await backup(config, out);
  console.log(
    `backup written to ${out}: ${m.engine}, schema ${m.schemaVersion}, ${m.totals.tables} tables, ` +
      `${m.totals.rows} rows, ${m.payload.file} ${m.payload.bytes} bytes, ${Math.round(performance.now() - t0)} ms`,
  );
} catch (e) {
  if (e instanceof BackupError || e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(`npm run backup failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
