import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { civilDay } from '../../../common/kernel/clock';
import type { Database } from './database';
import { WITH_BEGIN } from './deferred-begin';

export type Tx = Transaction<Database>;

/** Who a transaction acts for. RLS policies read these settings; an empty context sees no tenant rows. */
export interface DbContext {
  userId?: string | null;
  orgId?: string | null;
  platformAdmin?: boolean;
  /**
   * 'public' for anonymous requests, 'system' for jobs and pre-authentication flows, 'forum_registration'
   * for the anonymous registration to an event (sees registrations and events, no other tenant row).
   */
  scope?: 'public' | 'system' | 'forum_registration' | null;
  requestId?: string | null;
  /** Today for this transaction (app.today() in SQL); the Brussels day now when not given. */
  today?: string | null;
}

/**
 * What the application needs to open a transaction on a database: the key that signs request contexts
 * (read from the database by its owner at start, never readable by the application's login role) and
 * the role every transaction switches to.
 */
export interface ContextBinding {
  key: Buffer;
  role: string;
  /**
   * statement_timeout of every transaction, in ms (0 or absent: the server's). Set per transaction, never
   * per connection, so a transaction-mode pooler (PgBouncer) carries no session state between clients.
   */
  statementTimeoutMs?: number;
}

const bindings = new WeakMap<object, ContextBinding>();

/** Binds a database handle to its context key and application role (done once, at start). */
export function bindContext(db: Kysely<Database>, binding: ContextBinding): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(binding.role)) throw new Error(`invalid role name ${binding.role}`);
  bindings.set(db, binding);
}

function bindingOf(handle: object): ContextBinding {
  const b = bindings.get(handle);
  if (!b) throw new Error('database handle has no context key: call bindContext() at start');
  return b;
}

/**
 * What stands for the database behind a handle or any of its transactions: a process-wide memo of what a
 * database holds is keyed by it, so one process holding two databases (tests, tools) never mixes them.
 */
export const databaseIdentity = (handle: object): object => bindingOf(handle);

/** The signed form of a context, as app.begin_request() verifies it (sha256(k ‖ sha256(k ‖ text))). */
export function signContext(key: Buffer, ctx: DbContext): { text: string; mac: Buffer } {
  const text = JSON.stringify({
    user: ctx.userId ?? '',
    org: ctx.orgId ?? '',
    admin: ctx.platformAdmin === true,
    scope: ctx.scope ?? '',
    req: ctx.requestId ?? '',
    today: ctx.today ?? civilDay(new Date()),
    iat: Date.now() / 1000,
  });
  const inner = createHash('sha256').update(key).update(text, 'utf8').digest();
  return { text, mac: createHash('sha256').update(key).update(inner).digest() };
}

/**
 * Runs fn in one transaction as the application role with the given context. Every request goes
 * through here: the context is bound to this transaction, so nothing leaks to the next user of the
 * connection, and the database accepts it only with the application's signature.
 */
export async function withContext<T>(
  db: Kysely<Database>,
  ctx: DbContext,
  fn: (trx: Tx) => Promise<T>,
): Promise<T> {
  const binding = bindingOf(db);
  const outcome = await db.transaction().execute(async (trx) => {
    bindings.set(trx, binding);
    await applyContext(trx, ctx);
    try {
      return { value: await fn(trx) };
    } catch (e) {
      if (e instanceof CommitThenFail) return { failure: e.inner };
      throw e;
    }
  });
  if ('failure' in outcome) throw outcome.failure;
  return outcome.value;
}

/**
 * Thrown inside a transaction whose work must be kept although the request fails (a failed login's
 * counter and audit entry): withContext commits, then throws the inner error.
 */
export class CommitThenFail extends Error {
  constructor(readonly inner: Error) {
    super(inner.message);
  }
}

async function applyContext(trx: Tx, ctx: DbContext): Promise<void> {
  const { key, role, statementTimeoutMs } = bindingOf(trx);
  const day = ctx.today ?? civilDay(new Date());
  const signed = signContext(key, { ...ctx, today: day });
  days.set(trx, day);
  // One round trip: the context, then the role (set_config('role', …, true) is SET LOCAL ROLE, and the
  // select list runs left to right, so begin_request still runs as the login role), and the timeout.
  // Written without parameters so that, opening a transaction on PostgreSQL, it travels with its begin
  // (deferred-begin.ts): the JSON text is one escaped literal, the MAC hex digits, the role and timeout checked at bind.
  const timeout = Math.max(0, Math.trunc(statementTimeoutMs ?? 0));
  await sql
    .raw(
      `${WITH_BEGIN}select app.begin_request(${quoteLiteral(signed.text)}, decode('${signed.mac.toString('hex')}', 'hex')),
    set_config('statement_timeout', '${timeout}', true),
    set_config('role', '${role}', true)`,
    )
    .execute(trx);
}

/** A string as an SQL literal whatever standard_conforming_strings says (E'' with quotes and backslashes doubled). */
function quoteLiteral(text: string): string {
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

// The day each transaction's context was signed with: what app.today() answers inside it.
const days = new WeakMap<object, string>();

/**
 * Today as the transaction sees it: app.today(), the day of the application's clock (deps.clock,
 * Europe/Brussels) signed into its context. Known here without asking the database (one round trip fewer
 * for every page that needs the day); asked only of a transaction opened without a context.
 */
export async function transactionDay(trx: Tx): Promise<string> {
  const known = days.get(trx);
  if (known) return known;
  const r = await sql<{ d: string }>`select app.today()::text as d`.execute(trx);
  return r.rows[0]?.d as string;
}

/** Changes the context inside a running transaction (after a login has identified the user). */
export async function switchContext(trx: Tx, ctx: DbContext): Promise<void> {
  await applyContext(trx, ctx);
}
