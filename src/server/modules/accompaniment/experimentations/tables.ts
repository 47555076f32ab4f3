import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Timestamp } from '../../../platform/db/database';

/** Tables owned by the experimentations part of the accompaniment module (migration 0057). */

type Day = ColumnType<string, string, string>;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;

export interface ExperimentationsTable {
  id: Generated<string>;
  org_id: string;
  programme_id: string;
  action_id: string | null;
  side: string;
  title_fr: string;
  title_nl: string;
  theme: string;
  objectives: string | null;
  starts_on: NullableDay;
  ends_on: NullableDay;
  newcomers: Defaulted<number>;
  professionals: Defaulted<number>;
  volunteers: Defaulted<number>;
  status: Defaulted<string>;
  findings: string | null;
  what_worked: string | null;
  transfer_conditions: string | null;
  recommend_transfer: boolean | null;
  evaluated_on: NullableDay;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExperimentationPartnersTable {
  experimentation_id: string;
  partner_org_id: string;
  org_id: string;
  created_at: Timestamp;
}

export interface ExperimentationTransfersTable {
  id: Generated<string>;
  experimentation_id: string;
  org_id: string;
  side: string;
  status: Defaulted<string>;
  adaptations: string | null;
  starts_on: NullableDay;
  ends_on: NullableDay;
  newcomers: Defaulted<number>;
  professionals: Defaulted<number>;
  volunteers: Defaulted<number>;
  findings: string | null;
  what_worked: string | null;
  evaluated_on: NullableDay;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccompanimentDeliverablesTable {
  id: Generated<string>;
  org_id: string;
  programme_id: string;
  action_id: string;
  title: string;
  kind: string;
  languages: string[];
  link_url: string | null;
  issued_on: Day;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../../platform/db/database' {
  interface Database {
    experimentations: ExperimentationsTable;
    experimentation_partners: ExperimentationPartnersTable;
    experimentation_transfers: ExperimentationTransfersTable;
    accompaniment_deliverables: AccompanimentDeliverablesTable;
  }
}
