import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { type Tx, withContext } from './db/context';
import type { Database } from './db/database';

export type JobHandler = (
  payload: Record<string, unknown>,
  job: { id: number; orgId: string | null },
) => Promise<void>;

export interface JobRunner {
  register(queue: string, handler: JobHandler): void;
  /**
   * Runs a handler every intervalMs (recurring maintenance and reminders). Each run first takes the task's
   * lease in the database, so across every process sharing it the task runs once per interval (ADR 0029).
   */
  every(name: string, intervalMs: number, fn: () => Promise<void>): void;
  start(): void;
  /** Stops taking work and waits for running jobs to finish. */
  stop(): Promise<void>;
  /** Runs due jobs once (used by tests and by the poll loop). */
  runDue(limit?: number): Promise<number>;
  /** Runs a recurring task now if it is due and no process holds its lease; true when it ran (timer, tests). */
  runRecurring(name: string): Promise<boolean>;
}

/** Enqueues a job in the caller's transaction (outbox): it runs only if the transaction commits. */
export async function enqueue(
  trx: Tx,
  queue: string,
  payload: Record<string, unknown>,
  opts: { runAt?: Date; orgId?: string | null; singletonKey?: string } = {},
): Promise<void> {
  await sql`insert into jobs (queue, payload, org_id, singleton_key, run_at)
    values (${queue}, ${JSON.stringify(payload)}::jsonb, ${opts.orgId ?? null}, ${opts.singletonKey ?? null},
      ${opts.runAt ?? new Date()})
    on conflict do nothing`.execute(trx);
}

export interface JobRunnerOptions {
  /** How often the runner looks for due jobs. */
  pollMs?: number;
  /**
   * A job still 'running' with a lock older than this was left by a worker that stopped (crash,
   * kill -9, lost server): it is taken again, as a new attempt, or failed when its attempts are spent.
   * A running handler refreshes its lock every third of this, so a long job is never taken twice.
   */
  lockTimeoutMs?: number;
}

export const DEFAULT_JOB_LOCK_TIMEOUT_MS = 15 * 60_000;

/**
 * A small job queue on the jobs table (FOR UPDATE SKIP LOCKED), the same on PGlite and PostgreSQL,
 * so several app processes can share the work on a server. See docs/adr/0004-job-queue.md.
 */
