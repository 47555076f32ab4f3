import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the forums module (migration 0044). */

type Instant = ColumnType<Date, Date | string, Date | string>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ForumEventsTable {
  id: Generated<string>;
  org_id: string;
  kind: string;
  title_fr: string;
  title_nl: string;
  description_fr: string | null;
  description_nl: string | null;
  theme: string | null;
  starts_at: Instant;
  ends_at: Instant;
  venue: string | null;
  online_url: string | null;
  languages: string[];
  interpreting: Defaulted<boolean>;
  capacity: number;
  audiences: string[];
  programme_id: string | null;
  status: Defaulted<string>;
  published_at: NullableInstant;
  cancelled_at: NullableInstant;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Migration 0057: the trainer pair of a training, network meeting or group session. */
  trainer_1_name: ColumnType<string | null, string | null | undefined, string | null>;
  trainer_1_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  trainer_2_name: ColumnType<string | null, string | null | undefined, string | null>;
  trainer_2_user_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ForumEventPartnersTable {
  event_id: string;
  partner_org_id: string;
  org_id: string;
  created_at: Timestamp;
}

export interface ForumRegistrationsTable {
  id: Generated<string>;
  event_id: string;
  org_id: string;
  name: string;
  email: string;
  organisation: string | null;
  language: string;
  accessibility_needs: string | null;
  consent_contact: Defaulted<boolean>;
  status: string;
  position: number;
  cancel_token_hash: Buffer | null;
  reminded_at: NullableInstant;
  created_at: Timestamp;
  cancelled_at: NullableInstant;
  promoted_at: NullableInstant;
  /** Migration 0050: when marked present, from which status (undo restores it), the check-in code's hash. */
  attended_at: NullableInstant;
  attended_from: string | null;
  checkin_code_hash: Buffer | null;
}

/** Migration 0050: attendance without identities at an event (counts, participant codes). */
export interface ForumAttendanceCountsTable {
  id: Generated<string>;
  event_id: string;
  org_id: string;
  home_country: string | null;
  participants: number;
  first_time: number;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ForumAttendanceCodesTable {
  id: Generated<string>;
  event_id: string;
  org_id: string;
  code: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

declare module '../../platform/db/database' {
  interface Database {
    forum_events: ForumEventsTable;
    forum_event_partners: ForumEventPartnersTable;
    forum_registrations: ForumRegistrationsTable;
    forum_attendance_counts: ForumAttendanceCountsTable;
    forum_attendance_codes: ForumAttendanceCodesTable;
  }
}
