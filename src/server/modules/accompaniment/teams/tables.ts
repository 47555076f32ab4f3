import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Tables owned by the mobile teams part of the accompaniment module (migration 0055). */

type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Instant = ColumnType<Date, Date | string, Date | string>;

export interface AccompanimentTeamsTable {
  id: Generated<string>;
  org_id: string;
  name_fr: string;
  name_nl: string;
  description: string | null;
  languages: Defaulted<string[]>;
  regions: string[];
  active: Defaulted<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccompanimentTeamMembersTable {
  id: Generated<string>;
  team_id: string;
  org_id: string;
  user_id: string | null;
  display_name: string | null;
  profession: string;
  created_at: Timestamp;
}

export interface AccompanimentRequestsTable {
  id: Generated<string>;
  org_id: string;
  team_id: string;
  team_org_id: string;
  needs: string[];
  urgency: Defaulted<string>;
  languages: Defaulted<string[]>;
  fields: string[];
  message: string | null;
  status: Defaulted<string>;
  decline_reason: string | null;
  decided_by: string | null;
  decided_at: NullableInstant;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccompanimentRequestPersonsTable {
  request_id: string;
  person_id: string;
  org_id: string;
  team_org_id: string;
}

export interface AccompanimentInterventionsTable {
  id: Generated<string>;
  request_id: string;
  org_id: string;
  requester_org_id: string;
  starts_at: Instant;
  duration_minutes: number;
  place: string;
  place_country: string;
  kind: string;
  language: string;
  person_ids: string[];
  other_participants: Defaulted<number>;
  member_ids: Defaulted<string[]>;
  status: Defaulted<string>;
  outcome: string | null;
  onward_referrals: ColumnType<Array<{ organisation: string; reason: string }>, string | undefined, string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccompanimentClinicalNotesTable {
  id: Generated<string>;
  request_id: string;
  org_id: string;
  person_id: string | null;
  body_enc: string;
  written_by: string;
  created_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    accompaniment_teams: AccompanimentTeamsTable;
    accompaniment_team_members: AccompanimentTeamMembersTable;
    accompaniment_requests: AccompanimentRequestsTable;
    accompaniment_request_persons: AccompanimentRequestPersonsTable;
    accompaniment_interventions: AccompanimentInterventionsTable;
    accompaniment_clinical_notes: AccompanimentClinicalNotesTable;
  }
}
