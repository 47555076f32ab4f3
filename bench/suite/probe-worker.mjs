// The responsiveness probe: one cheap request every 50 ms (open loop, so a stalled server shows as long
// latencies, not as fewer samples) until the parent says stop.
import { parentPort, workerData } from 'node:worker_threads';

const { url, everyMs } = workerData;
const latencies = [];
let errors = 0;
let pending = 0;
const timer = setInterval(() => {
  pending++;
  const t0 = performance.now();
  fetch(url)
    .then(async (r) => {
      await r.arrayBuffer();
      if (!r.ok) errors++;
    })
    .catch(() => errors++)
    .finally(() => {
      latencies.push(performance.now() - t0);
      pending--;
      if (latencies.length === 1) parentPort.postMessage({ ready: true });
    });
}, everyMs);

parentPort.on('message', async () => {
  clearInterval(timer);
  while (pending > 0) await new Promise((r) => setTimeout(r, 10));
  parentPort.postMessage({ latencies, errors });
});
