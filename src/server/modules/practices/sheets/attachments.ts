import { createHash } from 'node:crypto';
import type { Ok } from '../../../../common/kernel/schemas';
import { checkProof } from '../../../../common/monitoring/expenditure-proofs';
import type { AttachmentView } from '../../../../common/practices/schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { E, editableSheet, visibleSheet } from './service';
import * as store from './store';

/**
 * A sheet's attachments: the same checks as expenditure proofs (types recognised from the bytes, at most
 * 10 MB, a clean name, SHA-256), added and removed by those who may edit the sheet, downloaded by whoever
 * sees the sheet (RLS), always as a download.
 */
export const ATTACHMENTS_PER_SHEET = 10;

export async function attach(
  trx: Tx,
  actor: Actor,
  id: string,
  file: { filename: string; content: Uint8Array },
): Promise<AttachmentView> {
  const s = await editableSheet(trx, actor, id);
  const check = checkProof(file.filename, file.content);
  // The proof checks' codes (proof_empty, proof_size…) become this module's (file_empty, file_size…).
  if (!check.ok) throw badRequest(E(check.code.replace('proof_', 'file_')));
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const stats = await store.attachmentStats(trx, s.id, sha256);
  if (stats.same !== null) throw conflict(E('file_duplicate'), { name: stats.same });
  if (stats.count >= ATTACHMENTS_PER_SHEET) throw conflict(E('file_limit'), { max: ATTACHMENTS_PER_SHEET });
  return store.insertAttachment(trx, s, {
    filename: check.filename,
    mediaType: check.mediaType,
    content: file.content,
    sha256,
    userId: actor.userId,
  });
}

/** The file, for whoever sees the sheet (anonymous callers: public sheets only, by RLS). */
export async function attachmentFile(trx: Tx, sheetId: string, attachmentId: string) {
  const s = await visibleSheet(trx, sheetId);
  const f = await store.attachmentFile(trx, s.id, attachmentId);
  if (!f) throw notFound();
  return { filename: f.filename, mediaType: f.media_type, content: Buffer.from(f.content) };
}

export async function signedInAttachmentFile(trx: Tx, actor: Actor, sheetId: string, attachmentId: string) {
  requirePermission(actor, 'practice.view');
  return attachmentFile(trx, sheetId, attachmentId);
}

export async function detach(trx: Tx, actor: Actor, id: string, attachmentId: string): Promise<Ok> {
  const s = await editableSheet(trx, actor, id);
  if (!(await store.deleteAttachment(trx, s.id, attachmentId))) throw notFound();
  return { ok: true };
}
