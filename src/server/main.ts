import { buildApp } from './app';
import { isEmpty, seedDemo } from './demo/seed';
import { registerPlacementReminders } from './modules/placements/reminders/run-reminders';
import { createDeps, createLogger, openEngine } from './platform/boot';
import { ConfigError, loadConfig } from './platform/config';
import { DataDirLockedError } from './platform/db/datadir-lock';
import { MigrationError } from './platform/db/migrate';
import { registerPlatformJobs } from './platform/platform-jobs';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(config);
  let opened: Awaited<ReturnType<typeof openEngine>>;
  try {
    opened = await openEngine(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const { engine, release } = opened;
  let deps: Awaited<ReturnType<typeof createDeps>>;
  try {
    deps = await createDeps(config, log, engine);
  } catch (e) {
    if (e instanceof MigrationError) console.error(e.message);
    await engine.close().catch(() => {});
    release();
    process.exit(1);
  }
  if (config.seedDemo && (await isEmpty(engine))) {
    log.info('empty database: seeding the demo network');
    await seedDemo(engine, deps.secrets);
  }
  const app = await buildApp(deps);
  registerPlatformJobs(deps);
  registerPlacementReminders(deps);
  await app.listen({ port: config.port, host: config.host });
  deps.jobs.start();
  log.info({ engine: engine.kind, url: config.publicUrl }, 'samen is running');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing requests and jobs');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app.close();
    await deps.jobs.stop();
    await engine.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
