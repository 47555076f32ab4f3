// The backup's manifest (manifest.json next to the payload, ADR 0034): what was saved, from which engine and
// schema version, the payload's SHA-256 and every table's row count and checksum.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableSum } from './checksums';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT = 'samen-backup';
export const FORMAT_VERSION = 1;

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  engine: 'pglite' | 'postgres';
  createdAt: string;
  /** The last applied migration (schema_migrations), e.g. "0063". */
  schemaVersion: string | null;
  payload: { file: string; bytes: number; sha256: string };
  totals: { tables: number; rows: number };
  tables: TableSum[];
}

export class BackupError extends Error {}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

export function writeManifest(dir: string, m: Manifest): void {
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(m, null, 2)}\n`);
}

export function readManifest(dir: string): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch (e) {
    throw new BackupError(`${join(dir, MANIFEST_FILE)} cannot be read: ${(e as Error).message}`);
  }
  if (m.format !== FORMAT || m.formatVersion !== FORMAT_VERSION)
    throw new BackupError(`${dir} is not a samen backup of format ${FORMAT} ${FORMAT_VERSION}`);
  if (!Array.isArray(m.tables) || !m.payload?.file || !/^[\w.-]+$/.test(m.payload.file))
    throw new BackupError(`${join(dir, MANIFEST_FILE)} is incomplete`);
  return m;
}

/** The payload file as written: a flipped byte or a truncated copy stops the restore before it loads. */
export async function verifyPayload(dir: string, m: Manifest): Promise<string> {
  const path = join(dir, m.payload.file);
  let sum: string;
  try {
    sum = await sha256File(path);
  } catch (e) {
    throw new BackupError(`${path} cannot be read: ${(e as Error).message}`);
  }
  if (sum !== m.payload.sha256)
    throw new BackupError(
      `${path} has SHA-256 ${sum}, the manifest says ${m.payload.sha256}: the backup is damaged`,
    );
  return path;
}

export const totals = (tables: TableSum[]) => ({
  tables: tables.length,
  rows: tables.reduce((n, t) => n + t.rows, 0),
});

/** Writes the manifest of a payload just saved in `dir` (its digest, the tables' counts and checksums). */
export async function recordBackup(
  dir: string,
  engine: Manifest['engine'],
  payloadFile: string,
  schemaVersion: Manifest['schemaVersion'],
  tables: TableSum[],
): Promise<Manifest> {
  const path = join(dir, payloadFile);
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    engine,
    createdAt: new Date().toISOString(),
    schemaVersion,
    payload: { file: payloadFile, bytes: statSync(path).size, sha256: await sha256File(path) },
    totals: totals(tables),
    tables,
  };
  writeManifest(dir, manifest);
  return manifest;
}
