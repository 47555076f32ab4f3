import { createHash } from 'node:crypto';
import {
  PARTNERSHIP_DOCUMENT_KINDS,
  type PartnershipDocument,
  type PartnershipDocumentKind,
} from '../../../../common/formative/documents';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden } from '../../../platform/errors';
import { listDocuments, uploadDocument } from '../../network';
import { visible } from './access';
import type { PartnershipRow } from './store';

/**
 * The signed convention and funding order of a partnership: documents of its programme, uploaded through
 * the network module's checks (type from the bytes, size, the lead's coordinator who may change the
 * programme) and linked on the partnership. Who reads them is the programme documents' rule (its partners,
 * so both parties): nothing here widens it.
 */

const LINK = {
  convention: 'convention_document_id',
  funding_order: 'funding_order_document_id',
} as const satisfies Record<PartnershipDocumentKind, keyof PartnershipRow>;

/** The lead's coordinator who manages the partnership and may change its programme. */
export const canAttach = (actor: Actor, p: PartnershipRow) =>
  actorCan(actor, 'formative.manage') && actorCan(actor, 'programme.update') && actor.orgId === p.org_id;

/** One entry per kind: the linked document as the programme lists it to the caller (RLS), or null. */
export async function partnershipDocuments(trx: Tx, p: PartnershipRow): Promise<PartnershipDocument[]> {
  const linked = PARTNERSHIP_DOCUMENT_KINDS.some((k) => p[LINK[k]] !== null);
  const docs = linked ? await listDocuments(trx, p.programme_id) : [];
  return PARTNERSHIP_DOCUMENT_KINDS.map((kind) => ({
    kind,
    document: docs.find((d) => d.id === p[LINK[kind]]) ?? null,
  }));
}

async function attacher(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'formative.manage');
  const p = await visible(trx, actor, id);
  if (p.org_id !== actor.orgId) throw forbidden('formative.partnerships.errors.not_lead');
  requirePermission(actor, 'programme.update');
  return p;
}

/**
 * Attaches a signed document: a file the programme already holds (same checksum) is linked as it is,
 * any other goes through the programme's upload (which refuses a wrong type or size with a translated 400).
 */
export async function attachDocument(
  trx: Tx,
  actor: Actor,
  id: string,
  kind: PartnershipDocumentKind,
  file: { filename: string; content: Uint8Array },
): Promise<PartnershipDocument> {
  const p = await attacher(trx, actor, id);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const held = (await listDocuments(trx, p.programme_id)).find((d) => d.sha256 === sha256);
  const document = held ?? (await uploadDocument(trx, actor, p.programme_id, file));
  await trx
    .updateTable('formative_partnerships')
    .set({ [LINK[kind]]: document.id, updated_at: new Date() })
    .where('id', '=', p.id)
    .execute();
  return { kind, document };
}

/** Unlinks the document; it stays among the programme's documents (removed there if need be). */
export async function detachDocument(trx: Tx, actor: Actor, id: string, kind: PartnershipDocumentKind) {
  const p = await attacher(trx, actor, id);
  await trx
    .updateTable('formative_partnerships')
    .set({ [LINK[kind]]: null, updated_at: new Date() })
    .where('id', '=', p.id)
    .execute();
  return { ok: true };
}
