import type { Generated } from 'kysely';
import type { Timestamp } from './db/database';

/** Stored exports (migration 0067). */
export interface ExportsTable {
  id: Generated<string>;
  org_id: string;
  owner_user_id: string;
  kind: string;
  filename: string;
  content_type: string;
  body_enc: string;
  size_bytes: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

declare module './db/database' {
  interface Database {
    exports: ExportsTable;
  }
}
