import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** The partners' local analyses (migration 0038). */
export interface ObsAnalysesTable {
  id: Generated<string>;
  org_id: string;
  title_fr: string;
  title_nl: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObsAnalysisVersionsTable {
  id: Generated<string>;
  analysis_id: string;
  org_id: string;
  number: number;
  status: Defaulted<string>;
  group_code: string | null;
  note: string | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  published_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObsAnalysisSectionsTable {
  id: Generated<string>;
  version_id: string;
  org_id: string;
  position: number;
  theme: string;
  heading_fr: string;
  heading_nl: string;
  body_fr: Defaulted<string>;
  body_nl: Defaulted<string>;
  indicator_id: string | null;
  tile_kind: string | null;
  tile_period: string | null;
  created_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    obs_analyses: ObsAnalysesTable;
    obs_analysis_versions: ObsAnalysisVersionsTable;
    obs_analysis_sections: ObsAnalysisSectionsTable;
  }
}
