// Runs in a worker thread so the load generator does not share the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';

const { baseUrl, paths, cookie, concurrency, seconds } = workerData;
const latencies = [];
let errors = 0;
let i = 0;
const end = performance.now() + seconds * 1000;

async function loop() {
  while (performance.now() < end) {
    const path = paths[i++ % paths.length];
    const t0 = performance.now();
    try {
      const res = await fetch(baseUrl + path, { headers: cookie ? { cookie } : {} });
      await res.arrayBuffer();
      if (!res.ok) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t0);
  }
}

await Promise.all(Array.from({ length: concurrency }, loop));
parentPort.postMessage({ latencies, errors, seconds });
