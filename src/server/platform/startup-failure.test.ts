import { describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { DataDirLockedError } from './db/datadir-lock';
import { MigrationError } from './db/migrate';
import { describeStartupFailure, type StartupStep } from './startup-failure';

/** An error as pg (and PGlite) report one from the server. */
const dbError = (message: string, code: string) =>
  Object.assign(new Error(message), { code, severity: 'ERROR' });
const sysError = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

const migrating: StartupStep = {
  doing: 'applying migrations',
  databaseVariable: 'DATABASE_MIGRATION_URL',
  asOwner: true,
};

// Issue 7, item 2: every start-up failure prints one line that names its cause and what to change.
describe('describeStartupFailure', () => {
  it('names the missing owner right of a migration, and the variable to fix', () => {
    const e = new MigrationError('cannot create schema_migrations: permission denied for schema public', {
      cause: dbError('permission denied for schema public', '42501'),
    });
    expect(describeStartupFailure(e, migrating)).toBe(
      'applying migrations: cannot create schema_migrations: permission denied for schema public' +
        ' — DATABASE_MIGRATION_URL must connect as the owner of the database (README, "Production on PostgreSQL")',
    );
    expect(describeStartupFailure(e, { ...migrating, databaseVariable: 'DATABASE_URL' })).toMatch(
      /DATABASE_URL must connect as the owner of the database, or DATABASE_MIGRATION_URL must be set to the owner/,
    );
  });

  it('says when the owner cannot create the application role', () => {
    const e = new MigrationError('Migration 0001_platform.sql failed: permission denied to create role', {
      cause: dbError('permission denied to create role', '42501'),
    });
    expect(describeStartupFailure(e, migrating)).toMatch(
      /permission denied to create role — the owner in DATABASE_MIGRATION_URL needs CREATEROLE/,
    );
  });

  it('does not blame the connection for a row refused by row-level security', () => {
    const e = dbError('new row violates row-level security policy for table "log"', '42501');
    expect(
      describeStartupFailure(e, { doing: 'seeding the demo network', databaseVariable: 'DATABASE_URL' }),
    ).toBe(
      'seeding the demo network: new row violates row-level security policy for table "log" (SQLSTATE 42501)',
    );
  });

  it('names an unreachable server, a refused sign-in and a missing database', () => {
    const refused = new AggregateError(
      [
        sysError('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED', address: '::1', port: 5432 }),
        sysError('connect ECONNREFUSED 127.0.0.1:5432', {
          code: 'ECONNREFUSED',
          address: '127.0.0.1',
          port: 5432,
        }),
      ],
      '',
    );
    Object.assign(refused, { code: 'ECONNREFUSED' });
    expect(describeStartupFailure(refused, migrating)).toBe(
      'applying migrations: cannot reach the PostgreSQL server at ::1:5432 (connection refused)' +
        ' — check the host and port in DATABASE_MIGRATION_URL and that the server is running',
    );
    expect(
      describeStartupFailure(
        sysError('getaddrinfo ENOTFOUND db', { code: 'ENOTFOUND', hostname: 'db' }),
        migrating,
      ),
    ).toMatch(/cannot reach the PostgreSQL server at db \(unknown host\)/);
    expect(
      describeStartupFailure(dbError('password authentication failed for user "samen_web"', '28P01'), {
        doing: 'applying migrations',
        databaseVariable: 'DATABASE_URL',
      }),
    ).toBe(
      'applying migrations: password authentication failed for user "samen_web" (SQLSTATE 28P01) — check the user and password in DATABASE_URL',
    );
    expect(describeStartupFailure(dbError('database "samen" does not exist', '3D000'), migrating)).toMatch(
      /database "samen" does not exist \(SQLSTATE 3D000\) — create the database, or correct its name in DATABASE_MIGRATION_URL$/,
    );
  });

  it('puts every configuration problem on the one line', () => {
    const e = new ConfigError(['PORT="x" must be a whole number', 'LOG_LEVEL="loud" must be one of …']);
    expect(describeStartupFailure(e, { doing: 'reading the configuration' })).toBe(
      'reading the configuration: invalid configuration: PORT="x" must be a whole number; LOG_LEVEL="loud" must be one of …',
    );
  });

  it('explains a data folder in use, a port in use and an unwritable data folder', () => {
    const locked = new DataDirLockedError('/srv/samen/data', 4242);
    expect(describeStartupFailure(locked, { doing: 'opening the database' })).toMatch(
      /^opening the database: The data folder \/srv\/samen\/data is already used by another samen process \(pid 4242\)\./,
    );
    const inUse = sysError('listen EADDRINUSE', { code: 'EADDRINUSE', address: '0.0.0.0', port: 8080 });
    expect(describeStartupFailure(inUse, { doing: 'opening the HTTP port' })).toBe(
      'opening the HTTP port: 0.0.0.0:8080 is already in use — stop the other process or set PORT',
    );
    const denied = sysError("EACCES: permission denied, mkdir '/srv/data'", {
      code: 'EACCES',
      path: '/srv/data',
      syscall: 'mkdir',
    });
    expect(describeStartupFailure(denied, { doing: 'opening the database' })).toMatch(
      /cannot use \/srv\/data: EACCES: permission denied.* — check DATA_DIR and its permissions$/,
    );
  });

  it('still gives one line, with where it was thrown, for anything unexpected', () => {
    const bug = new TypeError('Cannot read properties of undefined (reading "x")\n  second line');
    const line = describeStartupFailure(bug, { doing: 'starting the web server' });
    expect(line).not.toContain('\n');
    expect(line).toMatch(
      /^starting the web server: unexpected TypeError: Cannot read properties of undefined \(reading "x"\) second line at .*startup-failure\.test\.ts:\d+ \(LOG_LEVEL=debug prints the stack\)$/,
    );
    expect(describeStartupFailure('a string', { doing: 'x' })).toBe('x: unexpected failure: a string');
  });

  it('gives no connection hint on the embedded database', () => {
    expect(
      describeStartupFailure(dbError('permission denied for schema public', '42501'), { doing: 'x' }),
    ).toBe('x: permission denied for schema public (SQLSTATE 42501)');
  });
});