export function createJobRunner(
  db: Kysely<Database>,
  log: Logger,
  options: JobRunnerOptions = {},
): JobRunner {
  const pollMs = options.pollMs ?? 1000;
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_JOB_LOCK_TIMEOUT_MS;
  const staleBefore = sql<Date>`now() - make_interval(secs => ${lockTimeoutMs / 1000}::double precision)`;
  const handlers = new Map<string, JobHandler>();
  const timers: NodeJS.Timeout[] = [];
  const recurring: Array<{ name: string; intervalMs: number; fn: () => Promise<void> }> = [];
  const running = new Set<Promise<unknown>>();
  let stopped = true;
  // Who holds a recurring task's lease: this runner, whatever the process.
  const holder = randomUUID();
  const ms = (n: number) => Math.min(Math.max(Math.round(n), 1), 2_147_483_647);

  const track = <T>(p: Promise<T>) => {
    running.add(p);
    p.finally(() => running.delete(p)).catch(() => {});
    return p;
  };

  /** Keeps a running job's lock fresh while its handler works, so no other worker takes it as abandoned. */
  const heartbeat = (id: number, attempts: number) => {
    const timer = setInterval(
      () => {
        track(
          withContext(db, { scope: 'system' }, (trx) =>
            trx
              .updateTable('jobs')
              .set({ locked_at: sql<Date>`now()` })
              .where('id', '=', id)
              .where('status', '=', 'running')
              .where('attempts', '=', attempts)
              .execute(),
          ),
        ).catch((e) => log.warn({ err: e, jobId: id }, 'job lock refresh failed'));
      },
      Math.max(lockTimeoutMs / 3, 10),
    );
    timer.unref();
    return () => clearInterval(timer);
  };

  async function runDue(limit = 10): Promise<number> {
    const jobs = await withContext(db, { scope: 'system' }, async (trx) => {
      const due = await trx
        .selectFrom('jobs')
        .select(['id', 'queue', 'payload', 'org_id', 'attempts', 'max_attempts', 'status'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', new Date())]),
            // Left running by a worker that stopped before finishing (its lock is no longer refreshed).
            eb.and([eb('status', '=', 'running'), eb('locked_at', '<', staleBefore)]),
          ]),
        )
        .where('queue', 'in', handlers.size ? [...handlers.keys()] : ['-'])
        .orderBy('run_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      const spent = due.filter((j) => j.status === 'running' && j.attempts >= j.max_attempts);
      const taken = due.filter((j) => !spent.includes(j));
      for (const j of spent)
        log.error(
          { jobId: j.id, queue: j.queue, attempts: j.attempts },
          'job abandoned by its worker, attempts spent',
        );
      if (spent.length)
        await trx
          .updateTable('jobs')
          .set({
            status: 'failed',
            finished_at: new Date(),
            last_error: `the worker stopped before finishing (lock older than ${lockTimeoutMs / 60_000} min) and no attempt is left`,
          })
          .where(
            'id',
            'in',
            spent.map((j) => j.id),
          )
          .execute();
      for (const j of taken)
        if (j.status === 'running')
          log.warn(
            { jobId: j.id, queue: j.queue, attempts: j.attempts },
            'job abandoned by its worker: taken again',
          );
      if (taken.length)
        await trx
          .updateTable('jobs')
          .set({ status: 'running', locked_at: sql<Date>`now()`, attempts: sql`attempts + 1` })
          .where(
            'id',
            'in',
            taken.map((j) => j.id),
          )
          .execute();
      return taken;
    });
    // Every claimed job keeps its lock fresh until it is closed, also while it waits behind the others.
    const heartbeats = new Map(jobs.map((j) => [j.id, heartbeat(j.id, j.attempts + 1)]));
    try {
      for (const job of jobs) await runOne(job, () => heartbeats.get(job.id)?.());
    } finally {
      for (const stop of heartbeats.values()) stop();
    }
    return jobs.length;
  }

  async function runOne(
    job: {
      id: number;
      queue: string;
      payload: unknown;
      org_id: string | null;
      attempts: number;
      max_attempts: number;
    },
    stopHeartbeat: () => void,
  ): Promise<void> {
    const handler = handlers.get(job.queue)!;
    const attempts = job.attempts + 1;
    let error: string | null = null;
    try {
      await handler((job.payload ?? {}) as Record<string, unknown>, { id: job.id, orgId: job.org_id });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      log.error({ err: e, jobId: job.id, queue: job.queue }, 'job failed');
    } finally {
      stopHeartbeat();
    }
    // Only this claim's attempt is closed: a job another worker has taken again is left to it.
    await withContext(db, { scope: 'system' }, (trx) =>
      trx
        .updateTable('jobs')
        .set(
          error === null
            ? { status: 'done', finished_at: new Date(), last_error: null }
            : attempts >= job.max_attempts
              ? { status: 'failed', finished_at: new Date(), last_error: error }
              : // Exponential back-off: 30 s, 2 min, 8 min…
                {
                  status: 'queued',
                  last_error: error,
                  run_at: new Date(Date.now() + 30_000 * 4 ** (attempts - 1)),
                },
        )
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('attempts', '=', attempts)
        .execute(),
    );
  }

  /**
   * One run of a recurring task under its lease: claimed only when due and free, renewed while it runs (a
   * long reminder run is never started twice), released when done. A process killed mid-run leaves a lease
   * that expires after lockTimeoutMs; the next claim then runs the task again.
   */
  async function runRecurring(name: string): Promise<boolean> {
    const task = recurring.find((r) => r.name === name);
    if (!task) throw new Error(`no recurring task ${name}`);
    const claimed = await withContext(db, { scope: 'system' }, (trx) =>
      sql<{ ok: boolean | null }>`select app.recurring_claim(${name}, ${holder}::uuid,
        ${ms(task.intervalMs)}::integer, ${ms(lockTimeoutMs)}::integer) as ok`.execute(trx),
    );
    if (claimed.rows[0]?.ok !== true) {
      log.debug({ task: name }, 'recurring task not due or running elsewhere');
      return false;
    }
    const renew = setInterval(
      () => {
        track(
          withContext(db, { scope: 'system' }, (trx) =>
            sql`select app.recurring_renew(${name}, ${holder}::uuid, ${ms(lockTimeoutMs)}::integer)`.execute(
              trx,
            ),
          ),
        ).catch((e) => log.warn({ err: e, task: name }, 'recurring lease refresh failed'));
      },
      Math.max(lockTimeoutMs / 3, 10),
    );
    renew.unref();
    try {
      await task.fn();
    } finally {
      clearInterval(renew);
      await withContext(db, { scope: 'system' }, (trx) =>
        sql`select app.recurring_finish(${name}, ${holder}::uuid)`.execute(trx),
      ).catch((e) => log.warn({ err: e, task: name }, 'recurring lease release failed'));
    }
    return true;
  }

  return {
    register(queue, handler) {
      handlers.set(queue, handler);
    },
    every(name, intervalMs, fn) {
      recurring.push({ name, intervalMs, fn });
    },
    start() {
      if (!stopped) return;
      stopped = false;
      const poll = async () => {
        if (stopped) return;
        await track(runDue()).catch((e) => log.error({ err: e }, 'job poll failed'));
        if (!stopped) timers.push(setTimeout(poll, pollMs));
      };
      timers.push(setTimeout(poll, pollMs));
      for (const r of recurring) {
        const tick = async () => {
          if (stopped) return;
          await track(runRecurring(r.name)).catch((e) =>
            log.error({ err: e, task: r.name }, 'recurring task failed'),
          );
          if (!stopped) timers.push(setTimeout(tick, r.intervalMs));
        };
        timers.push(setTimeout(tick, Math.min(r.intervalMs, 5_000)));
      }
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.allSettled([...running]);
    },
    runDue,
    runRecurring,
  };
}
