// Loaded into the soaked server process (`node --expose-gc --import …/probe.mjs`): every 10 s it collects
// garbage, then appends one JSON line of what only the process itself can see (heap, live handles, fds).
import { appendFileSync, readdirSync } from 'node:fs';

const file = process.env.SOAK_PROBE_FILE;
if (file) {
  const sample = () => {
    // After a full collection the heap figure is what is kept alive, not what happens to be uncollected.
    globalThis.gc?.();
    const m = process.memoryUsage();
    const line = {
      at: Date.now(),
      rss: m.rss,
      heapUsed: m.heapUsed,
      external: m.external,
      handles: process.getActiveResourcesInfo().length,
      fds: readdirSync('/proc/self/fd').length,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  setInterval(sample, Number(process.env.SOAK_PROBE_MS ?? 10_000)).unref();
  setTimeout(sample, 1_000).unref();
}
