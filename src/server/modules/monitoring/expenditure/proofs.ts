import { createHash } from 'node:crypto';
import type { ProofList, ProofView } from '../../../../common/monitoring/expenditure-proof-endpoints';
import { checkProof, PROOFS_PER_ITEM } from '../../../../common/monitoring/expenditure-proofs';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import * as proofs from './proofs-store';
import * as store from './store';

/**
 * Proof files of a declaration's items (ADR 0018, amendment "proof files"). The declaring partner
 * (`expenditure.declare`) attaches and removes them while the declaration is a draft; whoever sees the
 * declaration (RLS: the partner, the lead once submitted) lists and downloads them. A declaration or a
 * proof the caller cannot see is the same 404 as one that does not exist.
 */

const E = (code: string) => `monitoring.expenditure.errors.${code}`;

async function visible(trx: Tx, id: string) {
  const d = await store.findDeclaration(trx, id);
  if (!d) throw notFound();
  return d;
}

async function editable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'expenditure.declare');
  const d = await visible(trx, id);
  if (d.org_id !== actor.orgId) throw forbidden(E('not_owner'));
  if (d.status !== 'draft') throw conflict(E('read_only'));
  return d;
}

export async function listProofs(trx: Tx, actor: Actor, id: string): Promise<ProofList> {
  requirePermission(actor, 'indicators.view');
  const d = await visible(trx, id);
  return { proofs: await proofs.listProofs(trx, d.id) };
}

export async function uploadProof(
  trx: Tx,
  actor: Actor,
  id: string,
  itemId: string,
  file: { filename: string; content: Uint8Array },
): Promise<ProofView> {
  const d = await editable(trx, actor, id);
  const check = checkProof(file.filename, file.content);
  if (!check.ok) throw badRequest(E(check.code));
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const item = await proofs.itemProofs(trx, d.id, itemId.toLowerCase(), sha256);
  if (!item) throw notFound();
  if (item.same !== null) throw conflict(E('proof_duplicate'), { name: item.same });
  if (item.count >= PROOFS_PER_ITEM) throw conflict(E('proof_limit'), { max: PROOFS_PER_ITEM });
  return proofs.insertProof(trx, d, itemId.toLowerCase(), {
    filename: check.filename,
    mediaType: check.mediaType,
    content: file.content,
    sha256,
    userId: actor.userId,
  });
}

/** The file for a download, for those who see the declaration. */
export async function proofFile(trx: Tx, actor: Actor, id: string, proofId: string) {
  requirePermission(actor, 'indicators.view');
  const d = await visible(trx, id);
  const r = await proofs.proofFile(trx, d.id, proofId.toLowerCase());
  if (!r) throw notFound();
  return { filename: r.filename, mediaType: r.media_type, content: Buffer.from(r.content), sha256: r.sha256 };
}

export async function removeProof(trx: Tx, actor: Actor, id: string, proofId: string) {
  const d = await editable(trx, actor, id);
  if (!(await proofs.deleteProof(trx, d.id, proofId.toLowerCase()))) throw notFound();
  return { ok: true };
}
