import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the formative module (migrations 0029, 0034). */

type DateColumn = ColumnType<string, string, string>;
type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type TimeOrNull = ColumnType<Date | string | null, string | null | undefined, string | null>;
/** numeric(4,1): read as text by both engines, written as a number. */
type Hours = ColumnType<string, number, number>;

export interface FormativeModulesTable {
  id: Generated<string>;
  org_id: string;
  unit_id: string | null;
  code: string;
  name_fr: string;
  name_nl: string;
  description_fr: string | null;
  description_nl: string | null;
  position: Defaulted<number>;
  /** Retired: kept for the plans that use it, offered to no new plan. */
  retired_at: TimeOrNull;
  created_at: Timestamp;
}

export interface FormativePartnershipsTable {
  id: Generated<string>;
  org_id: string;
  partner_org_id: string;
  programme_id: string;
  host_unit_id: string;
  trainee_user_id: string;
  tutor_user_id: string;
  immersion_starts_on: DateColumn;
  immersion_ends_on: DateColumn;
  application_starts_on: DateColumn;
  application_ends_on: DateColumn;
  convention_on: DateOrNull;
  funding_order_on: DateOrNull;
  hired_on: DateOrNull;
  /** The programme milestones and documents that stand for the dated steps (0034). */
  convention_milestone_id: Defaulted<string | null>;
  funding_order_milestone_id: Defaulted<string | null>;
  hired_milestone_id: Defaulted<string | null>;
  convention_document_id: Defaulted<string | null>;
  funding_order_document_id: Defaulted<string | null>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FormativePlanItemsTable {
  id: Generated<string>;
  partnership_id: string;
  org_id: string;
  partner_org_id: string;
  module_id: string;
  planned_hours: number;
  level: string | null;
  percent: number | null;
  comment: string | null;
  progress_by: string | null;
  progress_at: TimeOrNull;
  created_at: Timestamp;
}

export interface FormativeSessionsTable {
  id: Generated<string>;
  partnership_id: string;
  org_id: string;
  partner_org_id: string;
  module_id: string;
  held_on: DateColumn;
  hours: Hours;
  summary: string;
  recorded_by: string;
  created_at: Timestamp;
}

export interface FormativeReviewsTable {
  id: Generated<string>;
  partnership_id: string;
  org_id: string;
  partner_org_id: string;
  kind: string;
  held_on: DateColumn;
  strengths: string | null;
  improvements: string | null;
  next_steps: string | null;
  written_by: string | null;
  trainee_signed_at: TimeOrNull;
  trainee_signed_by: string | null;
  tutor_signed_at: TimeOrNull;
  tutor_signed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FormativeProjectsTable {
  id: Generated<string>;
  partnership_id: string;
  org_id: string;
  lead_org_id: string;
  title: string;
  objectives: string | null;
  actions: string | null;
  participants: Defaulted<number>;
  partners: string | null;
  results: string | null;
  status: Defaulted<string>;
  starts_on: DateOrNull;
  ends_on: DateOrNull;
  practice_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FormativeTables {
  formative_modules: FormativeModulesTable;
  formative_partnerships: FormativePartnershipsTable;
  formative_plan_items: FormativePlanItemsTable;
  formative_sessions: FormativeSessionsTable;
  formative_reviews: FormativeReviewsTable;
  formative_projects: FormativeProjectsTable;
}

declare module '../../platform/db/database' {
  interface Database extends FormativeTables {}
}
