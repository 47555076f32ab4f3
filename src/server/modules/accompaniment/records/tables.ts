import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Tables of the newcomer records (migration 0054). */

type Day = ColumnType<string, string, string>;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;

export interface NewcomerProfilesTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  category: string;
  arrival_on: NullableDay;
  arrival_approximate: Defaulted<boolean>;
  first_reception_country: string | null;
  housing: string | null;
  current_status: Defaulted<string>;
  permit_type: string | null;
  permit_valid_from: NullableDay;
  permit_expires_on: NullableDay;
  guardian_name: string | null;
  guardian_organisation: string | null;
  guardian_contact: string | null;
  guardian_consent_on: NullableDay;
  psychosocial_needed: Defaulted<boolean>;
  psychosocial_referred_to: string | null;
  psychosocial_since: NullableDay;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NewcomerHouseholdMembersTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  relation: string;
  birth_year: number | null;
  whereabouts: string;
  linked_person_id: string | null;
  position: Defaulted<number>;
  created_at: Timestamp;
}

export interface NewcomerStatusEventsTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  kind: string;
  occurred_on: Day;
  outcome: string | null;
  permit_type: string | null;
  valid_from: NullableDay;
  expires_on: NullableDay;
  note: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface NewcomerIntegrationPathsTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  scheme: string;
  status: string;
  started_on: NullableDay;
  ended_on: NullableDay;
  provider: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NewcomerPermitRemindersTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  event_id: string;
  lead_days: number;
  expires_on: Day;
  sent_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    newcomer_profiles: NewcomerProfilesTable;
    newcomer_household_members: NewcomerHouseholdMembersTable;
    newcomer_status_events: NewcomerStatusEventsTable;
    newcomer_integration_paths: NewcomerIntegrationPathsTable;
    newcomer_permit_reminders: NewcomerPermitRemindersTable;
  }
}
