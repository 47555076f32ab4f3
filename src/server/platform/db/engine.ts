import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, type LogEvent, PGliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { DeferredBeginPostgresDialect } from './deferred-begin';

export type EngineKind = 'pglite' | 'postgres';

/** One connection held for a caller: its scripts and queries run on it, one after the other. */
export interface Session {
  /** Runs a multi-statement SQL script in one transaction. */
  execScript(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

/** One database engine: the typed query builder plus raw multi-statement execution for migrations. */
export interface Engine {
  kind: EngineKind;
  db: Kysely<Database>;
  /** Runs a multi-statement SQL script in one transaction, as the owner. */
  execScript(script: string): Promise<void>;
  /**
   * Runs fn while holding a cluster-wide lock, so two processes never migrate at once. fn works through
   * the session that holds the lock, never through another connection of the pool: a pool of one
   * connection (the owner's in production) would otherwise wait for itself forever.
   */
  exclusive<T>(name: string, fn: (session: Session) => Promise<T>): Promise<T>;
  /** One statement straight through the driver, outside any request context (benchmarks, tools). */
  rawQuery(text: string, params: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

// Same value shapes on both drivers: DATE stays 'YYYY-MM-DD' (no timezone shift), int8 is a number,
// numeric stays a string (money is computed with exact decimal code, never floats).
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => v);

/** Optional query observer (the benchmark uses it to replay the exact SQL of an endpoint). */
export interface EngineOptions {
  log?: (event: LogEvent) => void;
}

export async function openPglite(dataDir: string | null, opts: EngineOptions = {}): Promise<Engine> {
  return pgliteEngine(await createPglite(dataDir), opts);
}

/** The PGlite instance of a data folder (`<dataDir>/pg`), or one loaded from a backup's tarball (ADR 0034). */
export async function createPglite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir ? join(dataDir, 'pg') : undefined, {
    extensions: { btree_gin, citext, pg_trgm, unaccent },
    parsers: {
      [DATE_OID]: (v: string) => v,
      [INT8_OID]: (v: string) => Number(v),
      [NUMERIC_OID]: (v: string) => v,
    },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}

export function pgliteEngine(pglite: PGlite, opts: EngineOptions = {}): Engine {
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: opts.log });
  // PGlite is one connection: every caller already shares it.
  const session: Session = {
    async execScript(script) {
      await pglite.transaction(async (tx) => {
        await tx.exec(script);
      });
    },
    query: async <R>(text: string, params: readonly unknown[] = []) =>
      (await pglite.query<R>(text, params as unknown[])).rows,
  };
  return {
    kind: 'pglite',
    db,
    execScript: session.execScript,
    // One process owns a PGlite data folder (see datadir-lock), so there is nobody to exclude.
    exclusive: (_name, fn) => fn(session),
    rawQuery: async (text, params) => (await pglite.query(text, params as unknown[])).rows,
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function openPostgres(url: string, poolSize = 10, opts: EngineOptions = {}): Engine {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'samen' });
  // An idle client error (server restart) must not crash the process; the pool replaces the client.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new DeferredBeginPostgresDialect({ pool }), log: opts.log });
  return {
    kind: 'postgres',
    db,
    async execScript(script) {
      const client = await pool.connect();
      try {
        await clientSession(client).execScript(script);
      } finally {
        client.release();
      }
    },
    rawQuery: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    async exclusive(name, fn) {
      const client = await pool.connect();
      let unlockFailure: Error | undefined;
      try {
        await client.query('select pg_advisory_lock(hashtext($1))', [name]);
        return await fn(clientSession(client));
      } finally {
        unlockFailure = await client.query('select pg_advisory_unlock(hashtext($1))', [name]).then(
          () => undefined,
          (e: Error) => e,
        );
        // A connection that could not unlock is discarded: closing it ends the lock with it.
        client.release(unlockFailure);
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

function clientSession(client: pg.PoolClient): Session {
  return {
    async execScript(script) {
      await client.query('begin');
      try {
        await client.query(script);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      }
    },
    query: async <R>(text: string, params: readonly unknown[] = []) =>
      (await client.query(text, params as unknown[])).rows as R[],
  };
}
