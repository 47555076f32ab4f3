import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, engineAvailable, type TestEngine } from '../../../test/support/engine';
import { withContext } from './db/context';
import { createJobRunner, enqueue } from './jobs';

const available = await engineAvailable();

describe.skipIf(!available)('job queue', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await createTestEngine();
  });
  afterAll(async () => t?.drop());

  it('runs a job only if the transaction that enqueued it committed, and retries failures', async () => {
    const runner = createJobRunner(t.engine.db, pino({ level: 'silent' }));
    const seen: unknown[] = [];
    let failOnce = true;
    runner.register('test.echo', async (payload) => {
      if (payload.flaky && failOnce) {
        failOnce = false;
        throw new Error('transient');
      }
      seen.push(payload.n);
    });
    await withContext(t.engine.db, {}, (trx) => enqueue(trx, 'test.echo', { n: 1 }));
    await expect(
      withContext(t.engine.db, {}, async (trx) => {
        await enqueue(trx, 'test.echo', { n: 2 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await withContext(t.engine.db, {}, (trx) => enqueue(trx, 'test.echo', { n: 3, flaky: true }));
    expect(await runner.runDue()).toBe(2);
    expect(seen).toEqual([1]);
    // The failed one waits for its back-off; bring it forward instead of sleeping.
    await sql`update jobs set run_at = now() where status = 'queued'`.execute(t.engine.db);
    expect(await runner.runDue()).toBe(1);
    expect(seen).toEqual([1, 3]);
    const rows = await sql<{
      status: string;
      attempts: number;
    }>`select status, attempts from jobs order by id`.execute(t.engine.db);
    expect(rows.rows).toEqual([
      { status: 'done', attempts: 1 },
      { status: 'done', attempts: 2 },
    ]);
  });

  it('keeps one pending job per singleton key', async () => {
    await withContext(t.engine.db, {}, async (trx) => {
      await enqueue(trx, 'test.once', {}, { singletonKey: 'k' });
      await enqueue(trx, 'test.once', {}, { singletonKey: 'k' });
    });
    const r = await sql<{ n: number }>`select count(*)::int as n from jobs where queue = 'test.once'`.execute(
      t.engine.db,
    );
    expect(r.rows[0]!.n).toBe(1);
  });

  it('hides the queue from request transactions', async () => {
    const rows = await withContext(t.engine.db, { userId: crypto.randomUUID() }, (trx) =>
      trx.selectFrom('jobs').selectAll().execute(),
    );
    expect(rows).toEqual([]);
  });
});
