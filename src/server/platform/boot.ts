import pino, { type Logger } from 'pino';
import { systemClock } from '../../common/kernel/clock';
import type { Config } from './config';
import { lockDataDir } from './db/datadir-lock';
import { type Engine, openPglite, openPostgres } from './db/engine';
import { migrate } from './db/migrate';
import { bindEngine } from './db/prepare';
import type { Deps } from './deps';
import { createJobRunner } from './jobs';
import { checkMasterKey, sealPending } from './keys/rotation';
import { createMailer } from './mail';
import type { ServerModule } from './module';
import { loadSecrets, platformKeys, type Secrets } from './secrets';

/**
 * The process logger. Request logs name the query string's keys but never its values (names, birth
 * dates, codes are searched by query): every logged URL goes through redactUrl, and so do log messages
 * and the messages and stacks of logged errors, which may quote a URL.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  /** `/api/people?q=x&birthDate=y` → `/api/people?q=~&birthDate=~`. */
  const redactUrl = <T>(text: T): T =>
    typeof text === 'string'
      ? (text.replace(/\?([^\s#"'`]*)/g, (_, query: string) => {
          const pairs = query
            .split('&')
            .map((p) => (p.includes('=') ? `${p.slice(0, p.indexOf('='))}=~` : p));
          return `?${pairs.join('&')}`;
        }) as T)
      : text;
  type LoggedRequest = {
    method?: string;
    url?: string;
    host?: string;
    ip?: string;
    socket?: { remotePort?: number };
  };
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', '*.password'],
      remove: true,
    },
    serializers: {
      // Fastify's request, as Fastify logs it, with the URL's query values replaced.
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
      err: (err: Error) => {
        const out = pino.stdSerializers.err(err);
        return { ...out, message: redactUrl(out.message), stack: redactUrl(out.stack) };
      },
    },
    hooks: {
      // Messages that quote a URL (e.g. Fastify's "Reply was already sent … in the "/api/…" route").
      logMethod(args, method) {
        return method.apply(this, args.map((a) => redactUrl(a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
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

/**
 * Applies migrations as the schema owner (DATABASE_MIGRATION_URL when set, else the app's own
 * connection), then, still as the owner, reads the context key and binds the app's engine to it. Given
 * the secrets, it also checks that the master key opens the organisation keys and seals with them the
 * values not sealed yet (platform-key or clear values of the sealed columns, ADR 0031).
 */
export async function migrateWith(config: Config, engine: Engine, secrets?: Secrets) {
  const owner = config.migrationUrl ? openPostgres(config.migrationUrl, 1) : engine;
  try {
    const result = await migrate(owner, undefined, { appRole: config.databaseAppRole });
    await bindEngine(engine, owner, config);
    if (secrets)
      await owner.exclusive('samen-field-keys', async (session) => {
        await checkMasterKey(session, secrets);
        await sealPending(session, secrets);
      });
    return result;
  } finally {
    if (owner !== engine) await owner.close();
  }
}

/** Everything a running platform needs, migrated and ready. */
export async function createDeps(
  config: Config,
  log: Logger,
  engine: Engine,
  modules: readonly ServerModule[],
): Promise<Deps> {
  const secrets = loadSecrets(config);
  const { applied } = await migrateWith(config, engine, secrets);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const mailer = createMailer(config, log, platformKeys(secrets));
  const jobs = createJobRunner(engine.db, log);
  return { config, engine, db: engine.db, secrets, mailer, jobs, log, clock: systemClock, modules };
}
