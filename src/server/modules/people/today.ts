import { sql } from 'kysely';
import type { Tx } from '../../platform/db/context';

/**
 * The transaction's day: app.today(), the request clock's day (deps.clock) signed into the context, the
 * same day the database's own checks of grants and consents read.
 */
export async function today(trx: Tx): Promise<string> {
  const r = await sql<{ d: string }>`select app.today()::text as d`.execute(trx);
  return r.rows[0]?.d as string;
}
