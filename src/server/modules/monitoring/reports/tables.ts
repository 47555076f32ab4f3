import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Tables of progress reports (migration 0025). */

type Json<T> = ColumnType<T, string, string>;
type TimeOrNull = ColumnType<Date | string | null, string | null, string | null>;
type Day = ColumnType<string, string, string>;

export interface ProgressReportsTable {
  id: Generated<string>;
  programme_id: string;
  lead_org_id: string;
  period: string;
  starts_on: Day;
  ends_on: Day;
  due_on: Day;
  status: Defaulted<string>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgressReportVersionsTable {
  id: Generated<string>;
  report_id: string;
  programme_id: string;
  lead_org_id: string;
  number: number;
  figures: Json<unknown>;
  figures_taken_at: Timestamp;
  narratives: ColumnType<unknown, string | undefined, string>;
  status: Defaulted<string>;
  submitted_at: TimeOrNull;
  submitted_by: string | null;
  reopened_at: TimeOrNull;
  reopened_by: string | null;
  reopen_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ProgressReportExactFiguresTable {
  version_id: string;
  lead_org_id: string;
  figures: Json<unknown>;
}

export interface ProgressReportRemindersTable {
  report_id: string;
  lead_org_id: string;
  kind: string;
  sent_on: string;
}

export interface ReportTables {
  progress_reports: ProgressReportsTable;
  progress_report_versions: ProgressReportVersionsTable;
  progress_report_exact_figures: ProgressReportExactFiguresTable;
  progress_report_reminders: ProgressReportRemindersTable;
}

declare module '../../../platform/db/database' {
  interface Database extends ReportTables {}
}
