import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the monitoring module (migration 0017). */

type DateColumn = ColumnType<string, string, string>;

export interface ProgrammeIndicatorsTable {
  id: Generated<string>;
  programme_id: string;
  /** The programme's lead organisation. */
  org_id: string;
  action_id: string | null;
  position: Defaulted<number>;
  code: string;
  eu_code: string | null;
  kind: string;
  unit: string;
  label_fr: string;
  label_nl: string;
  label_en: string;
  definition_fr: string | null;
  definition_nl: string | null;
  definition_en: string | null;
  baseline: Defaulted<number>;
  target: number;
  rule_code: string | null;
  /** jsonb: read as the object, written as its JSON text. */
  rule_params: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** partner, sex, age_band (migration 0022). */
  breakdowns: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeIndicatorMilestonesTable {
  id: Generated<string>;
  indicator_id: string;
  org_id: string;
  due_on: DateColumn;
  target: number;
  created_at: Timestamp;
}

export interface ProgrammeIndicatorValuesTable {
  id: Generated<string>;
  indicator_id: string;
  org_id: string;
  value: number;
  as_of: DateColumn;
  evidence_url: string | null;
  evidence_note: string | null;
  author_user_id: string;
  created_at: Timestamp;
}

export interface MonitoringTables {
  programme_indicators: ProgrammeIndicatorsTable;
  programme_indicator_milestones: ProgrammeIndicatorMilestonesTable;
  programme_indicator_values: ProgrammeIndicatorValuesTable;
}

declare module '../../platform/db/database' {
  interface Database extends MonitoringTables {}
}
