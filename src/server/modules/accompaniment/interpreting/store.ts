import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import { type KeyRow, type MasterKeys, releasedOpener } from '../../../platform/keys/field-cipher';
import type { InterpreterBookingsTable } from './tables';
import './tables';

/** The interpreting part's SQL. RLS shows a booking to its booking and its provider organisations only. */

export type BookingRow = Selectable<InterpreterBookingsTable> & {
  booker_name_fr: string;
  booker_name_nl: string;
  booker_short_name: string | null;
  provider_name_fr: string | null;
  provider_name_nl: string | null;
  provider_short_name: string | null;
};

const bookingQuery = (trx: Tx) =>
  trx
    .selectFrom('interpreter_bookings as b')
    .innerJoin('organisations as o', 'o.id', 'b.org_id')
    .leftJoin('organisations as p', 'p.id', 'b.provider_org_id')
    .selectAll('b')
    .select([
      'o.name_fr as booker_name_fr',
      'o.name_nl as booker_name_nl',
      'o.short_name as booker_short_name',
      'p.name_fr as provider_name_fr',
      'p.name_nl as provider_name_nl',
      'p.short_name as provider_short_name',
    ]);

export const listBookings = (trx: Tx, orgId: string, view: 'mine' | 'provider'): Promise<BookingRow[]> =>
  bookingQuery(trx)
    .where(view === 'mine' ? 'b.org_id' : 'b.provider_org_id', '=', orgId)
    .orderBy('b.starts_at', 'desc')
    .limit(500)
    .execute() as Promise<BookingRow[]>;

export const findBooking = (trx: Tx, id: string): Promise<BookingRow | undefined> =>
  bookingQuery(trx).where('b.id', '=', id).executeTakeFirst() as Promise<BookingRow | undefined>;

export const lockBooking = (trx: Tx, id: string) =>
  trx.selectFrom('interpreter_bookings').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export async function providers(trx: Tx) {
  const r = await sql<{ id: string; name_fr: string; name_nl: string; short_name: string | null }>`
    select id, name_fr, name_nl, short_name from app.interpreting_providers()`.execute(trx);
  return r.rows;
}

/** Whom the booking's mails go to: the provider's interpreters and coordinators, the user who booked. */
export async function addresses(trx: Tx, bookingId: string) {
  const r = await sql<{ side: 'provider' | 'booker'; email: string; locale: string }>`
    select side, email, locale from app.interpreting_addresses(${bookingId}::uuid)`.execute(trx);
  return r.rows;
}

export interface ExternalRow {
  id: string;
  language: string;
  dialect: string | null;
  modality: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  phone: string | null;
  video_url: string | null;
  domain: string;
  briefing: string | null;
  interpreter_name: string | null;
  booker_name_fr: string;
  booker_name_nl: string;
}

/** The booking a token opens now, or nothing (the definer function audits each opening). */
export async function externalBooking(trx: Tx, id: string, hash: Buffer, now: Date, leadHours: number) {
  const r = await sql<ExternalRow>`select * from app.interpreting_external_booking(${id}::uuid, ${hash},
    ${now.toISOString()}::timestamptz, make_interval(hours => ${leadHours}::int))`.execute(trx);
  return r.rows[0];
}

/** The booking organisation's data keys, to the booking's two organisations only (migration 0072). */
export const bookingOpener = (trx: Tx, masters: MasterKeys, id: string) =>
  releasedOpener(trx, masters, sql<KeyRow>`select * from app.booking_party_keys(${id}::uuid)`);

/** The same keys to the holder of the external link, on the link's conditions. */
export const externalKeys = (id: string, hash: Buffer, now: Date, leadHours: number) =>
  sql<KeyRow>`select * from app.interpreting_external_keys(${id}::uuid, ${hash},
    ${now.toISOString()}::timestamptz, make_interval(hours => ${leadHours}::int))`;
