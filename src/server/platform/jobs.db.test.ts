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

  // Issue 7, item 19: a job whose worker died (crash, kill -9) stayed 'running' for ever.
  describe('a job left running by a worker that stopped', () => {
    const silent = pino({ level: 'silent' });
    /** A job as a crashed worker leaves it: running, one attempt counted, locked `minutesAgo` ago. */
    const abandoned = async (queue: string, minutesAgo: number, attempts = 1, maxAttempts = 5) => {
      const r = await sql<{
        id: number;
      }>`insert into jobs (queue, payload, status, attempts, max_attempts, locked_at)
        values (${queue}, '{"n": 1}'::jsonb, 'running', ${attempts}, ${maxAttempts},
          now() - make_interval(mins => ${minutesAgo}))
        returning id`.execute(t.engine.db);
      return r.rows[0]!.id;
    };
    const row = async (id: number) =>
      (
        await sql<{ status: string; attempts: number; last_error: string | null; fresh: boolean }>`
          select status, attempts, last_error, locked_at > now() - interval '1 minute' as fresh
          from jobs where id = ${id}`.execute(t.engine.db)
      ).rows[0];

    it('is taken again once its lock is older than 15 minutes, as a new attempt', async () => {
      const runner = createJobRunner(t.engine.db, silent);
      const seen: number[] = [];
      runner.register('test.stale', async (_payload, job) => {
        seen.push(job.id);
      });
      const stale = await abandoned('test.stale', 16);
      const recent = await abandoned('test.stale', 5);
      expect(await runner.runDue()).toBe(1);
      expect(seen).toEqual([stale]);
      expect(await row(stale)).toMatchObject({ status: 'done', attempts: 2 });
      // Locked 5 minutes ago: its worker may still be at work, so nobody else touches it.
      expect(await row(recent)).toMatchObject({ status: 'running', attempts: 1 });
    });

    it('takes the bound from the options', async () => {
      const runner = createJobRunner(t.engine.db, silent, { lockTimeoutMs: 2 * 60_000 });
      const seen: number[] = [];
      runner.register('test.stale.bound', async (_payload, job) => {
        seen.push(job.id);
      });
      const id = await abandoned('test.stale.bound', 3);
      expect(await runner.runDue()).toBe(1);
      expect(seen).toEqual([id]);
      expect(await row(id)).toMatchObject({ status: 'done', attempts: 2 });
    });

    it('fails it, without running it, when its attempts are spent', async () => {
      const runner = createJobRunner(t.engine.db, silent);
      const seen: number[] = [];
      runner.register('test.stale.spent', async (_payload, job) => {
        seen.push(job.id);
      });
      const id = await abandoned('test.stale.spent', 20, 3, 3);
      expect(await runner.runDue()).toBe(0);
      expect(seen).toEqual([]);
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3 });
      expect((await row(id))!.last_error).toMatch(/stopped before finishing/);
    });

    it('retries a taken-again job that fails, with the usual back-off, up to max_attempts', async () => {
      const runner = createJobRunner(t.engine.db, silent);
      runner.register('test.stale.failing', async () => {
        throw new Error('still broken');
      });
      const id = await abandoned('test.stale.failing', 30, 1, 2);
      expect(await runner.runDue()).toBe(1);
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2, last_error: 'still broken' });
    });

    it('is not taken while its handler is still at work: the lock is refreshed', async () => {
      const lockTimeoutMs = 1500;
      const first = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
      const second = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
      let runs = 0;
      let release!: () => void;
      const slow = async () => {
        runs++;
        await new Promise<void>((r) => {
          release = r;
        });
      };
      first.register('test.slow', slow);
      second.register('test.slow', slow);
      await withContext(t.engine.db, {}, (trx) => enqueue(trx, 'test.slow', {}));
      const running = first.runDue();
      await expect.poll(() => runs).toBe(1);
      // Twice the lock timeout later, the first worker is still running the job and keeps it.
      await new Promise((r) => setTimeout(r, 2 * lockTimeoutMs));
      expect(await second.runDue()).toBe(0);
      release();
      expect(await running).toBe(1);
      expect(runs).toBe(1);
      const r = await sql<{ status: string; attempts: number }>`
        select status, attempts from jobs where queue = 'test.slow'`.execute(t.engine.db);
      expect(r.rows).toEqual([{ status: 'done', attempts: 1 }]);
    });

    it('is not taken while it waits behind a slow job claimed in the same batch', async () => {
      const lockTimeoutMs = 1500;
      const first = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
      const second = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
      const ran: string[] = [];
      let release!: () => void;
      const handler = async (payload: Record<string, unknown>) => {
        ran.push(String(payload.name));
        if (payload.name === 'slow')
          await new Promise<void>((r) => {
            release = r;
          });
      };
      first.register('test.batch', handler);
      second.register('test.batch', handler);
      await withContext(t.engine.db, {}, async (trx) => {
        await enqueue(trx, 'test.batch', { name: 'slow' }, { runAt: new Date(Date.now() - 2000) });
        await enqueue(trx, 'test.batch', { name: 'next' }, { runAt: new Date(Date.now() - 1000) });
      });
      const running = first.runDue();
      await expect.poll(() => ran).toEqual(['slow']);
      await new Promise((r) => setTimeout(r, 2 * lockTimeoutMs));
      expect(await second.runDue()).toBe(0);
      release();
      expect(await running).toBe(2);
      expect(ran).toEqual(['slow', 'next']);
    });

    it('is closed only by the worker that holds it: a late first worker does not overwrite the new attempt', async () => {
      const lockTimeoutMs = 60_000;
      const late = createJobRunner(t.engine.db, silent, { lockTimeoutMs });
      let release!: () => void;
      late.register('test.late', async () => {
        await new Promise<void>((r) => {
          release = r;
        });
        throw new Error('late failure');
      });
      await withContext(t.engine.db, {}, (trx) => enqueue(trx, 'test.late', {}));
      const running = late.runDue();
      await expect.poll(() => release !== undefined).toBe(true);
      // As if the first worker had frozen past its timeout and another had taken the job and finished it.
      await sql`update jobs set status = 'done', attempts = attempts + 1, finished_at = now()
        where queue = 'test.late'`.execute(t.engine.db);
      release();
      await running;
      const r = await sql<{ status: string; attempts: number }>`
        select status, attempts from jobs where queue = 'test.late'`.execute(t.engine.db);
      expect(r.rows).toEqual([{ status: 'done', attempts: 2 }]);
    });
  });

  it('hides the queue from request transactions', async () => {
    const rows = await withContext(t.engine.db, { userId: crypto.randomUUID() }, (trx) =>
      trx.selectFrom('jobs').selectAll().execute(),
    );
    expect(rows).toEqual([]);
  });
});
