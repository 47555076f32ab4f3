// What the figures were measured on: other work on a shared machine skews them, so the load average is kept.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string | null;
  pglite: string | null;
  loadBefore: number[];
  loadAfter?: number[];
}

const round = (xs: number[]) => xs.map((x) => Math.round(x * 100) / 100);

export async function describeMachine(pgUrl: string): Promise<Machine> {
  let postgres: string | null = null;
  const c = new pg.Client({ connectionString: pgUrl });
  try {
    await c.connect();
    postgres = ((await c.query('show server_version')).rows[0] as { server_version: string }).server_version;
  } catch {
    postgres = null;
  } finally {
    await c.end().catch(() => {});
  }
  let pglite: string | null = null;
  try {
    const file = join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json');
    pglite = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    pglite = null;
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    pglite,
    loadBefore: round(loadavg()),
  };
}

export const loadNow = () => round(loadavg());
