// autocannon in a worker thread, so that the load generator does not share the server's event loop. Every
// response time is kept (autocannon's own summary has no p95); the parent computes the percentiles.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { baseUrl, paths, cookie, connections, seconds } = workerData;
const latencies = [];
const instance = autocannon(
  {
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    headers: cookie ? { cookie } : {},
    requests: paths.map((path) => ({ method: 'GET', path })),
  },
  (err, result) => {
    if (err) {
      parentPort.postMessage({ error: String(err) });
      return;
    }
    parentPort.postMessage({
      latencies,
      seconds: result.duration,
      errors: result.errors + result.timeouts + result.non2xx,
      non2xx: result.non2xx,
    });
  },
);
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
