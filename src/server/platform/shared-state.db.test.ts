import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, engineAvailable, type TestEngine } from '../../../test/support/engine';
import { withContext } from './db/context';
import { bindEngine, DEFAULT_DB_SETTINGS } from './db/prepare';
import { createJobRunner } from './jobs';
import { sharedRateLimitStore } from './rate-limit-store';

const available = await engineAvailable();
const silent = pino({ level: 'silent' });

/** What several processes on one database share beyond sessions and jobs (migration 0062, ADR 0029). */
describe.skipIf(!available)('state shared by the processes of one database', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await createTestEngine();
  });
  afterAll(async () => t?.drop());

  const hit = (
    store: { incr: (k: string, cb: (e: Error | null, r?: unknown) => void, w: number) => void },
    key: string,
    windowMs = 60_000,
  ) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      store.incr(key, (e, r) => (e ? reject(e) : resolve(r as { current: number; ttl: number })), windowMs),
    );

  it('counts a rate limit once for every store on the database, per route, in a fixed window', async () => {
    const Store = sharedRateLimitStore(t.engine.db);
    const route = { routeInfo: { method: 'POST', url: '/api/auth/login' } };
    // Two processes: two stores, each derived per route as the plugin does.
    const first = new Store({}).child(route);
    const second = new Store({}).child(route);
    expect(await hit(first, '203.0.113.7')).toMatchObject({ current: 1 });
    expect(await hit(second, '203.0.113.7')).toMatchObject({ current: 2 });
    const third = await hit(first, '203.0.113.7');
    expect(third.current).toBe(3);
    expect(third.ttl).toBeGreaterThan(50_000);
    expect(third.ttl).toBeLessThanOrEqual(60_000);
    // Another address, another route: their own counters.
    expect(await hit(first, '203.0.113.8')).toMatchObject({ current: 1 });
    const other = new Store({}).child({ routeInfo: { method: 'GET', url: '/api/directory/services' } });
    expect(await hit(other, '203.0.113.7')).toMatchObject({ current: 1 });
    // A window that ended starts again at 1.
    await hit(first, 'short', 50);
    expect(await hit(second, 'short', 50)).toMatchObject({ current: 2 });
    await new Promise((r) => setTimeout(r, 80));
    expect(await hit(first, 'short', 50)).toMatchObject({ current: 1 });
  });

  it('keeps the counters out of samen_app’s reach and stores no address', async () => {
    const keys = await sql<{ key: Uint8Array }>`select key from app.rate_limits`.execute(t.engine.db);
    expect(keys.rows.length).toBeGreaterThan(0);
    for (const k of keys.rows) {
      expect(Buffer.from(k.key)).toHaveLength(32);
      expect(Buffer.from(k.key).toString('latin1')).not.toContain('203.0.113');
    }
    for (const table of ['app.rate_limits', 'app.recurring_leases'])
      await expect(
        withContext(t.engine.db, { scope: 'system' }, (trx) =>
          sql`select 1 from ${sql.raw(table)}`.execute(trx),
        ),
      ).rejects.toThrow(/permission denied/);
    await expect(
      withContext(t.engine.db, { scope: 'system' }, (trx) =>
        sql`update app.recurring_leases set due_at = now()`.execute(trx),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('runs a recurring task once per interval across runners, and again after a killed run’s lease expires', async () => {
    const lockTimeoutMs = 300;
    const runs: string[] = [];
    let release: () => void = () => {};
    const slow = () =>
      new Promise<void>((resolve) => {
        release = resolve;
      });
    const first = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
    const second = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
    first.every('test.reminders', 60_000, async () => {
      runs.push('first');
    });
    second.every('test.reminders', 60_000, async () => {
      runs.push('second');
    });
    const both = await Promise.all([
      first.runRecurring('test.reminders'),
      second.runRecurring('test.reminders'),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(runs).toHaveLength(1);
    // Not due again within its interval, whoever asks.
    expect(await first.runRecurring('test.reminders')).toBe(false);
    expect(await second.runRecurring('test.reminders')).toBe(false);

    // A long run keeps its lease past lockTimeoutMs (renewed), so a due task is never started twice.
    const long = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
    const other = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
    long.every('test.long', 20, slow);
    other.every('test.long', 20, async () => {
      runs.push('other');
    });
    const running = long.runRecurring('test.long');
    await new Promise((r) => setTimeout(r, 3 * lockTimeoutMs));
    expect(await other.runRecurring('test.long')).toBe(false);
    release();
    expect(await running).toBe(true);
    expect(await other.runRecurring('test.long')).toBe(true);
    expect(runs).toContain('other');

    // A process killed mid-run never releases its lease: it expires after lockTimeoutMs.
    await sql`update app.recurring_leases set holder = gen_random_uuid(), running_until = now() + interval '200 milliseconds',
      due_at = now() where name = 'test.long'`.execute(t.engine.db);
    expect(await other.runRecurring('test.long')).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await other.runRecurring('test.long')).toBe(true);
    const lease = await sql<{ runs: number; running_until: Date | null }>`
      select runs, running_until from app.recurring_leases where name = 'test.long'`.execute(t.engine.db);
    expect(lease.rows[0]).toEqual({ runs: 3, running_until: null });
  });

  it('sets the statement timeout per transaction on PostgreSQL, never on the pooled connection', async () => {
    await bindEngine(t.engine, t.engine, { ...DEFAULT_DB_SETTINGS, dbStatementTimeoutMs: 250 });
    try {
      const shown = await withContext(t.engine.db, { scope: 'system' }, (trx) =>
        sql<{ statement_timeout: string }>`show statement_timeout`.execute(trx),
      );
      if (t.engine.kind === 'postgres') {
        expect(shown.rows[0]?.statement_timeout).toBe('250ms');
        await expect(
          withContext(t.engine.db, { scope: 'system' }, (trx) => sql`select pg_sleep(1)`.execute(trx)),
        ).rejects.toThrow(/statement timeout/);
      } else expect(shown.rows[0]?.statement_timeout).toBe('0');
      // Local to the transaction: the connection goes back to the pool (or PgBouncer) unchanged.
      const after = (await t.engine.rawQuery('show statement_timeout', [])) as Array<{
        statement_timeout: string;
      }>;
      expect(after[0]?.statement_timeout).toBe('0');
    } finally {
      await bindEngine(t.engine, t.engine, DEFAULT_DB_SETTINGS);
    }
  });
});
