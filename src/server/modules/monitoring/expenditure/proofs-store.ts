import type { Generated } from 'kysely';
import type { ProofView } from '../../../../common/monitoring/expenditure-proof-endpoints';
import type { Tx } from '../../../platform/db/context';
import type { Timestamp } from '../../../platform/db/database';
import type { DeclarationRow } from './store';

/**
 * The proof files of expenditure items (migration 0023), in the actor's transaction: RLS shows the
 * declaring organisation its own and the lead those of submitted declarations; the guard trigger refuses
 * a proof added to or removed from a declaration that is no longer a draft.
 */

export interface ExpenditureProofsTable {
  id: Generated<string>;
  item_id: string;
  declaration_id: string;
  org_id: string;
  lead_org_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  created_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    expenditure_proofs: ExpenditureProofsTable;
  }
}

const META = ['id', 'item_id', 'filename', 'media_type', 'size_bytes', 'sha256', 'created_at'] as const;

const view = (r: {
  id: string;
  item_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}): ProofView => ({
  id: r.id,
  itemId: r.item_id,
  filename: r.filename,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The proofs of a declaration the caller sees, oldest first; never their content. */
export async function listProofs(trx: Tx, declarationId: string): Promise<ProofView[]> {
  const rows = await trx
    .selectFrom('expenditure_proofs')
    .select(META)
    .where('declaration_id', '=', declarationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(view);
}

/** An item of the declaration (as RLS shows it), with how many proofs it has and the file of that checksum. */
export async function itemProofs(trx: Tx, declarationId: string, itemId: string, sha256: string) {
  const item = await trx
    .selectFrom('expenditure_items')
    .select('id')
    .where('id', '=', itemId)
    .where('declaration_id', '=', declarationId)
    .executeTakeFirst();
  if (!item) return null;
  const rows = await trx
    .selectFrom('expenditure_proofs')
    .select(['filename', 'sha256'])
    .where('item_id', '=', item.id)
    .execute();
  return { count: rows.length, same: rows.find((r) => r.sha256 === sha256)?.filename ?? null };
}

export async function insertProof(
  trx: Tx,
  d: DeclarationRow,
  itemId: string,
  f: { filename: string; mediaType: string; content: Uint8Array; sha256: string; userId: string | null },
): Promise<ProofView> {
  const r = await trx
    .insertInto('expenditure_proofs')
    .values({
      item_id: itemId,
      declaration_id: d.id,
      org_id: d.org_id,
      lead_org_id: d.lead_org_id,
      filename: f.filename,
      media_type: f.mediaType,
      size_bytes: f.content.length,
      sha256: f.sha256,
      content: f.content,
      uploaded_by: f.userId,
    })
    .returning(META)
    .executeTakeFirstOrThrow();
  return view(r);
}

export async function proofFile(trx: Tx, declarationId: string, proofId: string) {
  return trx
    .selectFrom('expenditure_proofs')
    .select(['filename', 'media_type', 'content', 'sha256'])
    .where('declaration_id', '=', declarationId)
    .where('id', '=', proofId)
    .executeTakeFirst();
}

/** Removes a proof of the declaration; false when there is none (or the caller cannot see it). */
export async function deleteProof(trx: Tx, declarationId: string, proofId: string) {
  const r = await trx
    .deleteFrom('expenditure_proofs')
    .where('declaration_id', '=', declarationId)
    .where('id', '=', proofId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
