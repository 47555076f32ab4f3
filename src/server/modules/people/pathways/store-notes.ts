import { sql } from 'kysely';
import type { MobilityRecord } from '../../../../common/people/pathway-schemas';
import type { Tx } from '../../../platform/db/context';
import { type MasterKeys, openOwnColumns, sealText } from '../../../platform/keys/field-cipher';

/**
 * SQL of the timeline of a pathway: notes (never deleted) and mobility records. A note's body is sealed with
 * its organisation's key (ADR 0039): written sealed, read opened here (RLS: the organisation's own notes).
 */
const BODY = 'pathway_notes.body' as const;
const MOBILITY_NOTE = 'pathway_mobility.note' as const;

export interface NoteRow {
  id: string;
  orgId: string;
  pathwayId: string;
  authorUserId: string;
  notedOn: string;
  body: string;
  confidential: boolean;
  createdAt: Date;
}

const noteColumns = [
  'id',
  'org_id',
  'pathway_id',
  'author_user_id',
  'noted_on',
  'body',
  'confidential',
  'created_at',
] as const;

const toNote = (r: {
  id: string;
  org_id: string;
  pathway_id: string;
  author_user_id: string;
  noted_on: string;
  body: string;
  confidential: boolean;
  created_at: Date;
}): NoteRow => ({
  id: r.id,
  orgId: r.org_id,
  pathwayId: r.pathway_id,
  authorUserId: r.author_user_id,
  notedOn: r.noted_on,
  body: r.body,
  confidential: r.confidential,
  createdAt: r.created_at,
});

/** Newest first: by the date the note is about, then by when it was written; bodies opened. */
export async function notesOf(trx: Tx, masters: MasterKeys, pathwayId: string): Promise<NoteRow[]> {
  const rows = await trx
    .selectFrom('pathway_notes')
    .select(noteColumns)
    .where('pathway_id', '=', pathwayId)
    .orderBy('noted_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return (await openOwnColumns(trx, masters, rows, ['body', BODY])).map(toNote);
}

/** One note, its body still sealed (a correction keeps it as is when the body is not changed). */
export async function findNote(trx: Tx, id: string): Promise<NoteRow | null> {
  const r = await trx.selectFrom('pathway_notes').select(noteColumns).where('id', '=', id).executeTakeFirst();
  return r ? toNote(r) : null;
}

export async function insertNote(
  trx: Tx,
  masters: MasterKeys,
  v: {
    orgId: string;
    pathwayId: string;
    authorUserId: string;
    notedOn: string;
    body: string;
    confidential: boolean;
  },
): Promise<string> {
  const r = await trx
    .insertInto('pathway_notes')
    .values({
      org_id: v.orgId,
      pathway_id: v.pathwayId,
      author_user_id: v.authorUserId,
      noted_on: v.notedOn,
      body: (await sealText(trx, masters, BODY, v.body)) as string,
      confidential: v.confidential,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** `body` is a new text to seal, or undefined to keep the note's. */
export async function updateNote(
  trx: Tx,
  masters: MasterKeys,
  id: string,
  v: { notedOn: string; body: string | undefined; confidential: boolean },
): Promise<void> {
  await trx
    .updateTable('pathway_notes')
    .set({
      noted_on: v.notedOn,
      ...(v.body !== undefined && { body: (await sealText(trx, masters, BODY, v.body)) as string }),
      confidential: v.confidential,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Newest first (the summary reads them in the other direction). */
export async function mobilityOf(trx: Tx, masters: MasterKeys, pathwayId: string): Promise<MobilityRecord[]> {
  const rows = await trx
    .selectFrom('pathway_mobility')
    .select(['id', 'recorded_on', 'radius_km', 'crossed_border', 'note'])
    .where('pathway_id', '=', pathwayId)
    .orderBy('recorded_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  // The note is sealed with the organisation's key (migration 0080); a grant never shows it.
  return (await openOwnColumns(trx, masters, rows, ['note', MOBILITY_NOTE])).map((r) => ({
    id: r.id,
    recordedOn: r.recorded_on,
    radiusKm: r.radius_km,
    crossedBorder: r.crossed_border,
    note: r.note,
  }));
}

export async function insertMobility(
  trx: Tx,
  masters: MasterKeys,
  v: {
    orgId: string;
    pathwayId: string;
    recordedOn: string;
    radiusKm: number;
    crossedBorder: boolean;
    note: string | null;
  },
): Promise<string> {
  const r = await trx
    .insertInto('pathway_mobility')
    .values({
      org_id: v.orgId,
      pathway_id: v.pathwayId,
      recorded_on: v.recordedOn,
      radius_km: v.radiusKm,
      crossed_border: v.crossedBorder,
      note: await sealText(trx, masters, MOBILITY_NOTE, v.note),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
