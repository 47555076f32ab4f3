import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; null means the embedded PGlite database in dataDir. */
  databaseUrl: string | null;
  /** Owner connection for migrations when the app's login role may not change the schema. */
  migrationUrl: string | null;
  /** Connections each process opens to PostgreSQL at most (process count × this ≤ the server's or pooler's). */
  dbPoolSize: number;
  /** Longest a statement of a request or job transaction may run on PostgreSQL, in ms; 0 = no limit. */
  dbStatementTimeoutMs: number;
  dataDir: string;
  publicUrl: string;
  secureCookies: boolean;
  /**
   * Which X-Forwarded-For hops to believe: false (none: the socket address is the client), the number of
   * reverse proxies in front of samen, or the proxies' addresses/CIDRs. Never "any hop".
   */
  trustProxy: TrustProxy;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Sign-in and reset attempts per minute and client address, before the per-account lock-out. */
  loginRateLimit: number;
  /** Public directory requests per minute per address. */
  directoryRateLimit: number;
  /** Identity checks (possible duplicates, known in another centre) per hour per user. */
  identityCheckRateLimit: number;
  /** Largest file the observatory imports, in MB (streamed to a temporary file, never held in memory). */
  observatoryImportMaxMb: number;
  smtpUrl: string | null;
  mailFrom: string;
  secretKey: string | null;
  /** The master key being replaced, during a master key rotation only (`npm run keys:rotate -- --master`). */
  previousSecretKey?: string | null;
  networkSecret: string | null;
  seedDemo: boolean;
  logLevel: string;
  /** Role the request transactions switch to (SET LOCAL ROLE); per database on a shared server. */
  databaseAppRole: string;
  /** Serve the API documentation (/api/docs, /api/openapi.json). */
  apiDocs: boolean;
  production: boolean;
  webDir: string;
}

export type TrustProxy = false | number | string[];

/** PostgreSQL role names samen accepts: lower-case, unquoted identifiers. */
export const DATABASE_ROLE_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(v: string): boolean {
  if (PROXY_RANGE_NAMES.has(v)) return true;
  const [address = '', prefix, ...rest] = v.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^[0-9]{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const TRUST_PROXY_HELP =
  'write the number of reverse proxies in front of samen (e.g. TRUST_PROXY=1) or their addresses ' +
  '(e.g. TRUST_PROXY=10.0.0.5,10.1.0.0/16), or false when clients connect directly';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment, reporting every wrong variable at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const int = (name: string, def: number, min: number, max: number) => {
    const v = str(name);
    if (v === undefined) return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}="${v}" must be a whole number between ${min} and ${max}`);
      return def;
    }
    return n;
  };
  const bool = (name: string, def: boolean) => {
    const v = str(name)?.toLowerCase();
    if (v === undefined) return def;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    problems.push(`${name}="${env[name]}" must be true or false`);
    return def;
  };
  const url = (name: string, protocols: string[]) => {
    const v = str(name);
    if (v === undefined) return null;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
        return null;
      }
      return v;
    } catch {
      problems.push(`${name} is not a valid URL`);
      return null;
    }
  };
  const trustProxy = (name: string): TrustProxy => {
    const v = str(name);
    if (v === undefined) return false;
    const lower = v.toLowerCase();
    if (['false', 'no', 'off', '0'].includes(lower)) return false;
    if (['true', 'yes', 'on'].includes(lower)) {
      problems.push(
        `${name}=${v} would trust any X-Forwarded-For a client sends, so anyone could pick the address ` +
          `rate limits and the audit log see: ${TRUST_PROXY_HELP}`,
      );
      return false;
    }
    if (/^[0-9]+$/.test(v)) {
      const hops = Number(v);
      if (hops >= 1 && hops <= 100) return hops;
      problems.push(`${name}="${v}" must be between 1 and 100 proxies: ${TRUST_PROXY_HELP}`);
      return false;
    }
    const list = v.split(',').map((a) => a.trim());
    const wrong = list.filter((a) => !isProxyAddress(a));
    if (wrong.length) {
      problems.push(`${name}: "${wrong.join('", "')}" is not an IP address or CIDR: ${TRUST_PROXY_HELP}`);
      return false;
    }
    return list;
  };
  const key = (name: string) => {
    const v = str(name);
    if (v === undefined) return null;
    if (Buffer.from(v, 'base64').length !== 32) {
      problems.push(`${name} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
      return null;
    }
    return v;
  };

  const production = str('NODE_ENV') === 'production';
  const port = int('PORT', 8080, 1, 65535);
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const migrationUrl = url('DATABASE_MIGRATION_URL', ['postgres:', 'postgresql:']);
  if (migrationUrl && !databaseUrl) problems.push('DATABASE_MIGRATION_URL needs DATABASE_URL as well');
  const publicUrl = url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const logLevel = str('LOG_LEVEL') ?? (production ? 'info' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    problems.push(`LOG_LEVEL="${logLevel}" must be one of fatal, error, warn, info, debug, trace, silent`);
  const secretKey = key('SAMEN_SECRET_KEY');
  const networkSecret = key('SAMEN_NETWORK_SECRET');
  const previousSecretKey = key('SAMEN_SECRET_KEY_PREVIOUS');
  if (previousSecretKey && !secretKey)
    problems.push('SAMEN_SECRET_KEY_PREVIOUS needs SAMEN_SECRET_KEY as well');
  if (production && databaseUrl && (!secretKey || !networkSecret))
    problems.push('SAMEN_SECRET_KEY and SAMEN_NETWORK_SECRET are required in production with DATABASE_URL');

  const databaseAppRole = str('DATABASE_APP_ROLE') ?? 'samen_app';
  if (!DATABASE_ROLE_PATTERN.test(databaseAppRole))
    problems.push(
      `DATABASE_APP_ROLE="${databaseAppRole}" must be a lower-case PostgreSQL role name: a letter or _, then ` +
        'up to 62 letters, digits or _',
    );

  const config: Config = {
    port,
    host: str('HOST') ?? '0.0.0.0',
    databaseUrl,
    migrationUrl,
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 200),
    dbStatementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 60_000, 0, 3_600_000),
    dataDir: resolve(str('DATA_DIR') ?? 'data'),
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    trustProxy: trustProxy('TRUST_PROXY'),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 14),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginRateLimit: int('LOGIN_RATE_LIMIT', 10, 1, 100_000),
    directoryRateLimit: int('DIRECTORY_RATE_LIMIT', 300, 1, 1_000_000),
    identityCheckRateLimit: int('IDENTITY_CHECK_RATE_LIMIT', 30, 1, 100_000),
    observatoryImportMaxMb: int('OBSERVATORY_IMPORT_MAX_MB', 200, 1, 4096),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM') ?? 'samen <no-reply@samen.invalid>',
    secretKey,
    previousSecretKey,
    networkSecret,
    seedDemo: bool('SEED_DEMO', !production),
    logLevel,
    databaseAppRole,
    apiDocs: bool('API_DOCS', !production),
    production,
    webDir: resolve(str('WEB_DIR') ?? 'dist/web'),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
