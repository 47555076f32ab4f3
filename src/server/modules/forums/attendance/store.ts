import type { Tx } from '../../../platform/db/context';
import '../tables';

/** The attendance SQL (migration 0050). RLS keeps every row to the organising organisation. */

export const expectedRegistrations = (trx: Tx, eventId: string) =>
  trx
    .selectFrom('forum_registrations')
    .select(['id', 'name', 'email', 'organisation', 'status', 'attended_at', 'position'])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['confirmed', 'attended', 'waiting'])
    .orderBy('name')
    .execute();

export const registrationOf = (trx: Tx, eventId: string, id: string) =>
  trx
    .selectFrom('forum_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const registrationByCheckInHash = (trx: Tx, eventId: string, hash: Buffer) =>
  trx
    .selectFrom('forum_registrations')
    .select(['id'])
    .where('event_id', '=', eventId)
    .where('checkin_code_hash', '=', hash)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();

export const markAttended = (trx: Tx, id: string, from: string, at: Date) =>
  trx
    .updateTable('forum_registrations')
    .set({ status: 'attended', attended_at: at, attended_from: from })
    .where('id', '=', id)
    .where('status', '=', from)
    .execute();

export const undoAttended = (trx: Tx, id: string, back: string) =>
  trx
    .updateTable('forum_registrations')
    .set({ status: back, attended_at: null, attended_from: null })
    .where('id', '=', id)
    .where('status', '=', 'attended')
    .execute();

export const countsOf = (trx: Tx, eventId: string) =>
  trx
    .selectFrom('forum_attendance_counts')
    .select(['home_country', 'participants', 'first_time'])
    .where('event_id', '=', eventId)
    .orderBy('home_country')
    .execute();

export const codesOf = async (trx: Tx, eventId: string) =>
  (
    await trx
      .selectFrom('forum_attendance_codes')
      .select('code')
      .where('event_id', '=', eventId)
      .orderBy('code')
      .execute()
  ).map((c) => c.code);

export async function replaceCounts(
  trx: Tx,
  e: { id: string; org_id: string },
  rows: ReadonlyArray<{ homeCountry: string | null; participants: number; firstTime: number }>,
  userId: string,
) {
  await trx.deleteFrom('forum_attendance_counts').where('event_id', '=', e.id).execute();
  if (rows.length)
    await trx
      .insertInto('forum_attendance_counts')
      .values(
        rows.map((r) => ({
          event_id: e.id,
          org_id: e.org_id,
          home_country: r.homeCountry,
          participants: r.participants,
          first_time: r.firstTime,
          recorded_by: userId,
        })),
      )
      .execute();
}

/** Only the codes that changed are written (each one an audit entry). */
export async function replaceCodes(
  trx: Tx,
  e: { id: string; org_id: string },
  codes: readonly string[],
  userId: string,
) {
  const before = new Set(await codesOf(trx, e.id));
  const gone = [...before].filter((c) => !codes.includes(c));
  const added = codes.filter((c) => !before.has(c));
  if (gone.length)
    await trx
      .deleteFrom('forum_attendance_codes')
      .where('event_id', '=', e.id)
      .where('code', 'in', gone)
      .execute();
  if (added.length)
    await trx
      .insertInto('forum_attendance_codes')
      .values(added.map((code) => ({ event_id: e.id, org_id: e.org_id, code, recorded_by: userId })))
      .execute();
}
