import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_TEST_URL, pgAvailable, testEngineKind } from '../../../../test/support/engine';
import { DeferredBeginPostgresDialect, WITH_BEGIN } from './deferred-begin';

// The dialect is PostgreSQL's only (PGlite keeps the stock one): it runs on the server project.
const enabled = testEngineKind === 'pg' && (await pgAvailable());

/** Issue 15: a transaction's begin travels with its context statement; nothing else changes meaning. */
describe.skipIf(!enabled)('transactions that send their begin with their first statement', () => {
  let pool: pg.Pool;
  let db: Kysely<Record<string, Record<string, unknown>>>;
  const sent: string[] = [];
  const table = `deferred_begin_${process.pid}`;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: PG_TEST_URL, max: 1 });
    // Every message the driver sends to the server, as text: one entry is one round trip.
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
        if (typeof args[0] === 'string') sent.push(args[0]);
        return query(...args);
      };
    });
    db = new Kysely({ dialect: new DeferredBeginPostgresDialect({ pool }) });
    await sql.raw(`create table if not exists ${table} (n int)`).execute(db);
  });

  afterAll(async () => {
    await sql.raw(`drop table if exists ${table}`).execute(db);
    await db.destroy();
  });

  const marked = (statement: string) => sql.raw(`${WITH_BEGIN}${statement}`);

  it('sends begin and a marked first statement as one message, and the block stays open', async () => {
    sent.length = 0;
    const ids = await db.transaction().execute(async (trx) => {
      await marked(`select set_config('samen.test', 'on', true)`).execute(trx);
      const a = await sql<{
        x: string;
        s: string;
      }>`select txid_current()::text as x, current_setting('samen.test') as s`.execute(trx);
      const b = await sql<{ x: string }>`select txid_current()::text as x where ${1} = 1`.execute(trx);
      return { a: a.rows[0], b: b.rows[0] };
    });
    expect(sent[0]).toMatch(/^begin;\n\/\* with begin \*\/ select set_config/);
    expect(sent.filter((s) => s === 'begin')).toHaveLength(0);
    expect(sent).toHaveLength(4); // begin+context, two reads, commit
    // Both reads ran in one transaction, which saw the transaction-local setting.
    expect(ids.a?.s).toBe('on');
    expect(ids.a?.x).toBe(ids.b?.x);
  });

  it('sends its own begin before a first statement that is not marked, whose rows it returns', async () => {
    sent.length = 0;
    const rows = await db.transaction().execute(async (trx) => {
      const a = await sql<{ n: number }>`select 7 as n`.execute(trx);
      const b = await sql<{ n: number }>`select ${8}::int as n`.execute(trx);
      return [a.rows[0]?.n, b.rows[0]?.n];
    });
    expect(rows).toEqual([7, 8]);
    expect(sent.slice(0, 2)).toEqual(['begin', 'select 7 as n']);
  });

  it('rolls back a failed transaction whole, the merged first statement included', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await marked(`insert into ${table} values (1)`).execute(trx);
        await sql.raw(`insert into ${table} values (2)`).execute(trx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const { rows } = await sql<{ c: number }>`select count(*)::int as c from ${sql.table(table)}`.execute(db);
    expect(rows[0]?.c).toBe(0);
  });

  it('sends nothing for a transaction that runs nothing, and leaves no block open for the next caller', async () => {
    sent.length = 0;
    await db.transaction().execute(async () => undefined);
    await expect(db.transaction().execute(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(sent).toEqual([]);
    // The pool's one connection is not inside a transaction: a plain statement autocommits.
    await sql.raw(`insert into ${table} values (3)`).execute(db);
    const other = new pg.Client({ connectionString: PG_TEST_URL });
    await other.connect();
    const seen = await other.query(`select count(*)::int as c from ${table} where n = 3`);
    await other.end();
    expect(seen.rows[0].c).toBe(1);
    await sql.raw(`delete from ${table}`).execute(db);
  });

  it('keeps savepoints and isolation levels working', async () => {
    const value = await db
      .transaction()
      .setIsolationLevel('serializable')
      .execute(
        async (trx) =>
          (await sql<{ l: string }>`select current_setting('transaction_isolation') as l`.execute(trx))
            .rows[0]?.l,
      );
    expect(value).toBe('serializable');
    await db.transaction().execute(async (trx) => {
      await sql.raw(`savepoint s`).execute(trx);
      await sql.raw(`insert into ${table} values (4)`).execute(trx);
      await sql.raw(`rollback to savepoint s`).execute(trx);
    });
    const { rows } = await sql<{ c: number }>`select count(*)::int as c from ${sql.table(table)}`.execute(db);
    expect(rows[0]?.c).toBe(0);
  });
});
