import type { ColumnType, Generated } from 'kysely';
import type { InterpreterNeed, SpokenLanguage } from '../../../common/people/schemas';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the people module (migration 0003). */

/** A `date` column: read as 'YYYY-MM-DD', written as such. */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface PersonsTable {
  id: Generated<string>;
  org_id: string;
  first_name: string;
  last_name: string;
  birth_date: DateColumn;
  /** exact, year (stored as 1 January), estimated (migration 0053). */
  birth_date_precision: Defaulted<string>;
  /** ISO 3166-1 alpha-2, 'stateless', 'unknown'; null: not recorded (migration 0053). */
  nationality: ColumnType<string | null, string | null | undefined, string | null>;
  /** ISO 639-3 languages and dialects: [{code, dialect?, literacy, main?}] (migration 0053). */
  spoken_languages: ColumnType<SpokenLanguage[], string | undefined, string>;
  /** {language, modality, genderPreference} or null (migration 0053). */
  interpreter_need: ColumnType<InterpreterNeed | null, string | null | undefined, string | null>;
  /** female, male, non_binary; null: not recorded (migration 0022). */
  sex: ColumnType<string | null, string | null | undefined, string | null>;
  email: string | null;
  phone: string | null;
  street: string | null;
  postal_code: string | null;
  municipality_code: string | null;
  /** CEFR level per language, e.g. {"fr": "C2", "nl": "A2"}. */
  languages: ColumnType<Record<string, string>, string | undefined, string>;
  preferred_language: Defaulted<string>;
  benefit: Defaulted<string>;
  benefit_since: NullableDate;
  benefit_until: NullableDate;
  contract_type: Defaulted<string>;
  contract_signed_on: NullableDate;
  contract_next_evaluation_on: NullableDate;
  national_id_enc: string | null;
  /** Blind index of the national identifier (HMAC with the organisation's index key, ADR 0031). */
  national_id_bidx: string | null;
  participant_code: string;
  referent_user_id: string | null;
  status: Defaulted<string>;
  /** Restriction of processing (GDPR art. 18, migration 0065): writes about the person are refused. */
  restricted_at: NullableTimestamp;
  restriction_reason: ColumnType<string | null, string | null | undefined, string | null>;
  restricted_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set by the anonymisation (migration 0065): only the minimal participation record is left. */
  anonymised_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** An erasure of a person (migration 0065), written only by app.begin_erasure(). */
export interface PersonErasuresTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  reason: string;
  requested_by: string | null;
  xact: string;
  report: unknown;
  created_at: Timestamp;
}

export interface PathwaysTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  programme_id: string | null;
  modules: Defaulted<string[]>;
  referent_user_ids: Defaulted<string[]>;
  entry_on: DateColumn;
  exit_on: NullableDate;
  exit_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PathwayObjectivesTable {
  id: Generated<string>;
  org_id: string;
  pathway_id: string;
  title: string;
  status: Defaulted<string>;
  due_on: NullableDate;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PathwayActionsTable {
  id: Generated<string>;
  org_id: string;
  objective_id: string;
  title: string;
  status: Defaulted<string>;
  due_on: NullableDate;
  done_on: NullableDate;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PathwayNotesTable {
  id: Generated<string>;
  org_id: string;
  pathway_id: string;
  author_user_id: string;
  noted_on: DateColumn;
  body: string;
  confidential: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PathwayMobilityTable {
  id: Generated<string>;
  org_id: string;
  pathway_id: string;
  recorded_on: DateColumn;
  radius_km: number;
  crossed_border: Defaulted<boolean>;
  note: string | null;
  created_at: Timestamp;
}

export interface ConsentsTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  purpose: string;
  data_categories: string[];
  recipient_org_ids: Defaulted<string[]>;
  given_by: string;
  representative_name: string | null;
  given_on: DateColumn;
  expires_on: NullableDate;
  supersedes_id: string | null;
  recorded_by: string;
  withdrawn_on: NullableDate;
  withdrawal_reason: string | null;
  created_at: Timestamp;
}

export interface ReferralsTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  recipient_org_id: string;
  purpose: string;
  fields: string[];
  message: string | null;
  status: Defaulted<string>;
  decline_reason: string | null;
  consent_id: string | null;
  override_reason: string | null;
  sent_by: string;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonGrantsTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  recipient_org_id: string;
  purpose: string;
  fields: string[];
  source: string;
  source_id: string;
  consent_id: string | null;
  override_reason: string | null;
  created_by: string;
  expires_on: NullableDate;
  revoked_at: Date | null;
  revoked_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PeopleTables {
  persons: PersonsTable;
  pathways: PathwaysTable;
  pathway_objectives: PathwayObjectivesTable;
  pathway_actions: PathwayActionsTable;
  pathway_notes: PathwayNotesTable;
  pathway_mobility: PathwayMobilityTable;
  consents: ConsentsTable;
  referrals: ReferralsTable;
  person_grants: PersonGrantsTable;
  person_erasures: PersonErasuresTable;
}

declare module '../../platform/db/database' {
  interface Database extends PeopleTables {}
}
