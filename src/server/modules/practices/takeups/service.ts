import { createHash } from 'node:crypto';
import type { Ok } from '../../../../common/kernel/schemas';
import { checkProof } from '../../../../common/monitoring/expenditure-proofs';
import { takeUpProblems } from '../../../../common/practices/rules';
import { PUBLISHED_STATUSES, type TakeUpInput } from '../../../../common/practices/schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { ownOrg, visibleSheet } from '../sheets/service';
import * as store from './store';

/**
 * The take-up follow-up: an organisation other than the owner records, for a published sheet, that it
 * plans, tries, adopted or abandoned the practice, with dates and evidence (and, once, an evidence file).
 * It writes and removes only its own records (RLS too); the evidence file is downloaded by the recording
 * organisation and the sheet's owner only.
 */
const E = (code: string) => `practices.takeups.errors.${code}`;

export async function recordTakeUp(
  trx: Tx,
  actor: Actor,
  sheetId: string,
  input: TakeUpInput,
  today: string,
): Promise<{ id: string }> {
  requirePermission(actor, 'practice.write');
  const orgId = ownOrg(actor);
  const s = await visibleSheet(trx, sheetId);
  if (s.org_id === orgId) throw conflict(E('own_practice'));
  if (!PUBLISHED_STATUSES.includes(s.status)) throw conflict(E('not_published'));
  const problems = takeUpProblems(input, today);
  if (problems.length) throw validationFailed(problems);
  return store.insertTakeUp(trx, { sheetId: s.id, sheetOrgId: s.org_id, orgId, userId: actor.userId, input });
}

export async function addEvidenceFile(
  trx: Tx,
  actor: Actor,
  sheetId: string,
  takeUpId: string,
  file: { filename: string; content: Uint8Array },
): Promise<Ok> {
  requirePermission(actor, 'practice.write');
  const s = await visibleSheet(trx, sheetId);
  const t = await store.findTakeUp(trx, s.id, takeUpId);
  if (!t) throw notFound();
  if (t.org_id !== actor.orgId) throw forbidden(E('not_yours'));
  if (t.evidence_sha256 !== null) throw conflict(E('evidence_exists'));
  const check = checkProof(file.filename, file.content);
  if (!check.ok) throw badRequest(`practices.sheets.errors.${check.code.replace('proof_', 'file_')}`);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  await store.setEvidenceFile(trx, t.id, {
    filename: check.filename,
    mediaType: check.mediaType,
    content: file.content,
    sha256,
  });
  return { ok: true };
}

export async function evidenceFile(trx: Tx, actor: Actor, sheetId: string, takeUpId: string) {
  requirePermission(actor, 'practice.view');
  const s = await visibleSheet(trx, sheetId);
  const f = await store.evidenceFile(trx, s.id, takeUpId);
  if (!f?.evidence_content || !f.evidence_filename || !f.evidence_media_type) throw notFound();
  if (actor.orgId !== f.org_id && actor.orgId !== f.sheet_org_id) throw notFound();
  return {
    filename: f.evidence_filename,
    mediaType: f.evidence_media_type,
    content: Buffer.from(f.evidence_content),
  };
}

export async function removeTakeUp(trx: Tx, actor: Actor, sheetId: string, takeUpId: string): Promise<Ok> {
  requirePermission(actor, 'practice.write');
  const s = await visibleSheet(trx, sheetId);
  const t = await store.findTakeUp(trx, s.id, takeUpId);
  if (!t) throw notFound();
  if (t.org_id !== actor.orgId) throw forbidden(E('not_yours'));
  await store.deleteTakeUp(trx, s.id, t.id);
  return { ok: true };
}
