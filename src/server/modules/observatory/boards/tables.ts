import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** The observatory's boards (migrations 0037, 0039). */

export interface ObsBoardsTable {
  id: Generated<string>;
  org_id: string;
  code: string;
  title_fr: string;
  title_nl: string;
  description_fr: string | null;
  description_nl: string | null;
  theme: string;
  group_code: string | null;
  period: string | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObsBoardTilesTable {
  id: Generated<string>;
  board_id: string;
  org_id: string;
  position: number;
  indicator_id: string;
  kind: Defaulted<string>;
  /** A comparison's two municipalities (migration 0039); null for every other kind. */
  geo_a: Defaulted<string | null>;
  geo_b: Defaulted<string | null>;
  created_at: Timestamp;
}

/** What a partner decided in response to a board (migration 0039). */
export interface ObsBoardFollowupsTable {
  id: Generated<string>;
  board_id: string;
  org_id: string;
  decided_on: ColumnType<string, string, string>;
  title: string;
  decision: string | null;
  language: string;
  status: Defaulted<string>;
  indicator_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    obs_boards: ObsBoardsTable;
    obs_board_tiles: ObsBoardTilesTable;
    obs_board_followups: ObsBoardFollowupsTable;
  }
}
