export interface Stats {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export function summarise(latencies: number[], seconds: number, errors: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    rps: round(sorted.length / seconds),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    errors,
  };
}

/** Runs fn with the given concurrency for a number of seconds; returns its latency statistics. */
export async function measure(
  fn: () => Promise<unknown>,
  concurrency: number,
  seconds: number,
): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await fn();
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return summarise(latencies, seconds, errors);
}
