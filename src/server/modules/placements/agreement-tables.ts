import type { ColumnType, Generated } from 'kysely';
import type { TimetableDay } from '../../../common/placements/convention-terms';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables of placement agreements and their follow-up (migration 0005). */

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** numeric(4,1): read as a string by both engines. */
type Hours = ColumnType<string | null, number | string | null | undefined, number | string | null>;
/** jsonb: read as the array; written as its JSON text. */
type Timetable = ColumnType<TimetableDay[] | null, string | null | undefined, string | null>;
type RequiredHours = ColumnType<string, number | string | undefined, number | string>;

export interface PlacementsTable {
  id: Generated<string>;
  /** The person's home centre. */
  org_id: string;
  person_id: string;
  pathway_id: string | null;
  host_org_id: string;
  offer_id: string | null;
  programme_id: string | null;
  status: Defaulted<string>;
  site_name: string;
  municipality_code: string;
  tasks: string | null;
  schedule: string | null;
  hours_per_week: Hours;
  starts_on: DateColumn;
  ends_on: DateColumn;
  referent_user_id: string;
  tutor_user_id: string | null;
  signatory: Defaulted<string>;
  representative_name: string | null;
  language: string;
  accident_insurance_ref: string | null;
  liability_insurance_ref: string | null;
  /** Migration 0013 (issue 9, item 9): the convention's structured terms. */
  timetable: Timetable;
  aim: string | null;
  job_code_kind: string | null;
  job_code: string | null;
  protective_equipment: string | null;
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  emergency_contact_relation: string | null;
  shared_fields: string[];
  consent_id: string | null;
  override_reason: string | null;
  version: Defaulted<number>;
  status_reason: string | null;
  created_by: string;
  validated_at: Date | null;
  activated_at: Date | null;
  ended_on: NullableDate;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlacementSignaturesTable {
  id: Generated<string>;
  org_id: string;
  host_org_id: string;
  placement_id: string;
  version: number;
  role: string;
  signer_name: string;
  email: string | null;
  token_hash: Buffer | null;
  token_expires_at: Date | null;
  requested_by: string;
  requested_at: Timestamp;
  reminded_at: Date | null;
  /** The signer's own reminders (migration 0014). */
  signer_reminded_at: Date | null;
  signer_reminders: Generated<number>;
  method: string | null;
  signed_at: Date | null;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Columns every follow-up row shares: both organisations, copied from the agreement for RLS. */
interface FollowUpColumns {
  id: Generated<string>;
  org_id: string;
  host_org_id: string;
  placement_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlacementAttendanceTable extends FollowUpColumns {
  day: DateColumn;
  planned_hours: RequiredHours;
  status: string;
  hours: Hours;
  note: string | null;
  recorded_by: string;
  /** The side that wrote the row, whose key seals its note (migration 0076). */
  author_org_id: string;
}

export interface PlacementEvaluationsTable extends FollowUpColumns {
  kind: string;
  held_on: DateColumn;
  scores: ColumnType<Record<string, number>, string, string>;
  person_present: Defaulted<boolean>;
  referent_present: Defaulted<boolean>;
  tutor_present: Defaulted<boolean>;
  strengths: string | null;
  improvements: string | null;
  next_steps: string | null;
  recorded_by: string;
  /** The side that last wrote the evaluation, whose key seals its texts (migration 0076). */
  author_org_id: string;
}

export interface PlacementIncidentsTable extends FollowUpColumns {
  occurred_on: DateColumn;
  kind: string;
  /** Sealed with the author's key (migration 0076), as action_taken. */
  description: string;
  action_taken: string | null;
  reported_by: string;
  /** The side that wrote the row, whose key seals its texts. */
  author_org_id: string;
}

export interface PlacementMobilityTable extends FollowUpColumns {
  travelled_on: DateColumn;
  mode: string;
  door_to_door_minutes: number | null;
  cost_refunded_cents: number | null;
  travels_alone: Defaulted<boolean>;
  first_autonomous_crossing: Defaulted<boolean>;
  /** Sealed with the author's key (migration 0076). */
  note: string | null;
  recorded_by: string;
  /** The side that wrote the row, whose key seals its note. */
  author_org_id: string;
}

export interface PlacementStaysAbroadTable extends FollowUpColumns {
  starts_on: DateColumn;
  ends_on: DateColumn;
  reason: string | null;
  recorded_by: string;
}

export interface PlacementOutcomesTable {
  id: Generated<string>;
  org_id: string;
  placement_id: string;
  kind: string;
  observed_on: DateColumn;
  situation: string;
  contract_type: string | null;
  drop_out_reason: string | null;
  note: string | null;
  recorded_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlacementRemindersTable {
  id: Generated<string>;
  org_id: string;
  placement_id: string;
  kind: string;
  subject_key: string;
  sent_at: Timestamp;
}

export interface AgreementTables {
  placements: PlacementsTable;
  placement_signatures: PlacementSignaturesTable;
  placement_attendance: PlacementAttendanceTable;
  placement_evaluations: PlacementEvaluationsTable;
  placement_incidents: PlacementIncidentsTable;
  placement_mobility: PlacementMobilityTable;
  placement_stays_abroad: PlacementStaysAbroadTable;
  placement_outcomes: PlacementOutcomesTable;
  placement_reminders: PlacementRemindersTable;
}

declare module '../../platform/db/database' {
  interface Database extends AgreementTables {}
}
