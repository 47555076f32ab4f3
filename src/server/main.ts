import { buildApp } from './app';
import { isEmpty, seedDemo } from './demo/seed';
import { registerModuleJobs, SERVER_MODULES } from './modules';
import { createDeps, createLogger, openEngine } from './platform/boot';
import { loadConfig } from './platform/config';
import { registerPlatformJobs } from './platform/platform-jobs';
import {
  appDatabaseVariable,
  ownerDatabaseVariable,
  reportStartupFailure,
  type StartupStep,
} from './platform/startup-failure';

type Opened = Awaited<ReturnType<typeof openEngine>>;

/** Where start-up is: a failure names the step, and what was opened is closed before exiting. */
interface Progress {
  step: StartupStep;
  opened?: Opened;
}

async function main() {
  // Every failure before "samen is running" prints one line naming its cause, then exits 1.
  const progress: Progress = { step: { doing: 'reading the configuration' } };
  try {
    await start(progress);
  } catch (e) {
    reportStartupFailure('samen cannot start', e, progress.step);
    await progress.opened?.engine.close().catch(() => {});
    progress.opened?.release();
    process.exit(1);
  }
}

async function start(progress: Progress) {
  const at = (step: StartupStep) => {
    progress.step = step;
  };
  const config = loadConfig();
  const databaseVariable = appDatabaseVariable(config);
  at({ doing: 'opening the database', databaseVariable });
  const opened = await openEngine(config);
  progress.opened = opened;
  const { engine, release } = opened;
  const log = createLogger(config);
  at({
    doing: 'applying migrations',
    databaseVariable: ownerDatabaseVariable(config),
    asOwner: true,
  });
  const deps = await createDeps(config, log, engine, SERVER_MODULES);
  at({ doing: 'seeding the demo network', databaseVariable });
  if (config.seedDemo && (await isEmpty(engine))) {
    log.info('empty database: seeding the demo network');
    await seedDemo(engine, deps.secrets);
  }
  at({ doing: 'starting the web server', databaseVariable });
  const app = await buildApp(deps);
  registerPlatformJobs(deps);
  registerModuleJobs(deps);
  at({ doing: 'opening the HTTP port' });
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

void main();
