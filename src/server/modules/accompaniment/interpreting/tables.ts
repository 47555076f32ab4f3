import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** The interpreting part's table (migration 0056). */

type Instant = ColumnType<Date, Date | string, Date | string>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface InterpreterBookingsTable {
  id: Generated<string>;
  org_id: string;
  language: string;
  dialect: string | null;
  modality: string;
  starts_at: Instant;
  ends_at: Instant;
  place: string | null;
  phone: string | null;
  video_url: string | null;
  domain: string;
  gender_preference: Defaulted<string>;
  person_id: string | null;
  briefing: string | null;
  provider_org_id: string | null;
  external_service: string | null;
  provider_reference: string | null;
  cost_centre: string | null;
  status: Defaulted<string>;
  interpreter_name: string | null;
  interpreter_email: string | null;
  confirmed_at: NullableInstant;
  confirmed_by: string | null;
  cancelled_at: NullableInstant;
  cancel_reason: string | null;
  external_token_hash: Buffer | null;
  feedback_rating: number | null;
  feedback_comment: string | null;
  feedback_flags: Defaulted<string[]>;
  feedback_at: NullableInstant;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    interpreter_bookings: InterpreterBookingsTable;
  }
}
