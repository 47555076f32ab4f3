import { sql } from 'kysely';
import type { Tx } from '../db/context';
import { hashWithSalt } from './passwords';

/**
 * Whether `password` is the signed-in user's current password. The database hands out only the salt and
 * compares the result itself: no password hash ever reaches the application (migration 0008).
 */
export async function isOwnPassword(trx: Tx, password: string): Promise<boolean> {
  const salt = await sql<{ s: string | null }>`select app.own_password_salt() as s`.execute(trx);
  const prefix = salt.rows[0]?.s;
  if (!prefix) return false;
  const candidate = await hashWithSalt(prefix, password);
  if (!candidate) return false;
  const r = await sql<{ ok: boolean }>`select app.own_password_matches(${candidate}) as ok`.execute(trx);
  return r.rows[0]?.ok === true;
}

/** The signed-in user's encrypted second-factor secret and last used time step. */
export async function ownTotp(trx: Tx): Promise<{ secretEnc: string | null; lastStep: number | null }> {
  const r = await sql<{ secret_enc: string | null; last_step: number | null }>`
    select secret_enc, last_step from app.own_totp()`.execute(trx);
  return { secretEnc: r.rows[0]?.secret_enc ?? null, lastStep: r.rows[0]?.last_step ?? null };
}
