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
  /** Runs a handler every intervalMs in this process (recurring maintenance and reminders). */
  every(name: string, intervalMs: number, fn: () => Promise<void>): void;
  start(): void;
  /** Stops taking work and waits for running jobs to finish. */
  stop(): Promise<void>;
  /** Runs due jobs once (used by tests and by the poll loop). */
  runDue(limit?: number): Promise<number>;
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

/**
 * A small job queue on the jobs table (FOR UPDATE SKIP LOCKED), the same on PGlite and PostgreSQL,
 * so several app processes can share the work on a server. See docs/adr/0004-job-queue.md.
 */
export function createJobRunner(db: Kysely<Database>, log: Logger, pollMs = 1000): JobRunner {
  const handlers = new Map<string, JobHandler>();
  const timers: NodeJS.Timeout[] = [];
  const recurring: Array<{ name: string; intervalMs: number; fn: () => Promise<void> }> = [];
  const running = new Set<Promise<unknown>>();
  let stopped = true;

  const track = <T>(p: Promise<T>) => {
    running.add(p);
    p.finally(() => running.delete(p)).catch(() => {});
    return p;
  };

  async function runDue(limit = 10): Promise<number> {
    const jobs = await withContext(db, { scope: 'system' }, async (trx) => {
      const due = await trx
        .selectFrom('jobs')
        .select(['id', 'queue', 'payload', 'org_id', 'attempts', 'max_attempts'])
        .where('status', '=', 'queued')
        .where('run_at', '<=', new Date())
        .where('queue', 'in', handlers.size ? [...handlers.keys()] : ['-'])
        .orderBy('run_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length)
        await trx
          .updateTable('jobs')
          .set({ status: 'running', locked_at: new Date(), attempts: sql`attempts + 1` })
          .where(
            'id',
            'in',
            due.map((j) => j.id),
          )
          .execute();
      return due;
    });
    for (const job of jobs) {
      const handler = handlers.get(job.queue)!;
      let error: string | null = null;
      try {
        await handler((job.payload ?? {}) as Record<string, unknown>, { id: job.id, orgId: job.org_id });
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        log.error({ err: e, jobId: job.id, queue: job.queue }, 'job failed');
      }
      const attempts = job.attempts + 1;
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
          .execute(),
      );
    }
    return jobs.length;
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
          await track(r.fn()).catch((e) => log.error({ err: e, task: r.name }, 'recurring task failed'));
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
  };
}
