import type { ColumnType, Generated } from 'kysely';

/** The feedback tables and columns (migration 0048). */

type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ForumFeedbackTable {
  id: Generated<string>;
  event_id: string;
  org_id: string;
  overall: number;
  usefulness: number;
  again: string;
  most_useful: string | null;
  suggestions: string | null;
  language: string;
  contact_name: string | null;
  contact_email: string | null;
}

declare module '../tables' {
  interface ForumRegistrationsTable {
    feedback_token_hash: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
    feedback_sent_at: NullableInstant;
    feedback_answered_at: NullableInstant;
  }
}

declare module '../../../platform/db/database' {
  interface Database {
    forum_feedback: ForumFeedbackTable;
  }
}
