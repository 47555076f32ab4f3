// Latency of a cheap endpoint sampled every 50 ms from a worker thread while heavy work runs, and idle.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface ProbeStats {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
}

function summary(latencies: number[], errors: number): ProbeStats {
  const xs = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : 0);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { samples: xs.length, p50: r(at(0.5)), p95: r(at(0.95)), max: r(xs.at(-1) ?? 0), errors };
}

/** Runs work while probing url; returns the work's result and the probe's figures. */
export async function probeDuring<T>(
  url: string,
  work: () => Promise<T>,
): Promise<{ result: T; probe: ProbeStats }> {
  const w = new Worker(join(import.meta.dirname, 'probe-worker.mjs'), { workerData: { url, everyMs: 50 } });
  // The work starts once the probe has its first answer (a worker thread takes a while to start).
  let ready: () => void = () => {};
  const started = new Promise<void>((r) => {
    ready = r;
  });
  const done = new Promise<ProbeStats>((resolve, reject) => {
    w.on('message', (m: { ready?: boolean; latencies: number[]; errors: number }) => {
      if (m.ready) ready();
      else resolve(summary(m.latencies, m.errors));
    });
    w.once('error', reject);
  });
  await Promise.race([started, new Promise((r) => setTimeout(r, 10_000).unref())]);
  try {
    const result = await work();
    w.postMessage('stop');
    const probe = await done;
    return { result, probe };
  } finally {
    setTimeout(() => void w.terminate(), 2000).unref();
  }
}

/** The same probe with nothing else running, for `ms`. */
export async function probeIdle(url: string, ms: number) {
  return (await probeDuring(url, () => new Promise((r) => setTimeout(r, ms)))).probe;
}
