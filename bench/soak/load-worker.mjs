// One autocannon instance in a worker thread for the whole soak: it reports every tick (latencies of the
// responses seen since the last tick, statuses that were not 2xx, transport errors), then a final summary.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { baseUrl, requests, headers, connections, seconds, tickMs } = workerData;
let latencies = [];
let bad = {};
let errors = 0;
const instance = autocannon(
  { url: baseUrl, connections, duration: seconds, timeout: 30, headers, requests },
  (err, result) => {
    flush();
    parentPort.postMessage(
      err
        ? { done: true, error: String(err) }
        : { done: true, requests: result.requests.total, timeouts: result.timeouts },
    );
  },
);
instance.on('response', (_client, status, _bytes, ms) => {
  latencies.push(ms);
  if (status < 200 || status > 299) bad[status] = (bad[status] ?? 0) + 1;
});
instance.on('reqError', () => {
  errors++;
});
function flush() {
  parentPort.postMessage({ tick: true, latencies, bad, errors });
  latencies = [];
  bad = {};
  errors = 0;
}
const timer = setInterval(flush, tickMs);
instance.on('done', () => clearInterval(timer));
