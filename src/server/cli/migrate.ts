// `npm run migrate`: applies pending migrations to the configured database and exits.
import { createLogger, migrateWith, openEngine } from '../platform/boot';
import { ConfigError, loadConfig } from '../platform/config';
import { DataDirLockedError } from '../platform/db/datadir-lock';
import { MigrationError } from '../platform/db/migrate';

try {
  const config = loadConfig();
  const log = createLogger(config);
  const { engine, release } = await openEngine(config);
  try {
    const { applied, version } = await migrateWith(config, engine);
    log.info(
      { applied, version, engine: engine.kind },
      applied.length ? 'migrations applied' : 'schema up to date',
    );
  } finally {
    await engine.close();
    release();
  }
} catch (e) {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof MigrationError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
