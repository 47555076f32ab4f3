import { createHash } from 'node:crypto';
import { checkDocument, type DocumentView } from '../../../../common/network/programme-documents';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { loadEditable, loadProgramme } from './access';
import { getProgramme } from './get-programme';

/**
 * Documents of a programme: the lead attaches and removes them, its partners download them (RLS decides
 * who reads). The type is recognised from the bytes (checkDocument), the checksum is computed here.
 */

const view = (r: {
  id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}): DocumentView => ({
  id: r.id,
  filename: r.filename,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The documents RLS lets the caller read, newest first; never their content. */
export async function listDocuments(trx: Tx, programmeId: string): Promise<DocumentView[]> {
  const rows = await trx
    .selectFrom('programme_documents')
    .select(['id', 'filename', 'media_type', 'size_bytes', 'sha256', 'created_at'])
    .where('programme_id', '=', programmeId)
    .orderBy('created_at', 'desc')
    .orderBy('filename')
    .execute();
  return rows.map(view);
}

export async function uploadDocument(
  trx: Tx,
  actor: Actor,
  id: string,
  file: { filename: string; content: Uint8Array },
): Promise<DocumentView> {
  requirePermission(actor, 'programme.update');
  const row = await loadEditable(trx, actor, id);
  const check = checkDocument(file.filename, file.content);
  if (!check.ok) throw badRequest(check.code);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const same = await trx
    .selectFrom('programme_documents')
    .select('filename')
    .where('programme_id', '=', row.id)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (same) throw conflict('network.programmes.errors.document_duplicate', { name: same.filename });
  const r = await trx
    .insertInto('programme_documents')
    .values({
      programme_id: row.id,
      org_id: row.orgId,
      filename: check.filename,
      media_type: check.mediaType,
      size_bytes: file.content.length,
      sha256,
      content: file.content,
      uploaded_by: actor.userId,
    })
    .returning(['id', 'filename', 'media_type', 'size_bytes', 'sha256', 'created_at'])
    .executeTakeFirstOrThrow();
  return view(r);
}

/** The file for a download: only for those RLS lets read it (the programme's partners). */
export async function documentFile(trx: Tx, actor: Actor, id: string, documentId: string) {
  requirePermission(actor, 'programme.view');
  const programme = await loadProgramme(trx, id);
  const r = await trx
    .selectFrom('programme_documents')
    .select(['filename', 'media_type', 'content', 'sha256'])
    .where('programme_id', '=', programme.id)
    .where('id', '=', documentId.toLowerCase())
    .executeTakeFirst();
  if (!r) throw notFound('network.programmes.errors.document_not_found');
  return { filename: r.filename, mediaType: r.media_type, content: Buffer.from(r.content), sha256: r.sha256 };
}

export async function deleteDocument(
  trx: Tx,
  actor: Actor,
  id: string,
  documentId: string,
  today: string,
): Promise<ProgrammeDetail> {
  requirePermission(actor, 'programme.update');
  const row = await loadEditable(trx, actor, id);
  const r = await trx
    .deleteFrom('programme_documents')
    .where('programme_id', '=', row.id)
    .where('id', '=', documentId.toLowerCase())
    .executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw notFound('network.programmes.errors.document_not_found');
  return getProgramme(trx, actor, row.id, today);
}
