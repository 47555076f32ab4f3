import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Retention's tables (migration 0066). */
export interface RetentionPoliciesTable {
  org_id: string;
  case_file_years: Defaulted<number>;
  participation_years: Defaulted<number>;
  automatic: Defaulted<boolean>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RetentionRunsTable {
  id: Generated<string>;
  org_id: string;
  ran_on: ColumnType<string, string, string>;
  case_file_years: number;
  participation_years: number;
  case_file_count: Defaulted<number>;
  participation_count: Defaulted<number>;
  held_count: Defaulted<number>;
  restricted_count: Defaulted<number>;
  failed_count: Defaulted<number>;
  person_ids: Defaulted<string[]>;
  finished_at: Timestamp;
}

export interface RetentionTables {
  retention_policies: RetentionPoliciesTable;
  retention_runs: RetentionRunsTable;
}

declare module '../../../platform/db/database' {
  interface Database extends RetentionTables {}
}
