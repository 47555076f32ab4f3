import { sql } from 'kysely';
import {
  type AttachmentView,
  type OrgRef,
  PRACTICE_TEXTS,
  type PracticeDetail,
  type PracticeInput,
  type PracticeLanguage,
  type PracticeSource,
  type PracticeStatus,
  type PracticeText,
  type PracticeVersion,
} from '../../../../common/practices/schemas';
import type { Tx } from '../../../platform/db/context';
import type { PracticeSheetsTable } from '../tables';

/**
 * SQL of the practice sheets, in the caller's transaction: RLS shows a draft to its organisation only, a
 * sheet published to the network to every signed-in user and a public one to anybody (migration 0028).
 */

/** The column of a version's text (`targetPublic` → `target_public_fr`). */
export const columnOf = (text: PracticeText, language: PracticeLanguage) =>
  `${text.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_${language}` as keyof PracticeSheetsTable;

type TextColumns = Record<string, string | null>;

/** The texts of both versions as columns; an absent version clears its columns. */
export function textColumns(input: Pick<PracticeInput, 'fr' | 'nl'>): TextColumns {
  const out: TextColumns = {};
  for (const language of ['fr', 'nl'] as const) {
    const v = input[language];
    for (const text of PRACTICE_TEXTS) {
      const raw = v ? (v[text] as string | null) : null;
      out[columnOf(text, language)] = raw?.trim() ? raw.trim() : null;
    }
  }
  return out;
}

export interface SheetRow {
  id: string;
  reference: string;
  org_id: string;
  status: PracticeStatus;
  programme_id: string | null;
}

