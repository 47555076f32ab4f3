import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './database';

export type Tx = Transaction<Database>;

/** Who a transaction acts for. RLS policies read these settings; an empty context sees no tenant rows. */
export interface DbContext {
  userId?: string | null;
  orgId?: string | null;
  platformAdmin?: boolean;
  /** 'public' for anonymous requests, 'system' for jobs and pre-authentication flows. */
  scope?: 'public' | 'system' | null;
  requestId?: string | null;
}

/**
 * Runs fn in one transaction as the application role with the given context. Every request goes
 * through here: settings are transaction-local, so nothing leaks to the next user of the connection.
 */
export async function withContext<T>(
  db: Kysely<Database>,
  ctx: DbContext,
  fn: (trx: Tx) => Promise<T>,
): Promise<T> {
  const outcome = await db.transaction().execute(async (trx) => {
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

export async function applyContext(trx: Tx, ctx: DbContext): Promise<void> {
  await sql`select set_config('app.user_id', ${ctx.userId ?? ''}, true),
    set_config('app.org_id', ${ctx.orgId ?? ''}, true),
    set_config('app.platform_admin', ${ctx.platformAdmin ? 'on' : ''}, true),
    set_config('app.scope', ${ctx.scope ?? ''}, true),
    set_config('app.request_id', ${ctx.requestId ?? ''}, true)`.execute(trx);
  await sql`set local role samen_app`.execute(trx);
}

/** Changes the context inside a running transaction (after a login has identified the user). */
export async function switchContext(trx: Tx, ctx: DbContext): Promise<void> {
  await sql`reset role`.execute(trx);
  await applyContext(trx, ctx);
}
