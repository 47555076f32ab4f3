import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { lockDataDir } from './db/datadir-lock';
import { type Engine, openPglite, openPostgres } from './db/engine';
import { migrate } from './db/migrate';
import type { Deps } from './deps';
import { createJobRunner } from './jobs';
import { createMailer } from './mail';
import { loadSecrets } from './secrets';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', '*.password'],
      remove: true,
    },
  });
}

/** Opens the configured engine: a PostgreSQL server when DATABASE_URL is set, else PGlite in the data folder. */
export async function openEngine(config: Config): Promise<{ engine: Engine; release: () => void }> {
  if (config.databaseUrl)
    return { engine: openPostgres(config.databaseUrl, config.dbPoolSize), release: () => {} };
  const release = lockDataDir(config.dataDir);
  try {
    return { engine: await openPglite(config.dataDir), release };
  } catch (e) {
    release();
    throw e;
  }
}

/** Applies migrations as the schema owner: DATABASE_MIGRATION_URL when set, else the app's own connection. */
export async function migrateWith(config: Config, engine: Engine) {
  if (!config.migrationUrl) return migrate(engine);
  const owner = openPostgres(config.migrationUrl, 1);
  try {
    return await migrate(owner);
  } finally {
    await owner.close();
  }
}

/** Everything a running platform needs, migrated and ready. */
export async function createDeps(config: Config, log: Logger, engine: Engine): Promise<Deps> {
  const { applied } = await migrateWith(config, engine);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const mailer = createMailer(config, log);
  const jobs = createJobRunner(engine.db, log);
  return { config, engine, db: engine.db, secrets: loadSecrets(config), mailer, jobs, log };
}
