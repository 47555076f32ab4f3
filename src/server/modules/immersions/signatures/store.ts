import { sql, type UpdateObject } from 'kysely';
import type { SignatureMethod, SignatureRole } from '../../../../common/immersions/signature-schemas';
import type { Tx } from '../../../platform/db/context';
import type { Database } from '../../../platform/db/database';

/** SQL of the immersion agreement's signatures (migration 0032); RLS lets each side write its own roles. */

export const signaturesOf = (trx: Tx, requestId: string) =>
  trx
    .selectFrom('immersion_signatures')
    .select([
      'id',
      'version',
      'role',
      'signer_name',
      'email',
      'method',
      'requested_at',
      'signed_at',
      'token_expires_at',
      'witness_name',
    ])
    .where('request_id', '=', requestId)
    .orderBy('version', 'desc')
    .orderBy('role')
    .execute();
export type SignatureRow = Awaited<ReturnType<typeof signaturesOf>>[number];

/** The request, locked while a signature or an amendment is written (two signers at once count right). */
export const lockRequest = (trx: Tx, id: string) =>
  trx.selectFrom('immersion_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

interface Parties {
  id: string;
  org_id: string;
  host_org_id: string;
  agreement_version: number;
}

/** A role's columns as written (database expressions such as now() included). */
type SignatureWrite = UpdateObject<Database, 'immersion_signatures'> & { signer_name: string };

/**
 * Writes a role's row for the current version: the pending one is updated (a link asked again, or signed
 * instead in person), else one is inserted, asked by `requester`. False when the role already signed it.
 */
async function writeRole(
  trx: Tx,
  r: Parties,
  role: SignatureRole,
  values: SignatureWrite,
  requester: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('immersion_signatures')
    .select(['id', 'signed_at'])
    .where('request_id', '=', r.id)
    .where('version', '=', r.agreement_version)
    .where('role', '=', role)
    .executeTakeFirst();
  if (row?.signed_at) return false;
  const set = { ...values, updated_at: sql<Date>`now()` };
  if (row) {
    await trx.updateTable('immersion_signatures').set(set).where('id', '=', row.id).execute();
    return true;
  }
  await trx
    .insertInto('immersion_signatures')
    .values({
      requested_by: requester,
      ...set,
      signer_name: values.signer_name,
      request_id: r.id,
      org_id: r.org_id,
      host_org_id: r.host_org_id,
      version: r.agreement_version,
      role,
    })
    .execute();
  return true;
}

/** Asks a signer by link: a pending request of the same role is replaced (its old link stops working). */
export const askByLink = (
  trx: Tx,
  r: Parties,
  p: {
    role: SignatureRole;
    signerName: string;
    email: string;
    tokenHash: Buffer;
    expiresAt: Date;
    by: string;
  },
) =>
  writeRole(
    trx,
    r,
    p.role,
    {
      signer_name: p.signerName,
      email: p.email,
      token_hash: p.tokenHash,
      token_expires_at: p.expiresAt,
      // A link asked again is asked by whoever asked it last.
      requested_by: p.by,
      requested_at: sql<Date>`now()`,
    },
    p.by,
  );

/** A signature made now (in the signer's session, or on paper before its witness); false when already made. */
export const signNow = (
  trx: Tx,
  r: Parties,
  p: {
    role: SignatureRole;
    method: Exclude<SignatureMethod, 'link'>;
    signerName: string;
    by: string;
    witnessName: string | null;
  },
) =>
  writeRole(
    trx,
    r,
    p.role,
    {
      signer_name: p.signerName,
      method: p.method,
      signed_at: sql<Date>`now()`,
      signer_user_id: p.method === 'account' ? p.by : null,
      recorded_by: p.method === 'in_person' ? p.by : null,
      witness_name: p.witnessName,
      token_hash: null,
    },
    p.by,
  );

export async function fullySigned(trx: Tx, requestId: string, version: number): Promise<boolean> {
  const r = await sql<{
    v: boolean;
  }>`select app.immersion_fully_signed(${requestId}::uuid, ${version}::integer) as v`.execute(trx);
  return r.rows[0]?.v === true;
}

/** What a pending link opens: its agreement and role; null for a link that no longer works. */
export async function byToken(trx: Tx, tokenHash: Buffer) {
  const r = await sql<{ v: Record<string, unknown> | null }>`
    select app.immersion_signature_by_token(${tokenHash}) as v`.execute(trx);
  return r.rows[0]?.v ?? null;
}

/** Signs through a link (single use): the request's id, or null for a link that no longer works. */
export async function signByToken(trx: Tx, tokenHash: Buffer): Promise<string | null> {
  const r = await sql<{ id: string | null }>`select app.immersion_sign_by_token(${tokenHash}) as id`.execute(
    trx,
  );
  return r.rows[0]?.id ?? null;
}

/** The names of a request's visitor and deciders, read in the system scope of a signer's link. */
export async function peopleOf(
  trx: Tx,
  r: { visitor_user_id: string; manager_decided_by: string | null; host_decided_by: string | null },
) {
  const ids = [r.visitor_user_id, r.manager_decided_by, r.host_decided_by].filter((x): x is string => !!x);
  const users = await trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  const name = (id: string | null) => users.find((u) => u.id === id)?.display_name;
  const people = new Map<string, string>();
  for (const [role, id] of [
    ['visitor', r.visitor_user_id],
    ['manager', r.manager_decided_by],
    ['host', r.host_decided_by],
  ] as const) {
    const n = name(id);
    if (n) people.set(role, n);
  }
  return people;
}
