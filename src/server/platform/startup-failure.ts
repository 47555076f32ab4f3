import { relative } from 'node:path';
import { type Config, ConfigError } from './config';
import { DataDirLockedError } from './db/datadir-lock';
import { MigrationError } from './db/migrate';
import { DatabaseSetupError } from './db/prepare';

/** What start-up was doing when it failed, so that the one line it prints can name what to fix. */
export interface StartupStep {
  /** e.g. 'applying migrations' */
  doing: string;
  /** The variable holding the PostgreSQL connection this step uses (none on the embedded database). */
  databaseVariable?: 'DATABASE_URL' | 'DATABASE_MIGRATION_URL';
  /** The step changes the schema: a missing right means the role is not the database's owner. */
  asOwner?: boolean;
}

type DatabaseVariable = StartupStep['databaseVariable'];

/** The variable of the app's connection: DATABASE_URL on a server, none on the embedded database. */
export const appDatabaseVariable = (config: Pick<Config, 'databaseUrl'>): DatabaseVariable =>
  config.databaseUrl ? 'DATABASE_URL' : undefined;

/** The variable of the owner's connection that migrations use. */
export const ownerDatabaseVariable = (
  config: Pick<Config, 'databaseUrl' | 'migrationUrl'>,
): DatabaseVariable => (config.migrationUrl ? 'DATABASE_MIGRATION_URL' : appDatabaseVariable(config));

type ErrorWithCode = Error & {
  code?: string;
  severity?: string;
  address?: string;
  port?: number;
  hostname?: string;
  syscall?: string;
  path?: string;
};

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** PostgreSQL errors (pg and PGlite) carry a five-character SQLSTATE and a severity. */
const isDatabaseError = (e: ErrorWithCode) =>
  typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';

/** The innermost error: a MigrationError keeps the database's error as its cause. */
function rootCause(e: unknown): unknown {
  let at = e;
  for (let i = 0; i < 5 && at instanceof Error && at.cause !== undefined; i++) at = at.cause;
  return at;
}

/** Where the error was thrown, relative to the working folder: a pointer for an unexpected failure. */
function thrownAt(e: Error): string {
  const frame = e.stack?.split('\n').find((l) => /^\s+at /.test(l));
  const m = frame?.match(/\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?$/);
  if (!m) return '';
  const file = m[1]!.replace(/^file:\/\//, '');
  return ` at ${file.startsWith('/') ? relative(process.cwd(), file) : file}:${m[2]}`;
}

/** What to do about a database error, naming the variable that holds the connection. */
function databaseHint(e: ErrorWithCode, step: StartupStep): string {
  const v = step.databaseVariable;
  if (!v) return '';
  switch (e.code) {
    case '28P01':
    case '28000':
      return ` — check the user and password in ${v}`;
    case '3D000':
      return ` — create the database, or correct its name in ${v}`;
    case '42501':
      // Row-level security refused a row: a rule of the schema, not a right missing from the connection.
      if (/row-level security/i.test(e.message)) return '';
      if (/create role/i.test(e.message))
        return ` — the owner in ${v} needs CREATEROLE to create the application role once (or a superuser creates it first)`;
      return step.asOwner
        ? ` — ${v} must connect as the owner of the database${v === 'DATABASE_URL' ? ', or DATABASE_MIGRATION_URL must be set to the owner' : ''} (README, "Production on PostgreSQL")`
        : ` — the role in ${v} lacks this right`;
    case '53300':
      return ' — the server has no free connection: lower DB_POOL_SIZE or raise its max_connections';
    case '57P03':
      return ' — the server is starting or shutting down: try again';
    default:
      return '';
  }
}

function explain(e: unknown, step: StartupStep): string {
  if (e instanceof ConfigError) return `invalid configuration: ${e.problems.join('; ')}`;
  if (e instanceof DataDirLockedError || e instanceof DatabaseSetupError) return e.message;
  const root = rootCause(e);
  // Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError.
  const first = (
    root instanceof AggregateError && root.errors[0] instanceof Error ? root.errors[0] : root
  ) as ErrorWithCode;
  const code = (root as ErrorWithCode)?.code ?? first?.code;
  if (e instanceof MigrationError)
    return `${e.message}${root !== e && root instanceof Error && isDatabaseError(root as ErrorWithCode) ? databaseHint(root as ErrorWithCode, step) : ''}`;
  if (!(root instanceof Error)) return `unexpected failure: ${String(root)}`;
  if (code && CONNECTION_CODES[code]) {
    const where = first.address
      ? `${first.address}${first.port ? `:${first.port}` : ''}`
      : (first.hostname ?? 'the configured host');
    return (
      `cannot reach the PostgreSQL server at ${where} (${CONNECTION_CODES[code]})` +
      (step.databaseVariable
        ? ` — check the host and port in ${step.databaseVariable} and that the server is running`
        : '')
    );
  }
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(root.message))
    return `cannot reach the PostgreSQL server: ${root.message}${step.databaseVariable ? ` — check ${step.databaseVariable}` : ''}`;
  const err = root as ErrorWithCode;
  if (isDatabaseError(err)) return `${err.message} (SQLSTATE ${err.code})${databaseHint(err, step)}`;
  if (err.code === 'EADDRINUSE')
    return `${err.address ?? ''}:${err.port ?? ''} is already in use — stop the other process or set PORT`;
  if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' || err.code === 'ENOSPC')
    return err.path
      ? `cannot use ${err.path}: ${err.message} — check DATA_DIR and its permissions`
      : `${err.message}${err.syscall === 'listen' ? ' — choose a PORT above 1023 or allow the process to bind it' : ''}`;
  return `unexpected ${err.name}: ${err.message}${thrownAt(err)} (LOG_LEVEL=debug prints the stack)`;
}

/**
 * The one line a failed start prints: what start-up was doing and the cause, with what to change when
 * it is known ("cannot create schema_migrations: permission denied for schema public — DATABASE_MIGRATION_URL
 * must connect as the owner of the database").
 */
export function describeStartupFailure(e: unknown, step: StartupStep): string {
  return `${step.doing}: ${explain(e, step)}`.replace(/\s*\n\s*/g, ' ');
}

/** Prints the failure line on stderr (and the stack when LOG_LEVEL asks for detail). */
export function reportStartupFailure(prefix: string, e: unknown, step: StartupStep): void {
  console.error(`${prefix}: ${describeStartupFailure(e, step)}`);
  const level = process.env.LOG_LEVEL?.trim().toLowerCase();
  if ((level === 'debug' || level === 'trace') && e instanceof Error && e.stack) console.error(e.stack);
}
