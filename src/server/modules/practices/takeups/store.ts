import { sql } from 'kysely';
import type { TakeUpInput, TakeUpStatus, TakeUpView } from '../../../../common/practices/schemas';
import type { Tx } from '../../../platform/db/context';
import { toOrgRef } from '../sheets/store';

/**
 * Take-up records in the caller's transaction: RLS shows an organisation its own, the owner those of its
 * sheets, and every signed-in organisation those of published sheets (migration 0028).
 */

export async function listTakeUps(
  trx: Tx,
  sheetId: string,
  viewer: { orgId: string | null; sheetOrgId: string },
): Promise<TakeUpView[]> {
  const rows = await trx
    .selectFrom('practice_take_ups as t')
    .innerJoin('organisations as o', 'o.id', 't.org_id')
    .select([
      't.id',
      't.org_id',
      't.status',
      't.starts_on',
      't.ends_on',
      't.evidence',
      't.evidence_filename',
      't.created_at',
      'o.name_fr',
      'o.name_nl',
      'o.short_name',
      'o.country',
    ])
    .where('t.sheet_id', '=', sheetId)
    .orderBy('t.starts_on')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => {
    const mine = viewer.orgId !== null && r.org_id === viewer.orgId;
    return {
      id: r.id,
      org: toOrgRef({
        id: r.org_id,
        name_fr: r.name_fr,
        name_nl: r.name_nl,
        short_name: r.short_name,
        country: r.country,
      }),
      status: r.status as TakeUpStatus,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      evidence: r.evidence,
      evidenceFilename: r.evidence_filename,
      canDownloadEvidence: r.evidence_filename !== null && (mine || viewer.orgId === viewer.sheetOrgId),
      mine,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

export async function insertTakeUp(
  trx: Tx,
  t: { sheetId: string; sheetOrgId: string; orgId: string; userId: string | null; input: TakeUpInput },
): Promise<{ id: string }> {
  return trx
    .insertInto('practice_take_ups')
    .values({
      sheet_id: t.sheetId,
      sheet_org_id: t.sheetOrgId,
      org_id: t.orgId,
      status: t.input.status,
      starts_on: t.input.startsOn,
      ends_on: t.input.endsOn,
      evidence: t.input.evidence.trim(),
      recorded_by: t.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findTakeUp(trx: Tx, sheetId: string, takeUpId: string) {
  return trx
    .selectFrom('practice_take_ups')
    .select(['id', 'org_id', 'sheet_org_id', 'evidence_sha256'])
    .where('sheet_id', '=', sheetId)
    .where('id', '=', takeUpId.toLowerCase())
    .executeTakeFirst();
}

export async function setEvidenceFile(
  trx: Tx,
  id: string,
  f: { filename: string; mediaType: string; content: Uint8Array; sha256: string },
): Promise<void> {
  await trx
    .updateTable('practice_take_ups')
    .set({
      evidence_filename: f.filename,
      evidence_media_type: f.mediaType,
      evidence_size_bytes: f.content.length,
      evidence_sha256: f.sha256,
      evidence_content: f.content,
    })
    .where('id', '=', id)
    .execute();
}

/** The bytes come through the definer function: the application role may not select them (migration 0028). */
export async function evidenceFile(trx: Tx, sheetId: string, takeUpId: string) {
  return trx
    .selectFrom('practice_take_ups')
    .select([
      'org_id',
      'sheet_org_id',
      'evidence_filename',
      'evidence_media_type',
      sql<Uint8Array | null>`app.practice_take_up_evidence(id)`.as('evidence_content'),
    ])
    .where('sheet_id', '=', sheetId)
    .where('id', '=', takeUpId.toLowerCase())
    .executeTakeFirst();
}

export async function deleteTakeUp(trx: Tx, sheetId: string, takeUpId: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('practice_take_ups')
    .where('sheet_id', '=', sheetId)
    .where('id', '=', takeUpId.toLowerCase())
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
