import type { Config } from '../config';
import { bindContext } from './context';
import type { Engine } from './engine';

export class DatabaseSetupError extends Error {}

/** The configuration's defaults, for tools and tests that bind an engine without a configuration. */
export const DEFAULT_DB_SETTINGS = {
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  production: false,
  databaseAppRole: 'samen_app',
};

/**
 * Run by the schema owner after the migrations: writes the settings the database enforces itself
 * (lock-out) and reads the key that signs request contexts. The application's login role can read
 * neither the key nor the settings table.
 */
export async function readContextKey(
  owner: Engine,
  settings: Pick<Config, 'loginMaxFailures' | 'loginLockMinutes'>,
): Promise<Buffer> {
  await owner.rawQuery('select app.configure($1, $2)', [
    settings.loginMaxFailures,
    settings.loginLockMinutes,
  ]);
  const rows = (await owner.rawQuery('select key from app.context_key', [])) as Array<{ key: Uint8Array }>;
  const key = rows[0]?.key;
  if (!key) throw new DatabaseSetupError('the database has no context key (app.context_key is empty)');
  return Buffer.from(key);
}

/**
 * On a PostgreSQL server in production, the application must log in as a role that row-level security
 * binds: not a superuser, not BYPASSRLS, not the owner of the tables, and a member of the application
 * role it switches to. Anything else would let one injected statement leave the tenancy rules.
 */
export async function checkLoginRole(app: Engine, role: string): Promise<string[]> {
  if (app.kind !== 'postgres') return [];
  const rows = (await app.rawQuery(
    `select r.rolname as login, r.rolsuper as super, r.rolbypassrls as bypass,
       pg_has_role(current_user, $1, 'MEMBER') as member,
       exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owner
     from pg_roles r where r.rolname = current_user`,
    [role],
  )) as Array<{ login: string; super: boolean; bypass: boolean; member: boolean; owner: boolean }>;
  const r = rows[0];
  if (!r) return ['cannot read the login role'];
  const problems: string[] = [];
  if (r.super) problems.push(`the login role ${r.login} is a superuser`);
  if (r.bypass) problems.push(`the login role ${r.login} has BYPASSRLS`);
  if (r.owner)
    problems.push(`the login role ${r.login} owns the tables (use DATABASE_MIGRATION_URL for the owner)`);
  if (!r.member)
    problems.push(`the login role ${r.login} is not a member of ${role} (grant ${role} to ${r.login})`);
  return problems;
}

/** Prepares the app's engine: key read by the owner, login role checked in production, handle bound. */
export async function bindEngine(
  app: Engine,
  owner: Engine,
  config: Pick<Config, 'loginMaxFailures' | 'loginLockMinutes' | 'production'> & {
    databaseAppRole: string;
    dbStatementTimeoutMs?: number;
  },
): Promise<void> {
  let key: Buffer;
  try {
    key = await readContextKey(owner, config);
  } catch (e) {
    if (e instanceof DatabaseSetupError) throw e;
    throw new DatabaseSetupError(
      `cannot read the context key as the schema owner: ${(e as Error).message} — DATABASE_MIGRATION_URL must connect as the owner of the database's tables`,
    );
  }
  if (config.production) {
    const problems = await checkLoginRole(app, config.databaseAppRole);
    if (problems.length)
      throw new DatabaseSetupError(`refusing to start in production: ${problems.join('; ')}`);
  }
  // PGlite is one embedded connection: a timeout there would only cut the work it was asked to do.
  const statementTimeoutMs = app.kind === 'postgres' ? (config.dbStatementTimeoutMs ?? 0) : 0;
  bindContext(app.db, { key, role: config.databaseAppRole, statementTimeoutMs });
}
