import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Tables of immersion requests, their observer consents, logbook and report (migrations 0027, 0030, 0033). */

type TimeOrNull = ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;

export interface ImmersionRequestsTable {
  id: Generated<string>;
  org_id: string;
  host_org_id: string;
  offer_id: string;
  period_id: string | null;
  programme_id: string | null;
  visitor_user_id: string;
  requested_by: string | null;
  status: Defaulted<string>;
  status_reason: string | null;
  kind: string;
  theme: string;
  objectives: string;
  schedule: string | null;
  starts_on: string;
  ends_on: string;
  days: number;
  sent_to_host_at: TimeOrNull;
  manager_decided_by: string | null;
  manager_decided_at: TimeOrNull;
  host_decided_by: string | null;
  host_decided_at: TimeOrNull;
  confidentiality_accepted_at: TimeOrNull;
  /** The one reminder before the report is due (migration 0033). */
  report_due_reminded_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The one reminder once the report is overdue. */
  report_reminded_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The one take-up reminder, six months after the end (migration 0030). */
  takeup_reminded_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The agreement's version: each amendment of an agreed immersion makes the next (migration 0032). */
  agreement_version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ImmersionObserverConsentsTable {
  id: Generated<string>;
  request_id: string;
  org_id: string;
  visitor_org_id: string;
  held_on: string;
  activity: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface ImmersionLogbookEntriesTable {
  id: Generated<string>;
  request_id: string;
  org_id: string;
  host_org_id: string;
  entry_on: string;
  body: string;
  shared_with_host: Defaulted<boolean>;
  written_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ImmersionReportsTable {
  request_id: string;
  org_id: string;
  host_org_id: string;
  surprised: Defaulted<string>;
  works_differently: Defaulted<string>;
  to_transfer: Defaulted<string>;
  submitted_at: TimeOrNull;
  written_by: string | null;
  updated_at: Timestamp;
}

export interface ImmersionRulesTable {
  programme_id: string;
  org_id: string;
  short_min_days: Defaulted<number>;
  short_max_days: Defaulted<number>;
  updated_at: Timestamp;
}

export interface ImmersionRequestTables {
  immersion_requests: ImmersionRequestsTable;
  immersion_observer_consents: ImmersionObserverConsentsTable;
  immersion_logbook_entries: ImmersionLogbookEntriesTable;
  immersion_reports: ImmersionReportsTable;
  immersion_rules: ImmersionRulesTable;
}

declare module '../../../platform/db/database' {
  interface Database extends ImmersionRequestTables {}
}
