import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../platform/db/database';

/** Tables owned by the volunteers module (migration 0045). */

type DateColumn = ColumnType<string, string, string>;
/** numeric comes back as a string from both engines. */
type NumericColumn = ColumnType<string, number, number>;

export interface VolunteersTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  email: string;
  phone: string | null;
  languages: Defaulted<string[]>;
  skills: Defaulted<string[]>;
  availability: string | null;
  status: Defaulted<string>;
  consent_given_at: ColumnType<Date, Date | string, Date | string>;
  benefit_centre_org_id: string | null;
  validated_by: string | null;
  validated_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VolunteerOrganisationsTable {
  volunteer_id: string;
  org_id: string;
  since: string | null;
  created_at: Timestamp;
}

export interface VolunteerTrainingsTable {
  id: Generated<string>;
  volunteer_id: string;
  org_id: string;
  title: string;
  followed_on: DateColumn;
  created_at: Timestamp;
}

export interface VolunteerBenefitDeclarationsTable {
  id: Generated<string>;
  volunteer_id: string;
  org_id: string;
  centre_org_id: string;
  declared_on: DateColumn;
  acknowledged_by: string;
  acknowledged_at: Timestamp;
  created_at: Timestamp;
}

export interface OrgVolunteerInsuranceTable {
  id: Generated<string>;
  org_id: string;
  insurer: string;
  policy_number: string;
  valid_from: DateColumn;
  valid_to: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface VolunteerAssignmentsTable {
  id: Generated<string>;
  volunteer_id: string;
  org_id: string;
  event_id: string | null;
  /** Added by the initiatives module's migration 0049; its trigger checks the organisation takes part. */
  initiative_id: string | null;
  activity_title: string | null;
  assigned_on: DateColumn;
  hours: NumericColumn;
  /** Computed by the database trigger from the assigning organisation's insurance. */
  insured: ColumnType<boolean, never, never>;
  created_by: string | null;
  created_at: Timestamp;
}

declare module '../../platform/db/database' {
  interface Database {
    volunteers: VolunteersTable;
    volunteer_organisations: VolunteerOrganisationsTable;
    volunteer_trainings: VolunteerTrainingsTable;
    volunteer_benefit_declarations: VolunteerBenefitDeclarationsTable;
    org_volunteer_insurance: OrgVolunteerInsuranceTable;
    volunteer_assignments: VolunteerAssignmentsTable;
  }
}
