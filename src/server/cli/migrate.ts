// `npm run migrate`: applies pending migrations to the configured database and exits.
import { createLogger, migrateWith, openEngine } from '../platform/boot';
import { loadConfig } from '../platform/config';
import {
  appDatabaseVariable,
  ownerDatabaseVariable,
  reportStartupFailure,
  type StartupStep,
} from '../platform/startup-failure';

// Any failure prints one line naming its cause and exits 2.
let step: StartupStep = { doing: 'reading the configuration' };
try {
  const config = loadConfig();
  const log = createLogger(config);
  step = { doing: 'opening the database', databaseVariable: appDatabaseVariable(config) };
  const { engine, release } = await openEngine(config);
  try {
    step = { doing: 'applying migrations', databaseVariable: ownerDatabaseVariable(config), asOwner: true };
    const { applied, version } = await migrateWith(config, engine);
    log.info(
      { applied, version, engine: engine.kind },
      applied.length ? 'migrations applied' : 'schema up to date',
    );
  } finally {
    await engine.close().catch(() => {});
    release();
  }
} catch (e) {
  reportStartupFailure('npm run migrate failed', e, step);
  process.exit(2);
}