export async function insertSheet(
  trx: Tx,
  s: {
    orgId: string;
    userId: string | null;
    sourceKind: PracticeSource;
    sourceId: string | null;
    input: PracticeInput;
  },
): Promise<{ id: string; reference: string }> {
  return trx
    .insertInto('practice_sheets')
    .values({
      org_id: s.orgId,
      source_kind: s.sourceKind,
      source_id: s.sourceId,
      created_by: s.userId,
      ...sheetColumns(s.input),
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}

function sheetColumns(input: PracticeInput) {
  return {
    original_language: input.originalLanguage,
    ...textColumns(input),
    themes: input.themes,
    tags: input.tags.map((t) => t.trim()),
    partner_org_ids: input.partnerOrgIds.map((x) => x.toLowerCase()),
    programme_id: input.programmeId?.toLowerCase() ?? null,
    contact_email: input.contactEmail,
    contact_public: input.contactPublic,
  };
}

export async function updateSheet(trx: Tx, id: string, input: PracticeInput): Promise<void> {
  await trx.updateTable('practice_sheets').set(sheetColumns(input)).where('id', '=', id).execute();
}

/** A sheet as RLS lets the caller see it, locked when about to change it. */
export async function findSheet(trx: Tx, id: string, forUpdate = false): Promise<SheetRow | undefined> {
  let q = trx
    .selectFrom('practice_sheets')
    .select(['id', 'reference', 'org_id', 'status', 'programme_id'])
    .where('id', '=', id.toLowerCase());
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r as SheetRow | undefined;
}

export async function setStatus(trx: Tx, id: string, status: PracticeStatus): Promise<void> {
  await trx.updateTable('practice_sheets').set({ status }).where('id', '=', id).execute();
}

export async function deleteSheet(trx: Tx, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('practice_sheets').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Organisations by id (those that exist), as the sheet shows them. */
export async function orgRefs(trx: Tx, ids: readonly string[]): Promise<OrgRef[]> {
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'short_name', 'country'])
    .where(
      'id',
      'in',
      ids.map((x) => x.toLowerCase()),
    )
    .orderBy('name_fr')
    .execute();
  return rows.map(toOrgRef);
}

export const toOrgRef = (r: {
  id: string;
  name_fr: string;
  name_nl: string;
  short_name: string | null;
  country: string;
}): OrgRef => ({
  id: r.id,
  nameFr: r.name_fr,
  nameNl: r.name_nl,
  shortName: r.short_name,
  country: r.country,
});

/** Whether an organisation is the lead or a partner of a programme (a sheet is attached only then). */
export async function isProgrammeMember(trx: Tx, programmeId: string, orgId: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select exists (
      select 1 from programmes p where p.id = ${programmeId} and p.org_id = ${orgId}
      union all
      select 1 from programme_partners pp where pp.programme_id = ${programmeId} and pp.partner_org_id = ${orgId}
    ) as ok`.execute(trx);
  return r.rows[0]?.ok === true;
}

const versionOf = (row: Record<string, unknown>, language: PracticeLanguage) => {
  if (row[`title_${language}`] === null) return null;
  return Object.fromEntries(
    PRACTICE_TEXTS.map((t) => [t, (row[columnOf(t, language)] as string | null) ?? null]),
  ) as Record<PracticeText, string | null>;
};

/** The sheet, its organisations, programme and attachments (take-ups are read by their own store). */
export async function sheetDetail(
  trx: Tx,
  id: string,
  opts: { publicOnly: boolean; orgId: string | null },
): Promise<Omit<PracticeDetail, 'takeUps'> | undefined> {
  let q = trx
    .selectFrom('practice_sheets as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .leftJoin('programmes as p', 'p.id', 's.programme_id')
    .selectAll('s')
    .select([
      'o.name_fr as org_name_fr',
      'o.name_nl as org_name_nl',
      'o.short_name as org_short_name',
      'o.country as org_country',
      'p.acronym as programme_acronym',
    ])
    .where('s.id', '=', id.toLowerCase());
  if (opts.publicOnly) q = q.where('s.status', '=', 'public');
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  const r = row as unknown as Record<string, unknown> & typeof row;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as PracticeStatus,
    originalLanguage: row.original_language as PracticeLanguage,
    fr: versionOf(r, 'fr'),
    nl: versionOf(r, 'nl'),
    themes: row.themes,
    tags: row.tags,
    org: toOrgRef({
      id: row.org_id,
      name_fr: row.org_name_fr,
      name_nl: row.org_name_nl,
      short_name: row.org_short_name,
      country: row.org_country,
    }),
    partners: await orgRefs(trx, row.partner_org_ids),
    programme:
      row.programme_id && row.programme_acronym
        ? { id: row.programme_id, acronym: row.programme_acronym }
        : null,
    sourceKind: row.source_kind as PracticeSource,
    contactEmail: row.contact_email,
    contactPublic: row.contact_public,
    publishedOn: row.published_on,
    updatedAt: new Date(row.updated_at).toISOString(),
    attachments: await listAttachments(trx, row.id),
    own: opts.orgId !== null && opts.orgId === row.org_id,
  };
}

/** The version texts as a writer edits them (the API's PracticeVersion), for `draftPracticeFromSource`. */
export type VersionFields = Partial<PracticeVersion> & Pick<PracticeVersion, 'title' | 'description'>;

// ============================================================================ attachments

const ATTACHMENT_META = ['id', 'filename', 'media_type', 'size_bytes', 'sha256', 'created_at'] as const;
const toAttachment = (r: {
  id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}): AttachmentView => ({
  id: r.id,
  filename: r.filename,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listAttachments(trx: Tx, sheetId: string): Promise<AttachmentView[]> {
  const rows = await trx
    .selectFrom('practice_attachments')
    .select(ATTACHMENT_META)
    .where('sheet_id', '=', sheetId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

export async function attachmentStats(trx: Tx, sheetId: string, sha256: string) {
  const rows = await trx
    .selectFrom('practice_attachments')
    .select(['filename', 'sha256'])
    .where('sheet_id', '=', sheetId)
    .execute();
  return { count: rows.length, same: rows.find((r) => r.sha256 === sha256)?.filename ?? null };
}

export async function insertAttachment(
  trx: Tx,
  sheet: SheetRow,
  f: { filename: string; mediaType: string; content: Uint8Array; sha256: string; userId: string | null },
): Promise<AttachmentView> {
  const r = await trx
    .insertInto('practice_attachments')
    .values({
      sheet_id: sheet.id,
      org_id: sheet.org_id,
      filename: f.filename,
      media_type: f.mediaType,
      size_bytes: f.content.length,
      sha256: f.sha256,
      content: f.content,
      uploaded_by: f.userId,
    })
    .returning(ATTACHMENT_META)
    .executeTakeFirstOrThrow();
  return toAttachment(r);
}

export async function attachmentFile(trx: Tx, sheetId: string, attachmentId: string) {
  return trx
    .selectFrom('practice_attachments')
    .select(['filename', 'media_type', 'content'])
    .where('sheet_id', '=', sheetId)
    .where('id', '=', attachmentId.toLowerCase())
    .executeTakeFirst();
}

export async function deleteAttachment(trx: Tx, sheetId: string, attachmentId: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('practice_attachments')
    .where('sheet_id', '=', sheetId)
    .where('id', '=', attachmentId.toLowerCase())
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
