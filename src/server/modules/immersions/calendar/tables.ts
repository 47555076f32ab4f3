import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../../platform/db/database';

/** The secret iCalendar feeds of users (migration 0031): the token's hash only. */
export interface ImmersionCalendarFeedsTable {
  id: Generated<string>;
  user_id: string;
  org_id: string;
  token_hash: Buffer;
  created_at: Timestamp;
  revoked_at: ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;
}

export interface ImmersionCalendarTables {
  immersion_calendar_feeds: ImmersionCalendarFeedsTable;
}

declare module '../../../platform/db/database' {
  interface Database extends ImmersionCalendarTables {}
}
