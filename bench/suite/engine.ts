// One engine from scratch: a fresh database, migrations, the demo, the generated network at a scale, the
// app on a free port; then the caller's sections run against it and everything is dropped.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { LogEvent } from 'kysely';
import { seedDemo } from '../../src/server/demo/seed';
import { migrate } from '../../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../../src/server/platform/db/prepare';
import { BENCH_SECRETS, openBenchEngine, startBenchApp } from '../harness';
import type { EngineContext } from './context';
import { buildNetwork } from './network';
import type { BenchOptions, EngineKind } from './options';

export async function withEngine<T>(
  kind: EngineKind,
  opts: BenchOptions,
  scale: number,
  fn: (ctx: EngineContext) => Promise<T>,
): Promise<{ result: T; setup: Record<string, unknown> }> {
  let sink: LogEvent[] | null = null;
  const log = (line: string) => console.log(`[${kind} ×${scale}] ${line}`);
  const { engine, drop } = await openBenchEngine(
    kind,
    (e) => sink?.push(e),
    `samen_benchsuite_${kind}_${Date.now()}`,
  );
  try {
    const t0 = performance.now();
    await migrate(engine);
    await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
    await seedDemo(engine, BENCH_SECRETS);
    const demoMs = Math.round(performance.now() - t0);
    const network = await buildNetwork(engine, { seed: opts.seed, scale, log });
    log(
      `data ready: migrate + demo ${demoMs} ms, network (${network.source}) ${network.millis.total} ms ${JSON.stringify(network.counts)}`,
    );
    // The built web app is served when there is one, for the web section's first renders.
    const webDir = join(import.meta.dirname, '../../dist/web');
    // A port chosen beforehand so that PUBLIC_URL names it: a browser's sign-in must come from that origin.
    const port = await freePort();
    const app = await startBenchApp(engine, {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...(existsSync(webDir) ? { WEB_DIR: webDir } : {}),
    });
    const cookies = new Map<string, string | null>();
    const ctx: EngineContext = {
      kind,
      engine,
      baseUrl: app.baseUrl,
      network,
      opts,
      log,
      cookie: async (account) => {
        if (!account) return null;
        if (!cookies.has(account)) cookies.set(account, await app.login(account));
        return cookies.get(account) ?? null;
      },
      capture: async (f) => {
        const events: LogEvent[] = [];
        sink = events;
        try {
          const result = await f();
          return { result, events };
        } finally {
          sink = null;
        }
      },
    };
    try {
      const result = await fn(ctx);
      return {
        result,
        setup: {
          engine: kind,
          scale,
          demoMs,
          source: network.source,
          counts: network.counts,
          millis: network.millis,
        },
      };
    } finally {
      await app.close();
    }
  } finally {
    await drop();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
