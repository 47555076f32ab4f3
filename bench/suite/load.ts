// Load over HTTP with autocannon (in a worker thread), with a warm-up and repetitions: the median of the
// repetitions is what the report shows, every run is kept in the JSON.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Stats, summarise } from '../stats';

export interface Measured {
  median: Stats;
  runs: Stats[];
}

export function autocannonRun(
  baseUrl: string,
  paths: string[],
  cookie: string | null,
  connections: number,
  seconds: number,
): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const w = new Worker(join(import.meta.dirname, 'autocannon-worker.mjs'), {
      workerData: { baseUrl, paths, cookie, connections, seconds },
    });
    w.once('message', (m: { error?: string; latencies: number[]; seconds: number; errors: number }) => {
      if (m.error) reject(new Error(m.error));
      else resolve(summarise(m.latencies, m.seconds || seconds, m.errors));
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** The median of each figure over the runs (errors summed: one failed request is worth seeing). */
export function medianOf(runs: Stats[]): Stats {
  const med = (f: (s: Stats) => number) => {
    const xs = runs.map(f).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)] ?? 0;
  };
  return {
    requests: med((s) => s.requests),
    rps: med((s) => s.rps),
    p50: med((s) => s.p50),
    p95: med((s) => s.p95),
    p99: med((s) => s.p99),
    errors: runs.reduce((n, s) => n + s.errors, 0),
  };
}

/** `repeat` timed runs of fn, after one warm-up run of `warmup` seconds (not kept). */
export async function repeated(
  fn: (seconds: number) => Promise<Stats>,
  opts: { seconds: number; repeat: number; warmup: number },
): Promise<Measured> {
  if (opts.warmup > 0) await fn(opts.warmup);
  const runs: Stats[] = [];
  for (let i = 0; i < opts.repeat; i++) runs.push(await fn(opts.seconds));
  return { median: medianOf(runs), runs };
}

/**
 * Waits until the server has worked off what a run left queued (autocannon stops sending, but requests it
 * had in flight still run, e.g. 32 boards queued on PGlite's single connection): `/api/health`, which reads
 * the database, answers in under 100 ms twice in a row, or 120 s have passed.
 */
export async function settle(baseUrl: string): Promise<void> {
  const end = performance.now() + 120_000;
  let fast = 0;
  while (fast < 2 && performance.now() < end) {
    const t0 = performance.now();
    try {
      await (await fetch(`${baseUrl}/api/health`)).arrayBuffer();
    } catch {
      // a refused request counts as slow
    }
    fast = performance.now() - t0 < 100 ? fast + 1 : 0;
    if (fast < 2) await new Promise((r) => setTimeout(r, 50));
  }
}
