import { sql } from 'kysely';
import type { Tx } from '../../platform/db/context';

/**
 * Today as the transaction sees it: `app.today()`, the day of the application's clock (`deps.clock`, Europe/
 * Brussels) signed into the transaction's context. Rules computed here and conditions written in SQL agree,
 * and a test fixes the day with `fixedClock()`.
 */
export async function today(trx: Tx): Promise<string> {
  const r = await sql<{ d: string }>`select app.today()::text as d`.execute(trx);
  return r.rows[0]?.d as string;
}
